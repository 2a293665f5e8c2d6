import { describe, expect, it } from 'vitest';
import {
  DEMO_TOTP_SECRET,
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  otpauthUri,
  recoveryCodeMatches,
  secondFactorKind,
  totpCode,
  verifyTotp,
} from './totp';

/** RFC 6238, Appendix B: the SHA-1 rows, 8 digits, with the ASCII secret "12345678901234567890". */
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe('RFC 6238 test vectors (SHA-1)', () => {
  it.each(RFC_VECTORS)('T = %i s gives %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, at(seconds), 8)).toBe(code);
    expect(verifyTotp(RFC_SECRET, code, at(seconds), 8)).toBe(Math.floor(seconds / 30));
  });

  it('the six-digit code is the last six digits of the eight', () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, at(seconds))).toBe(code.slice(2));
  });
});

describe('verifyTotp', () => {
  const now = at(1_800_000_015); // 15 s into a step
  const code = totpCode(DEMO_TOTP_SECRET, now);

  it('accepts the current code, typed with spaces', () => {
    expect(verifyTotp(DEMO_TOTP_SECRET, code, now)).toBe(60_000_000);
    expect(verifyTotp(DEMO_TOTP_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
  });

  it('accepts the step before and after, and nothing further', () => {
    expect(verifyTotp(DEMO_TOTP_SECRET, code, at(1_800_000_015 - 30))).not.toBeNull();
    expect(verifyTotp(DEMO_TOTP_SECRET, code, at(1_800_000_015 + 30))).not.toBeNull();
    expect(verifyTotp(DEMO_TOTP_SECRET, code, at(1_800_000_015 - 60))).toBeNull();
    expect(verifyTotp(DEMO_TOTP_SECRET, code, at(1_800_000_015 + 60))).toBeNull();
  });

  it('refuses a wrong, short, long or non-numeric code and a malformed secret without throwing', () => {
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (const bad of [wrong, code.slice(1), `${code}0`, 'abcdef', '', '０１２３４５']) expect(verifyTotp(DEMO_TOTP_SECRET, bad, now)).toBeNull();
    expect(verifyTotp('not base32!', code, now)).toBeNull();
    expect(verifyTotp('', code, now)).toBeNull();
  });

  it('knows the published demo secret (base32 of "Hello!\\xDE\\xAD\\xBE\\xEF")', () => {
    // The value authenticator examples show for this secret at T = 0.
    expect(totpCode(DEMO_TOTP_SECRET, at(0))).toBe('282760');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes shaped xxxx-xxxx-xx from a safe alphabet', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{2}$/);
  });

  it('matches its salted hash however it is typed, and nothing else', () => {
    const [code] = generateRecoveryCodes(1);
    const stored = hashRecoveryCode(code!);
    expect(stored).toMatch(/^sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored).not.toContain(code!.replace(/-/g, ''));
    expect(recoveryCodeMatches(code!, stored)).toBe(true);
    expect(recoveryCodeMatches(` ${code!.toUpperCase().replace(/-/g, ' ')} `, stored)).toBe(true);
    const other = generateRecoveryCodes(1)[0]!;
    expect(recoveryCodeMatches(other, stored)).toBe(other === code);
    expect(recoveryCodeMatches(code!, 'bcrypt$x$y')).toBe(false);
  });

  it('salts each code: the same code hashes differently twice', () => {
    const [code] = generateRecoveryCodes(1);
    expect(hashRecoveryCode(code!)).not.toBe(hashRecoveryCode(code!));
  });

  it('tells a one-time code from a recovery code', () => {
    expect(secondFactorKind('123 456')).toBe('totp');
    expect(secondFactorKind('abcd-efgh-jk')).toBe('recovery');
    expect(secondFactorKind('abcd-efgh-j1')).toBeNull(); // 1 is not in the alphabet
    expect(normaliseRecoveryCode('ABCD EFGH JK')).toBe('abcdefghjk');
    expect(secondFactorKind('')).toBeNull();
  });
});

describe('otpauthUri', () => {
  it('names the issuer, the account and the RFC parameters', () => {
    const uri = new URL(otpauthUri(DEMO_TOTP_SECRET, 'committee1@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(DEMO_TOTP_SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Incubator Network Portal');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('committee1@example.org');
  });
});
