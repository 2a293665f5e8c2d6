import { describe, expect, it } from 'vitest';
import { changePasswordInput, characterClasses, passwordPolicy, PASSWORD_MAX, PASSWORD_MIN } from './password';

const email = 'Operator.One@Example.org';
const keysOf = (r: { success: boolean; error?: { issues: { message: string; code: string }[] } }) => (r.error?.issues ?? []).map((i) => i.code);

describe('password policy', () => {
  const policy = passwordPolicy(email);

  it('refuses 11 characters and accepts 12', () => {
    expect(PASSWORD_MIN).toBe(12);
    const eleven = policy.safeParse('aB3'.repeat(4).slice(0, 11));
    expect(eleven.success).toBe(false);
    expect(keysOf(eleven)).toEqual(['too_small']);
    expect(policy.safeParse('aB3'.repeat(4)).success).toBe(true);
  });

  it('accepts 200 characters and refuses 201', () => {
    expect(PASSWORD_MAX).toBe(200);
    expect(policy.safeParse('bC4'.repeat(67).slice(0, 200)).success).toBe(true);
    const long = policy.safeParse('bC4'.repeat(67));
    expect(long.success).toBe(false);
    expect(keysOf(long)).toEqual(['too_big']);
  });

  it('refuses the account’s email in any case and with surrounding spaces', () => {
    for (const candidate of ['operator.one@example.org', 'OPERATOR.ONE@EXAMPLE.ORG', `  ${email}  `]) {
      const r = policy.safeParse(candidate);
      expect(r.success, candidate).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('accounts.errors.passwordIsEmail');
    }
  });

  it('accepts a password that only contains the email', () => {
    expect(policy.safeParse(`${email}!`).success).toBe(true);
  });

  it('counts the four character classes, in any script', () => {
    expect(characterClasses('abcdefghijkl')).toBe(1);
    expect(characterClasses('abcdefABCDEF')).toBe(2);
    expect(characterClasses('abcABC123')).toBe(3);
    expect(characterClasses('abcABC123 ')).toBe(4);
    expect(characterClasses('密码很长很长的一句话')).toBe(1);
    expect(characterClasses('Ünïcödé passwörd')).toBe(3);
  });

  it('asks for three of the four classes when complexity is on, and not when it is off', () => {
    for (const weak of ['abcdefghijklmn', 'ABCDEFGHIJKLMN', '12345678901234', 'demo1234demo', 'a new long passphrase', 'ABCDEFGH123456']) {
      const r = policy.safeParse(weak);
      expect(r.success, weak).toBe(false);
      expect(r.error!.issues.map((i) => i.message)).toContain('passwordPolicy.tooSimple');
      expect(passwordPolicy(email, { complexity: false }).safeParse(weak).success, weak).toBe(weak.length >= PASSWORD_MIN);
    }
    for (const strong of ['abcdefABCDEF1', 'abcdef 123456', 'ABCDEF-123456', 'Correct horse battery']) {
      expect(policy.safeParse(strong).success, strong).toBe(true);
    }
  });
});

describe('the change-password form', () => {
  it('requires the repetition to match', () => {
    const r = changePasswordInput.safeParse({ currentPassword: 'x', newPassword: 'a long new password', repeatPassword: 'a long new passwor' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['repeatPassword', 'accounts.errors.passwordMismatch']]);
  });

  it('requires the current password', () => {
    const r = changePasswordInput.safeParse({ currentPassword: '', newPassword: 'a long new password', repeatPassword: 'a long new password' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['currentPassword']);
  });
});
