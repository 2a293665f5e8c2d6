import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABET, specCheck18, specCheck9, validCreditCode } from '@/tests/helpers/credit-code-spec';
import { hostileString } from '@/tests/helpers/hostile';
import { validateCreditCode } from './credit-code';

describe('credit code (GB 32100) properties', () => {
  it('the test vectors of the standard agree with the independent implementation', () => {
    for (const code of ['91350100M000100Y43', '91310115MA1K3Y006M', '91310000MA1FL100XP', '913100001322360077', '91310115MA1H7W00X8']) {
      expect(specCheck18(code.slice(0, 17))).toBe(code[17]);
      expect(specCheck9(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('accepts every correctly built code, also lower-case and with spaces', () => {
    fc.assert(
      fc.property(validCreditCode, fc.boolean(), fc.nat(18), (code, lower, at) => {
        const typed = (lower ? code.toLowerCase() : code).slice(0, at) + ' ' + (lower ? code.toLowerCase() : code).slice(at);
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
        expect(validateCreditCode(` ${typed}\t`)).toEqual({ ok: true, value: code });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses any single substituted character unless both checks happen to hold again', () => {
    fc.assert(
      fc.property(validCreditCode, fc.nat(17), fc.constantFrom(...ALPHABET, 'I', 'O', 'S', 'V', 'Z', '-', '０'), (code, at, ch) => {
        fc.pre(code[at] !== ch);
        const changed = code.slice(0, at) + ch + code.slice(at + 1);
        const stillValid =
          [...changed].every((c) => ALPHABET.includes(c)) &&
          specCheck18(changed.slice(0, 17)) === changed[17] &&
          specCheck9(changed.slice(8, 16)) === changed[16];
        expect(validateCreditCode(changed).ok).toBe(stillValid);
        // The mod-31 check alone detects every substitution among the first 17 characters.
        if (at < 17 && ALPHABET.includes(ch)) expect(stillValid).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, and what it accepts is 18 characters of the alphabet with both checks', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: fc.constantFrom(...ALPHABET, 'a', 'o', ' '), minLength: 16, maxLength: 20 })), (input) => {
        const r = validateCreditCode(input);
        if (r.ok) {
          expect(r.value).toMatch(/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/);
          expect(specCheck18(r.value.slice(0, 17))).toBe(r.value[17]);
          expect(specCheck9(r.value.slice(8, 16))).toBe(r.value[16]);
        } else {
          expect(['empty', 'length', 'character', 'check', 'org_check']).toContain(r.error.code);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
