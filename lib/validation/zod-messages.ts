import type { z } from 'zod';
import type { FieldErrors, FieldMessage } from '../errors';

/**
 * Turns zod issues into message keys (under `validation`) with parameters. Schemas may set
 * their own key as the issue message (e.g. 'amount', 'creditCode.check'), with parameters
 * in the issue's `params`; built-in issues are mapped by code.
 */
const KEY = /^[a-zA-Z][\w]*(\.[\w]+)*$/;

export function issueToMessage(issue: z.core.$ZodIssue): FieldMessage {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (issue.message && KEY.test(issue.message)) return params ? { key: issue.message, params } : { key: issue.message };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { key: 'required' } : { key: 'tooShort', params: { minimum: Number(issue.minimum) } };
      }
      return { key: 'tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'tooLong', params: { maximum: Number(issue.maximum) } };
      return { key: 'tooBig', params: { maximum: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return { key: 'required' };
      return { key: issue.expected === 'number' ? 'number' : 'invalid' };
    case 'invalid_value':
      return { key: 'choice' };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'email' : 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    (out[field] ??= []).push(issueToMessage(issue));
  }
  return out;
}
