import fc from 'fast-check';

/**
 * GB 32100-2015 written out again from the standard (docs/domain.md), independently of
 * lib/domain/credit-code.ts, so that property tests compare the two.
 */
export const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W18 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const W9 = [3, 7, 9, 10, 5, 8, 4, 2];

export function specCheck18(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * W18[i]!, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Digits count as their value, letters A = 10, B = 11, ... (the organisation code's alphabet is 0-9, A-Z). */
export function specCheck9(first8: string): string {
  const value = (ch: string) => (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55);
  const sum = [...first8].reduce((s, ch, i) => s + value(ch) * W9[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const chars = (alphabet: string, n: number) => fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** A valid code: authority and type, a 6-digit division, an 8-character organisation code and both checks. */
export const validCreditCode: fc.Arbitrary<string> = fc
  .tuple(chars('159Y', 1), chars(ALPHABET, 1), chars('0123456789', 6), chars(ALPHABET, 8))
  .map(([a, t, division, org8]) => {
    const first17 = a + t + division + org8 + specCheck9(org8);
    return first17 + specCheck18(first17);
  });
