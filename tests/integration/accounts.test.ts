import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcryptjs';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, operatorCarriers, rightsGrants, users } from '@/db/schema';
import { approveGrant } from '@/db/queries/accounts/rights-grants';
import { createAccount, getAccount, setAccountActive, updateAccount } from '@/db/queries/accounts/accounts';
import { startSession } from '@/db/queries/accounts/sessions';
import { listAccounts } from '@/db/queries/accounts/users';
import type { ActionResult } from '@/lib/server/action';
import type { Role } from '@/lib/roles';
import { openTestDatabase } from '../helpers/db';
import { bindOperator, enrolledSecondFactor, makeCarrier, makeUser, TEST_PASSWORD } from '../helpers/fixtures';

/** Who the mocked next-auth session says is signed in; the real lib/server/authz reads the users table. */
const session = vi.hoisted(() => ({ userId: null as number | null, sid: '' }));
let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId, sid: session.sid } } : null) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ origin: 'http://portal.test', host: 'portal.test' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
  getLocale: async () => 'zh-CN',
}));

const { authorizeRequest, currentUser, requireRole, requireUser } = await import('@/lib/server/authz');
const admin = await import('@/app/(portal)/admin/users/actions');
const { changePasswordAction } = await import('@/app/(portal)/account/password/actions');

const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: null });
/** A fresh sign-in of the user (a new server-side session); returns the session's id. */
const as = async (userId: number) => {
  const { id } = await startSession(handle.db, { userId, ip: null, userAgent: null });
  resume(userId, id);
  return id;
};
/** Requests with a session begun earlier. */
const resume = (userId: number, sid: string) => {
  session.userId = userId;
  session.sid = sid;
};
function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}
function expectRefused<T>(r: ActionResult<T>, code: string, field?: string, key?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  if (field) expect((r.fieldErrors[field] ?? []).join(' ')).toContain(key ?? '');
}
async function auditOf(userId: number) {
  return handle.db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(userId)))).orderBy(auditLog.id);
}
async function storedUser(id: number) {
  const [u] = await handle.db.select().from(users).where(eq(users.id, id));
  return u!;
}
/** No password in clear and no bcrypt hash anywhere in the account's audit entries. */
async function expectNoSecrets(userId: number, passwords: string[]) {
  const text = JSON.stringify(await auditOf(userId));
  expect(text).not.toMatch(/\$2[aby]\$/);
  for (const p of passwords) expect(text).not.toContain(p);
  expect(text).not.toMatch(/password"?\s*:\s*"/i);
}

let adminUser: Awaited<ReturnType<typeof makeUser>>;
let securityUser: Awaited<ReturnType<typeof makeUser>>;
let carrierA: number;
let carrierB: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  adminUser = await makeUser(handle.db, 'admin', enrolledSecondFactor());
  securityUser = await makeUser(handle.db, 'security', enrolledSecondFactor());
  carrierA = (await makeCarrier(handle.db, 'incubator')).id;
  carrierB = (await makeCarrier(handle.db, 'nursery')).id;
});
afterAll(async () => {
  await handle.close();
});

describe('creating an account', () => {
  it('creates an operator bound to carriers, with a one-time password kept only as a hash', async () => {
    await as(adminUser.id);
    const data = expectOk(
      await admin.createAccountAction({ name: ' 新运营 ', email: ' New.Operator@Test.Example ', role: 'operator', carrierIds: [String(carrierB), String(carrierA)] }),
    );
    expect(data.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const u = await storedUser(data.userId);
    expect(u).toMatchObject({ name: '新运营', email: 'new.operator@test.example', role: 'operator', active: true, mustChangePassword: true });
    expect(await bcrypt.compare(data.password, u.passwordHash)).toBe(true);
    expect(u.passwordHash).not.toContain(data.password);
    const bound = await handle.db.select().from(operatorCarriers).where(eq(operatorCarriers.userId, data.userId));
    expect(bound.map((b) => b.carrierId).sort((a, b) => a - b)).toEqual([carrierA, carrierB].sort((a, b) => a - b));
    const [entry, ...more] = await auditOf(data.userId);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: 'user.created', userId: adminUser.id, role: 'admin' });
    expect(entry!.after).toMatchObject({ email: 'new.operator@test.example', role: 'operator', mustChangePassword: true });
    await expectNoSecrets(data.userId, [data.password]);
  });

  it('generates a different password each time', async () => {
    const actor = actorOf(adminUser);
    const a = await createAccount(handle.db, actor, { name: 'A', email: 'otp-a@test.example', role: 'committee', carrierIds: [] });
    const b = await createAccount(handle.db, actor, { name: 'B', email: 'otp-b@test.example', role: 'committee', carrierIds: [] });
    expect(a.password).not.toBe(b.password);
    expect(a.password.replaceAll('-', '').length).toBeGreaterThanOrEqual(12);
  });

  it('requires a carrier for an operator and none for other roles', async () => {
    await as(adminUser.id);
    expectRefused(await admin.createAccountAction({ name: 'X', email: 'x1@test.example', role: 'operator' }), 'invalid', 'carrierIds', 'accounts.errors.carriersRequired');
    expectRefused(
      await admin.createAccountAction({ name: 'X', email: 'x2@test.example', role: 'committee', carrierIds: String(carrierA) }),
      'invalid',
      'carrierIds',
      'accounts.errors.carriersOperatorOnly',
    );
    expectRefused(await admin.createAccountAction({ name: 'X', email: 'x3@test.example', role: 'operator', carrierIds: '999999' }), 'invalid', 'carrierIds');
    expect(await handle.db.select().from(users).where(eq(users.email, 'x1@test.example'))).toHaveLength(0);
  });

  it('refuses an email already in use, whatever its case', async () => {
    await as(adminUser.id);
    expectRefused(
      await admin.createAccountAction({ name: 'Dup', email: 'NEW.OPERATOR@test.example', role: 'committee' }),
      'invalid',
      'email',
      'accounts.errors.emailTaken',
    );
  });

  it('is for administrators only', async () => {
    const committee = await makeUser(handle.db, 'committee', enrolledSecondFactor());
    await as(committee.id);
    await expect(admin.createAccountAction({ name: 'Y', email: 'y@test.example', role: 'committee' })).rejects.toThrow('forbidden');
    await expect(admin.resetPasswordAction({ userId: String(adminUser.id) })).rejects.toThrow('forbidden');
    session.userId = null;
    await expect(admin.createAccountAction({ name: 'Y', email: 'y@test.example', role: 'committee' })).rejects.toThrow('redirect:/login');
    expect(await handle.db.select().from(users).where(eq(users.email, 'y@test.example'))).toHaveLength(0);
  });
});

describe('editing an account', () => {
  it('saves changed fields with one audit entry of what changed, and refuses a stale form', async () => {
    const op = await makeUser(handle.db, 'operator');
    await bindOperator(handle.db, op.id, carrierA);
    const before = await getAccount(handle.db, op.id);
    await as(adminUser.id);
    const form = { userId: String(op.id), version: before.version, name: 'Renamed', email: op.email, role: 'operator', carrierIds: [String(carrierB)] };
    const { version } = expectOk(await admin.updateAccountAction(form));
    expect(version).not.toBe(before.version);
    const after = await getAccount(handle.db, op.id);
    expect(after).toMatchObject({ name: 'Renamed', carrierIds: [carrierB] });
    const entries = await auditOf(op.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'user.updated',
      before: { name: op.name, carrierIds: [carrierA] },
      after: { name: 'Renamed', carrierIds: [carrierB] },
    });

    // The same (now stale) form again: refused, nothing changed.
    expectRefused(await admin.updateAccountAction({ ...form, name: 'Stale' }), 'conflict');
    expect((await getAccount(handle.db, op.id)).name).toBe('Renamed');
    expect(await auditOf(op.id)).toHaveLength(1);
  });

  it('refuses an email of another account in another case', async () => {
    const a = await makeUser(handle.db, 'committee');
    const b = await makeUser(handle.db, 'committee');
    await as(adminUser.id);
    const r = await admin.updateAccountAction({ userId: String(b.id), version: (await getAccount(handle.db, b.id)).version, name: b.name, email: a.email.toUpperCase(), role: 'committee' });
    expectRefused(r, 'invalid', 'email', 'accounts.errors.emailTaken');
    expect((await storedUser(b.id)).email).toBe(b.email);
  });

  it('a role change is seen by the user’s next request', async () => {
    const u = await makeUser(handle.db, 'committee', enrolledSecondFactor());
    await as(u.id);
    expect((await requireRole('committee')).id).toBe(u.id);
    await updateAccount(handle.db, actorOf(adminUser), { userId: u.id, version: (await getAccount(handle.db, u.id)).version, name: u.name, email: u.email, role: 'operator', carrierIds: [carrierA] });
    expect((await currentUser())?.role).toBe('operator');
    await expect(requireRole('committee')).rejects.toThrow('forbidden');
  });
});

describe('guard rails', () => {
  it('an administrator cannot take away their own admin role or deactivate themselves', async () => {
    await as(adminUser.id);
    const version = (await getAccount(handle.db, adminUser.id)).version;
    expectRefused(
      await admin.updateAccountAction({ userId: String(adminUser.id), version, name: adminUser.name, email: adminUser.email, role: 'committee' }),
      'invalid',
      'role',
      'accounts.errors.ownAdminRole',
    );
    expectRefused(await admin.setAccountActiveAction({ userId: String(adminUser.id), active: 'false' }), 'invalid', '_form', 'accounts.errors.deactivateSelf');
    expect(await storedUser(adminUser.id)).toMatchObject({ role: 'admin', active: true });
  });

  it('the last active administrator can be neither deactivated nor demoted', async () => {
    // Only one other admin is active; the change comes from an account that is not one (e.g. a script).
    const db = handle.db;
    const other = await makeUser(db, 'admin');
    await db.update(users).set({ active: false }).where(eq(users.id, adminUser.id));
    try {
      const actor = { userId: 0, role: 'admin' as const, ip: null };
      await expect(setAccountActive(db, actor, { userId: other.id, active: false })).rejects.toMatchObject({
        code: 'invalid',
        fieldErrors: { _form: [{ key: 'accounts.errors.lastAdmin' }] },
      });
      const version = (await getAccount(db, other.id)).version;
      await expect(
        updateAccount(db, actor, { userId: other.id, version, name: other.name, email: other.email, role: 'committee', carrierIds: [] }),
      ).rejects.toMatchObject({ code: 'invalid', fieldErrors: { role: [{ key: 'accounts.errors.lastAdmin' }] } });
      expect(await storedUser(other.id)).toMatchObject({ role: 'admin', active: true });
    } finally {
      await db.update(users).set({ active: true }).where(eq(users.id, adminUser.id));
    }
    // With two active admins, one may deactivate the other.
    await as(adminUser.id);
    expectOk(await admin.setAccountActiveAction({ userId: String(other.id), active: 'false' }));
  });
});

describe('deactivating and reactivating', () => {
  it('a deactivated user is signed out at their next request, and back after an approved reactivation with a new sign-in', async () => {
    const op = await makeUser(handle.db, 'operator');
    await bindOperator(handle.db, op.id, carrierA);
    const oldSession = await as(op.id);
    expect((await currentUser())?.id).toBe(op.id);

    await as(adminUser.id);
    expectOk(await admin.setAccountActiveAction({ userId: String(op.id), active: 'false' }));
    resume(op.id, oldSession);
    expect(await currentUser()).toBeNull();
    await expect(requireUser()).rejects.toThrow('redirect:/login');
    const refused = await authorizeRequest('operator');
    expect('response' in refused && refused.response.status).toBe(401);

    await as(adminUser.id);
    expect(expectOk(await admin.setAccountActiveAction({ userId: String(op.id), active: 'true' }))).toEqual({ changed: false, pending: true });
    // The reactivation waits for the security administrator: the account stays closed.
    resume(op.id, oldSession);
    expect(await currentUser()).toBeNull();
    const [grant] = await handle.db.select().from(rightsGrants).where(eq(rightsGrants.userId, op.id));
    await approveGrant(handle.db, actorOf(securityUser), { grantId: grant!.id });
    // The session from before the deactivation stays over; signing in again opens the portal.
    resume(op.id, oldSession);
    expect(await currentUser()).toBeNull();
    await as(op.id);
    expect((await currentUser())?.id).toBe(op.id);

    const entries = await auditOf(op.id);
    expect(entries.map((e) => e.action)).toEqual(['user.deactivated', 'session.end', 'rights.request', 'rights.approve']);
    expect(entries[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(entries[1]).toMatchObject({ before: null, after: { reason: 'deactivated', sessionId: oldSession } });
    expect(entries[3]!.after).toMatchObject({ kind: 'reactivation', active: true });
  });

  it('the list filters by status', async () => {
    const gone = await makeUser(handle.db, 'committee', { active: false, name: 'status-filter-x' });
    const { rows: inactive } = await listAccounts(handle.db, { q: 'status-filter-x', active: false, page: 1, pageSize: 25 });
    expect(inactive.map((r) => r.id)).toEqual([gone.id]);
    const { rows: active, total } = await listAccounts(handle.db, { q: 'status-filter-x', active: true, page: 1, pageSize: 25 });
    expect([active.length, total]).toEqual([0, 0]);
  });
});

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
    const created = await createAccount(handle.db, actorOf(adminUser), { name: '首次登录', email: 'first.login@test.example', role: 'operator', carrierIds: [carrier] });
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
    expectRefused(await change(created.password, 'a brand new passphrase', 'a brand new passphrasE'), 'invalid', 'repeatPassword', 'accounts.errors.passwordMismatch');
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
    expectOk(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: 'Committee passphrase', repeatPassword: 'Committee passphrase', userId: String(other.id) }));
    expect(await bcrypt.compare('Committee passphrase', (await storedUser(committee.id)).passwordHash)).toBe(true);
    expect(await bcrypt.compare(TEST_PASSWORD, (await storedUser(other.id)).passwordHash)).toBe(true);
    session.userId = null;
    await expect(changePasswordAction({ currentPassword: 'x', newPassword: 'y'.repeat(12), repeatPassword: 'y'.repeat(12) })).rejects.toThrow('redirect:/login');
  });
});
