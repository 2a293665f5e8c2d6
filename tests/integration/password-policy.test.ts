import { handle, T0, at, actorOf, setPolicy, open, check, entriesAfter, lastAuditId } from '../helpers/sessions-harness';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginThrottle } from '@/db/schema';
import { changeOwnPassword } from '@/db/queries/accounts/accounts';
import { PASSWORD_CHECK_LIMIT } from '@/db/queries/accounts/password-check';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import type { Role } from '@/lib/roles';

/** The password policy (complexity, maximum age) and the throttled current-password check. */

describe('the password policy', () => {
  const change = (u: { id: number; role: Role }, currentPassword: string, newPassword: string, now?: Date, sid: string | null = null) =>
    changeOwnPassword(handle.db, actorOf(u), { currentPassword, newPassword, repeatPassword: newPassword }, sid, now);

  it('asks for three character classes unless the policy turns complexity off', async () => {
    const u = await makeUser(handle.db, 'operator');
    await expect(change(u, TEST_PASSWORD, 'only lower case words')).rejects.toMatchObject({
      fieldErrors: { newPassword: [{ key: 'passwordPolicy.tooSimple' }] },
    });
    await setPolicy({ passwordComplexity: false });
    try {
      await expect(change(u, TEST_PASSWORD, 'only lower case words')).resolves.toEqual({ endedSessions: 0 });
    } finally {
      await setPolicy(null);
    }
  });

  it('a password past the maximum age holds the user at the password page until changed', async () => {
    const u = await makeUser(handle.db, 'operator', { passwordChangedAt: new Date(T0.getTime() - 91 * 86_400_000) });
    const s = await open(u.id);
    expect(await check(u.id, s.id, at(1))).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    await setPolicy({ passwordMaxAgeDays: 90 });
    try {
      expect(await check(u.id, s.id, at(2))).toMatchObject({ mustChangePassword: true, passwordExpired: true });
      await change(u, TEST_PASSWORD, 'A fresh passphrase', at(3), s.id);
      expect(await check(u.id, s.id, at(4))).toMatchObject({ mustChangePassword: false, passwordExpired: false });
      // 90 days later it is due again.
      const later = new Date(at(3).getTime() + 90 * 86_400_000);
      const s2 = await open(u.id, later);
      expect(await check(u.id, s2.id, later)).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    } finally {
      await setPolicy(null);
    }
  });

  it('the current-password check locks after 5 wrong guesses, refuses even the right one while locked, and audits each', async () => {
    const u = await makeUser(handle.db, 'committee');
    const before = await lastAuditId();
    for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) {
      await expect(change(u, `wrong guess ${i}`, 'A new passphrase 9', at(i))).rejects.toMatchObject({ code: 'invalid' });
    }
    const [lock] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `password:${u.id}`));
    expect(lock!.lockedUntil).toEqual(at(PASSWORD_CHECK_LIMIT - 1 + 15));
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(10))).rejects.toMatchObject({
      fieldErrors: { currentPassword: [{ key: 'passwordPolicy.checkLocked' }] },
    });
    const entries = await entriesAfter(before, u.id);
    expect(entries.map((e) => [e.action, e.after])).toEqual([
      ...Array.from({ length: PASSWORD_CHECK_LIMIT - 1 }, () => ['user.passwordCheckFailed', { reason: 'password', locked: false }]),
      ['user.passwordCheckFailed', { reason: 'password', locked: true }],
      ['user.passwordCheckFailed', { reason: 'throttled', locked: true }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('wrong guess');
    // After the lock the right password works, and clears the count.
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(20))).resolves.toEqual({ endedSessions: 0 });
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `password:${u.id}`)),
    ).toEqual([]);
  });

  it('four wrong guesses and a fifth after the window do not lock', async () => {
    const u = await makeUser(handle.db, 'committee');
    for (let i = 0; i < 4; i++) await expect(change(u, 'wrong', 'A new passphrase 9', at(i))).rejects.toMatchObject({ code: 'invalid' });
    await expect(change(u, 'wrong', 'A new passphrase 9', at(16))).rejects.toMatchObject({
      fieldErrors: { currentPassword: [{ key: 'accounts.errors.wrongCurrent' }] },
    });
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(17))).resolves.toEqual({ endedSessions: 0 });
  });
});
