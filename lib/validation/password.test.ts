import { describe, expect, it } from 'vitest';
import { changePasswordInput, passwordPolicy, PASSWORD_MAX, PASSWORD_MIN } from './password';

const email = 'Operator.One@Example.org';
const keysOf = (r: { success: boolean; error?: { issues: { message: string; code: string }[] } }) => (r.error?.issues ?? []).map((i) => i.code);

describe('password policy', () => {
  const policy = passwordPolicy(email);

  it('refuses 11 characters and accepts 12', () => {
    expect(PASSWORD_MIN).toBe(12);
    const eleven = policy.safeParse('a'.repeat(11));
    expect(eleven.success).toBe(false);
    expect(keysOf(eleven)).toEqual(['too_small']);
    expect(policy.safeParse('a'.repeat(12)).success).toBe(true);
  });

  it('accepts 200 characters and refuses 201', () => {
    expect(PASSWORD_MAX).toBe(200);
    expect(policy.safeParse('b'.repeat(200)).success).toBe(true);
    const long = policy.safeParse('b'.repeat(201));
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
