/**
 * Expected failures of a change, as typed codes. Actions return them as results; only
 * unexpected errors throw, and those are logged and shown as a generic message.
 */
export type FailureCode = 'conflict' | 'notFound' | 'forbidden' | 'invalid';

/** A field error as a message key under `validation` with its parameters, translated at the edge. */
export type FieldMessage = { key: string; params?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldMessage[]>;

export class DomainError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly fieldErrors?: FieldErrors,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('notFound');
export const conflict = () => new DomainError('conflict');
export const forbiddenChange = () => new DomainError('forbidden');
export const invalid = (fieldErrors: FieldErrors) => new DomainError('invalid', fieldErrors);
