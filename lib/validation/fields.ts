import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { validateCreditCode } from '../domain/credit-code';
import { parseAmountToFen } from '../money';
export { optionalName, requiredName } from './visible-text';

/**
 * Field parsers shared by forms and spreadsheet imports, so that a row of a workbook is held
 * to exactly the rules of the form. Messages are keys under `validation`.
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** PostgreSQL stores no NUL character in text or JSON: refused here rather than failing at the database. */
const storable = (s: z.ZodString) => s.refine((v) => !v.includes('\u0000'), 'nulCharacter');

export const requiredText = (max = 200) => storable(z.string().trim().min(1, 'required').max(max));
export const optionalText = (max = 2000) => z.preprocess(blankToUndefined, storable(z.string().trim().max(max)).optional());

export const isoDate = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => isIsoDate(v), 'date');
export const optionalIsoDate = z.preprocess(blankToUndefined, isoDate.optional());

/**
 * Why a typed amount is refused: blank, a negative amount (that would be a well-formed amount
 * without its minus sign), or anything else that is not yuan with at most two decimals.
 */
export function amountProblem(text: string): 'required' | 'amountNegative' | 'amount' {
  const s = text.trim();
  if (s === '') return 'required';
  if (s.startsWith('-') && parseAmountToFen(s.slice(1)) !== null) return 'amountNegative';
  return 'amount';
}

/** An amount typed in yuan ("1,234.56"), as integer fen; never negative. */
export const amountFen = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const fen = parseAmountToFen(String(v));
  if (fen === null) {
    ctx.addIssue({ code: 'custom', message: amountProblem(String(v)) });
    return z.NEVER;
  }
  return fen;
});
export const optionalAmountFen = z.preprocess(blankToUndefined, amountFen.optional());

function parseWholeNumber(v: unknown, ctx: z.RefinementCtx, min: number, max: number): number | undefined {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/[,，]/g, '') : '';
  if (text === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'number' });
    return z.NEVER;
  }
  const n = Number(text);
  if (!Number.isInteger(n)) ctx.addIssue({ code: 'custom', message: 'integer' });
  else if (n < min) ctx.addIssue({ code: 'custom', message: 'tooSmall', params: { minimum: min } });
  else if (n > max) ctx.addIssue({ code: 'custom', message: 'tooBig', params: { maximum: max } });
  else return n;
  return z.NEVER;
}

/** A whole number in a range (counts, m², employees); blank is refused. */
export const nonNegativeInt = (max = 1_000_000_000) =>
  z.unknown().transform((v, ctx) => {
    const n = parseWholeNumber(v, ctx, 0, max);
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    return n;
  });

/** The same, where blank means "not given". */
export const optionalNonNegativeInt = (max = 1_000_000_000) => z.unknown().transform((v, ctx) => parseWholeNumber(v, ctx, 0, max));

/** A unified social credit code, normalised (trimmed, upper-cased) and checked (GB 32100). */
export const creditCode = z.string().transform((v, ctx) => {
  const r = validateCreditCode(v);
  if (!r.ok) {
    const { code, ...params } = r.error;
    ctx.addIssue({ code: 'custom', message: `creditCode.${code}`, params });
    return z.NEVER;
  }
  return r.value;
});

export const version = z.coerce.number().int().min(1).max(2_147_483_647);
export const id = z.coerce.number().int().positive().max(2_147_483_647);
