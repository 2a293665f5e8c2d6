import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { createAccount } from '@/db/queries/accounts/accounts';
import { actorOf, adminUser, as, auditOf, expectNoSecrets, expectOk, expectRefused, handle, resume, session, storedUser } from '../helpers/accounts-harness';
import { makeCarrier, makeUser, TEST_PASSWORD } from '../helpers/fixtures';

const { authorizeRequest, currentUser, requireRole, requireUser } = await import('@/lib/server/authz');
const admin = await import('@/app/(portal)/admin/users/actions');
const { changePasswordAction } = await import('@/app/(portal)/account/password/actions');

describe('passwords', () => {
  it('a reset gives a new one-time password, stops the old one and writes no secret', async () => {
    const u = await makeUser(handle.db, 'committee');
    await as(adminUser.id);
    const { password } = expectOk(await admin.resetPasswordAction({ userId: String(u.id) }));
    const stored = await storedUser(u.id);
    expect(stored.mustChangePassword).toBe(true);
    expect(await bcrypt.compare(password, stored.passwordHash)).toBe(true);
    expect(await bcrypt.compare(TEST_PASSWORD, stored.passwordHash)).toBe(false);
    const [entry] = await auditOf(u.id);
    expect(entry).toMatchObject({ action: 'user.passwordReset', before: { mustChangePassword: false }, after: { mustChangePassword: true } });
    await expectNoSecrets(u.id, [password, TEST_PASSWORD]);
  });

  it('an administrator cannot reset their own password', async () => {
    await as(adminUser.id);
    expectRefused(await admin.resetPasswordAction({ userId: String(adminUser.id) }), 'invalid', '_form', 'accounts.errors.resetSelf');
    expect((await storedUser(adminUser.id)).mustChangePassword).toBe(false);
  });

  it('a reset ends the sessions the account had', async () => {
    const u = await makeUser(handle.db, 'committee');
    const before = await as(u.id);
    expect((await currentUser())?.id).toBe(u.id);
    await as(adminUser.id);
    expectOk(await admin.resetPasswordAction({ userId: String(u.id) }));
    resume(u.id, before);
    expect(await currentUser()).toBeNull();
    await as(u.id);
    expect((await currentUser())?.id).toBe(u.id);
  });

  it('a user with a one-time password is held at the password page until they change it', async () => {
    const carrier = (await makeCarrier(handle.db, 'incubator')).id;
    const created = await createAccount(handle.db, actorOf(adminUser), {
      name: '首次登录',
      email: 'first.login@test.example',
      role: 'operator',
      carrierIds: [carrier],
    });
    await as(created.userId);
    // Pages and actions of other pages send them to the password page; route handlers answer 403.
    await expect(requireUser()).rejects.toThrow('redirect:/account/password');
    await expect(requireRole('operator')).rejects.toThrow('redirect:/account/password');
    const api = await authorizeRequest('operator');
    expect('response' in api && api.response.status).toBe(403);
    expect('response' in api && (await api.response.json())).toEqual({ error: 'passwordChangeRequired' });

    // The policy, checked against this account's email.
    const change = (currentPassword: string, newPassword: string, repeatPassword = newPassword) =>
      changePasswordAction({ currentPassword, newPassword, repeatPassword });
    expectRefused(await change('not the password', 'a brand new passphrase'), 'invalid', 'currentPassword', 'accounts.errors.wrongCurrent');
    expectRefused(await change(created.password, 'elevenchars'), 'invalid', 'newPassword', 'tooShort');
    expectRefused(await change(created.password, 'FIRST.LOGIN@TEST.EXAMPLE'), 'invalid', 'newPassword', 'accounts.errors.passwordIsEmail');
    expectRefused(await change(created.password, created.password), 'invalid', 'newPassword', 'accounts.errors.samePassword');
    expectRefused(
      await change(created.password, 'a brand new passphrase', 'a brand new passphrasE'),
      'invalid',
      'repeatPassword',
      'accounts.errors.passwordMismatch',
    );
    expect((await storedUser(created.userId)).mustChangePassword).toBe(true);
    expectRefused(await change(created.password, 'only lower case words'), 'invalid', 'newPassword', 'passwordPolicy.tooSimple');
    // Only the wrong current password left an entry (never the password itself).
    expect((await auditOf(created.userId)).map((e) => [e.action, e.after])).toEqual([
      ['user.created', expect.anything()],
      ['user.passwordCheckFailed', { reason: 'password', locked: false }],
    ]);

    // Twelve characters are enough; the user then goes to their home and everything opens again.
    const next = 'Twelve chars';
    expect(expectOk(await change(created.password, next))).toEqual({ home: '/operator' });
    const stored = await storedUser(created.userId);
    expect(stored.mustChangePassword).toBe(false);
    expect(await bcrypt.compare(next, stored.passwordHash)).toBe(true);
    expect((await requireRole('operator')).id).toBe(created.userId);
    expect('user' in (await authorizeRequest('operator'))).toBe(true);

    const entries = await auditOf(created.userId);
    expect(entries.map((e) => e.action)).toEqual(['user.created', 'user.passwordCheckFailed', 'user.passwordChanged']);
    expect(entries[2]).toMatchObject({ userId: created.userId, before: { mustChangePassword: true }, after: { mustChangePassword: false } });
    await expectNoSecrets(created.userId, [created.password, next]);
  });

  it('every user changes their own password, and only their own', async () => {
    const committee = await makeUser(handle.db, 'committee');
    const other = await makeUser(handle.db, 'operator');
    await as(committee.id);
    expectOk(
      await changePasswordAction({
        currentPassword: TEST_PASSWORD,
        newPassword: 'Committee passphrase',
        repeatPassword: 'Committee passphrase',
        userId: String(other.id),
      }),
    );
    expect(await bcrypt.compare('Committee passphrase', (await storedUser(committee.id)).passwordHash)).toBe(true);
    expect(await bcrypt.compare(TEST_PASSWORD, (await storedUser(other.id)).passwordHash)).toBe(true);
    session.userId = null;
    await expect(changePasswordAction({ currentPassword: 'x', newPassword: 'y'.repeat(12), repeatPassword: 'y'.repeat(12) })).rejects.toThrow(
      'redirect:/login',
    );
  });
});
