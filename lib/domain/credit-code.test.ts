import { describe, expect, it } from 'vitest';
import { buildCreditCode, creditCodeCheckChar, normalizeCreditCode, orgCodeCheckChar, validateCreditCode } from './credit-code';

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91310115MA1K3Y006M', '91310000MA1FL100XP', '913100001322360077', '91310115MA1H7W00X8'])(
    'accepts the valid vector %s',
    (code) => {
      expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it('rejects a wrong final check character and says which one was expected', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      value: '91350100M000100Y44',
      error: { code: 'check', expected: '3', actual: '4' },
    });
    expect(validateCreditCode('91350203M0001QAY9B')).toMatchObject({ ok: false, error: { code: 'check', actual: 'B' } });
  });

  it('names the position of a character outside the charset (S, I, O, V, Z)', () => {
    expect(validateCreditCode('9131011SMA1K3Y006M')).toMatchObject({
      ok: false,
      error: { code: 'character', position: 8, character: 'S' },
    });
    for (const bad of ['I', 'O', 'V', 'Z']) {
      const r = validateCreditCode(`91310115MA1K3Y00${bad}M`);
      expect(r).toMatchObject({ ok: false, error: { code: 'character', position: 17, character: bad } });
    }
  });

  it('rejects 17 and 19 characters with the length', () => {
    expect(validateCreditCode('91310115MA1K3Y006')).toMatchObject({ ok: false, error: { code: 'length', length: 17 } });
    expect(validateCreditCode('91310115MA1K3Y006MM')).toMatchObject({ ok: false, error: { code: 'length', length: 19 } });
    expect(validateCreditCode('   ')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('upper-cases and trims what was typed before checking', () => {
    expect(normalizeCreditCode(' 91310115ma1k3y006m \n')).toBe('91310115MA1K3Y006M');
    expect(validateCreditCode(' 91310115ma1k3y006m ')).toEqual({ ok: true, value: '91310115MA1K3Y006M' });
  });

  it('checks the organisation code’s own check character (GB 11714)', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('MA1FL100')).toBe('X');
    // A code whose final check is right but whose organisation-code check (position 17) is not.
    const body17 = '91310115MA1K3Y007';
    const code = body17 + creditCodeCheckChar(body17);
    expect(validateCreditCode(code)).toMatchObject({ ok: false, error: { code: 'org_check', expected: '6', actual: '7' } });
  });

  it('builds codes that validate', () => {
    for (const org of ['MA1K3Y00', 'MA1H7W00', '13223600', 'MA1FL100']) {
      const code = buildCreditCode('91', '310115', org);
      expect(validateCreditCode(code).ok).toBe(true);
    }
  });
});
