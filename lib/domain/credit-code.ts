/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registering authority, entity type, 6-digit division, 9-character
 * organisation code (with its own GB 11714 check), and a final check character.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type CreditCodeError =
  | { code: 'empty' }
  | { code: 'length'; length: number }
  | { code: 'character'; position: number; character: string }
  | { code: 'org_check'; expected: string; actual: string }
  | { code: 'check'; expected: string; actual: string };

export type CreditCodeResult = { ok: true; value: string } | { ok: false; value: string; error: CreditCodeError };

/** Trims, removes inner whitespace and upper-cases what a user typed. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The GB 32100 check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 organisation-code check over its first 8 characters (digits and letters A=10 ...). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validates a credit code: charset, length, the final check character, then the
 * organisation code's own check (character 17). Some real licences fail a check; a
 * committee user may then record an override with a reason (ventures.credit_code_override).
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = normalizeCreditCode(input);
  if (value.length === 0) return { ok: false, value, error: { code: 'empty' } };
  for (let i = 0; i < value.length; i++) {
    if (!CREDIT_CODE_CHARSET.includes(value[i]!)) {
      return { ok: false, value, error: { code: 'character', position: i + 1, character: value[i]! } };
    }
  }
  if (value.length !== 18) return { ok: false, value, error: { code: 'length', length: value.length } };
  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (expected !== value[17]) return { ok: false, value, error: { code: 'check', expected, actual: value[17]! } };
  const orgExpected = orgCodeCheckChar(value.slice(8, 16));
  if (orgExpected !== value[16]) {
    return { ok: false, value, error: { code: 'org_check', expected: orgExpected, actual: value[16]! } };
  }
  return { ok: true, value };
}

/**
 * Builds a valid code from the registering authority and entity type (2 characters), the
 * division (6 digits) and the first 8 characters of the organisation code.
 */
export function buildCreditCode(prefix2: string, division6: string, org8: string): string {
  const first17 = prefix2 + division6 + org8 + orgCodeCheckChar(org8);
  return first17 + creditCodeCheckChar(first17);
}
