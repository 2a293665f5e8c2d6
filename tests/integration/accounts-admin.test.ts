import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { operatorCarriers, rightsGrants, users } from '@/db/schema';
import { approveGrant } from '@/db/queries/accounts/rights-grants';
import { createAccount, getAccount, setAccountActive, updateAccount } from '@/db/queries/accounts/accounts';
import { listAccounts } from '@/db/queries/accounts/users';
import {
  actorOf,
  adminUser,
  as,
  auditOf,
  carrierA,
  carrierB,
  expectNoSecrets,
  expectOk,
  expectRefused,
  handle,
  resume,
  securityUser,
  session,
  storedUser,
} from '../helpers/accounts-harness';
import { bindOperator, enrolledSecondFactor, makeUser } from '../helpers/fixtures';

const { authorizeRequest, currentUser, requireRole, requireUser } = await import('@/lib/server/authz');
const admin = await import('@/app/(portal)/admin/users/actions');

describe('creating an account', () => {
  it('creates an operator bound to carriers, with a one-time password kept only as a hash', async () => {
    await as(adminUser.id);
    const data = expectOk(
      await admin.createAccountAction({
        name: ' 新运营 ',
        email: ' New.Operator@Test.Example ',
        role: 'operator',
        carrierIds: [String(carrierB), String(carrierA)],
      }),
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
    expectRefused(
      await admin.createAccountAction({ name: 'X', email: 'x1@test.example', role: 'operator' }),
      'invalid',
      'carrierIds',
      'accounts.errors.carriersRequired',
    );
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
    const r = await admin.updateAccountAction({
      userId: String(b.id),
      version: (await getAccount(handle.db, b.id)).version,
      name: b.name,
      email: a.email.toUpperCase(),
      role: 'committee',
    });
    expectRefused(r, 'invalid', 'email', 'accounts.errors.emailTaken');
    expect((await storedUser(b.id)).email).toBe(b.email);
  });

  it('a role change is seen by the user’s next request', async () => {
    const u = await makeUser(handle.db, 'committee', enrolledSecondFactor());
    await as(u.id);
    expect((await requireRole('committee')).id).toBe(u.id);
    await updateAccount(handle.db, actorOf(adminUser), {
      userId: u.id,
      version: (await getAccount(handle.db, u.id)).version,
      name: u.name,
      email: u.email,
      role: 'operator',
      carrierIds: [carrierA],
    });
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
