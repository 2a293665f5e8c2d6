import type { IsoDate } from '../domain/dates';
import type { FieldErrors } from '../errors';

/**
 * Rules across the fields of a venture edit that a per-field schema cannot state: a
 * certificate has both a number and a date, an exit event both a kind and a date, and none
 * of these dates lies after today. Returns null when all hold.
 */
export function ventureEditErrors(
  input: {
    highTechCertNo?: string | null;
    highTechCertOn?: IsoDate | null;
    exitKind?: string | null;
    exitOn?: IsoDate | null;
  },
  today: IsoDate,
): FieldErrors | null {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push({ key });
  if (input.highTechCertNo && !input.highTechCertOn) add('highTechCertOn', 'required');
  if (input.highTechCertOn && !input.highTechCertNo) add('highTechCertNo', 'required');
  if (input.exitKind && !input.exitOn) add('exitOn', 'required');
  if (input.exitOn && !input.exitKind) add('exitKind', 'required');
  if (input.highTechCertOn && input.highTechCertOn > today) add('highTechCertOn', 'dateInFuture');
  if (input.exitOn && input.exitOn > today) add('exitOn', 'dateInFuture');
  return Object.keys(errors).length ? errors : null;
}

/** A financing event cannot be dated after today. */
export function financingErrors(input: { receivedOn: IsoDate }, today: IsoDate): FieldErrors | null {
  return input.receivedOn > today ? { receivedOn: [{ key: 'dateInFuture' }] } : null;
}
