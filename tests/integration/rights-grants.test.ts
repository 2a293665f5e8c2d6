import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, loginThrottle, rightsGrants, securityPolicy, users } from '@/db/schema';
import { createAccount, getAccount, setAccountActive, updateAccount } from '@/db/queries/accounts/accounts';
import { auditScope } from '@/db/queries/oversight/audit-log';
import { approveGrant, listPendingGrants, rejectGrant, requestRights } from '@/db/queries/accounts/rights-grants';
import { saveSecurityPolicy, storedSecurityPolicy } from '@/db/queries/accounts/security-policy';
import { listThrottledKeys, releaseThrottledKey } from '@/db/queries/accounts/throttle-admin';
import type { ActionResult } from '@/lib/server/action';
import type { Role } from '@/lib/roles';
import { interruptOf, signInAs, useDatabase } from '../helpers/action-harness';
import { openTestDatabase } from '../helpers/db';
import { enrolledSecondFactor, makeCarrier, makeUser } from '../helpers/fixtures';

/**
 * Grants of rights (三员分立): the system administrator asks, the security administrator decides,
 * and until then the account cannot use the rights it was given. On PGlite, and on PostgreSQL
 * when DATABASE_URL names one.
 */
let handle: DatabaseHandle;
// The real lib/server/authz and lib/server/action, with only the framework's request-bound pieces replaced.
vi.mock('next-auth', async () => (await import('../helpers/action-harness')).nextAuthMock);
vi.mock('next/headers', async () => (await import('../helpers/action-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/action-harness')).nextCacheMock);
vi.mock('next-intl/server', async () => (await import('../helpers/action-harness')).nextIntlServerMock);
vi.mock('@/db/client', async () => (await import('../helpers/action-harness')).dbClientMock);

const { authorizeRequest, requireRole, scopeFor } = await import('@/lib/server/authz');
const securityActions = await import('@/app/(portal)/security/actions');

const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: null });
/** A fresh sign-in of the user (a new server-side session). */
const as = async (userId: number) => signInAs((await stored(userId)).email);
/** What a call ends in: a redirect to `path`, or a 403. */
const redirectTo = (path: string) => ({ kind: 'redirect', digest: expect.stringContaining(`;${path};`) });
const FORBIDDEN = { kind: 'forbidden' };
function expectRefused<T>(r: ActionResult<T>, code: string, key?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  if (key) expect(JSON.stringify(r.fieldErrors)).toContain(key);
}
const rejection = (key: string) => ({ code: 'invalid', fieldErrors: { _form: [{ key }] } });
const stored = async (id: number) => (await handle.db.select().from(users).where(eq(users.id, id)))[0]!;
const grantsOf = (userId: number) => handle.db.select().from(rightsGrants).where(eq(rightsGrants.userId, userId)).orderBy(rightsGrants.id);
const auditOf = async (userId: number) =>
  (
    await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(userId))))
      .orderBy(auditLog.id)
  ).map((e) => e.action);

let sysAdmin: Awaited<ReturnType<typeof makeUser>>;
let secAdmin: Awaited<ReturnType<typeof makeUser>>;
let auditAdmin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabase(handle);
  sysAdmin = await makeUser(handle.db, 'admin', enrolledSecondFactor());
  secAdmin = await makeUser(handle.db, 'security', enrolledSecondFactor());
  auditAdmin = await makeUser(handle.db, 'auditor', enrolledSecondFactor());
});
afterAll(async () => {
  await handle?.close();
});

describe('a grant of committee rights', () => {
  it('is closed until the security administrator approves it, and both steps are audited', async () => {
    const { userId, rightsPending } = await createAccount(handle.db, actorOf(sysAdmin), {
      name: '新委员',
      email: 'new.committee@test.example',
      role: 'committee',
      carrierIds: [],
    });
    expect(rightsPending).toBe(true);
    // The new member has changed the one-time password and enrolled the second factor.
    await handle.db
      .update(users)
      .set({ mustChangePassword: false, ...enrolledSecondFactor() })
      .where(eq(users.id, userId));

    // Signed in, the account reaches none of the committee's pages, actions, handlers or data.
    await as(userId);
    expect(await interruptOf(() => requireRole('committee'))).toMatchObject(redirectTo('/account/rights'));
    const handler = await authorizeRequest('committee');
    expect('response' in handler && handler.response.status).toBe(403);
    expect(await scopeFor({ ...(await stored(userId)), sessionsValidAfter: null, sessionId: null, passwordExpired: false })).toEqual({ kind: 'none' });

    const [pending] = (await listPendingGrants(handle.db)).filter((g) => g.userId === userId);
    expect(pending).toMatchObject({ kind: 'role', role: 'committee', previousRole: null, requestedById: sysAdmin.id });

    await as(secAdmin.id);
    const approved = await securityActions.approveGrantAction({ grantId: String(pending!.id) });
    expect(approved.ok).toBe(true);
    await as(userId);
    expect((await requireRole('committee')).id).toBe(userId);
    expect(await stored(userId)).toMatchObject({ rightsPending: false, active: true, role: 'committee' });
    expect(await grantsOf(userId)).toMatchObject([{ approved: true, decidedBy: secAdmin.id }]);
    expect(await auditOf(userId)).toEqual(['user.created', 'rights.request', 'rights.approve']);
    expect((await listPendingGrants(handle.db)).some((g) => g.userId === userId)).toBe(false);
  });

  it('an operator is granted at once: operator rights are bound to their carriers', async () => {
    const carrierId = (await makeCarrier(handle.db, 'incubator')).id;
    const { userId, rightsPending } = await createAccount(handle.db, actorOf(sysAdmin), {
      name: '运营者',
      email: 'grant.op@test.example',
      role: 'operator',
      carrierIds: [carrierId],
    });
    expect(rightsPending).toBe(false);
    expect(await grantsOf(userId)).toEqual([]);
  });
});

describe('rejecting a grant', () => {
  it('restores the previous role of a changed account, with the reason in the audit entry', async () => {
    const u = await makeUser(handle.db, 'committee', enrolledSecondFactor());
    const { version } = await getAccount(handle.db, u.id);
    await updateAccount(handle.db, actorOf(sysAdmin), { userId: u.id, version, name: u.name, email: u.email, role: 'admin', carrierIds: [] });
    expect(await stored(u.id)).toMatchObject({ role: 'admin', rightsPending: true });
    await as(u.id);
    expect(await interruptOf(() => requireRole('admin'))).toMatchObject(redirectTo('/account/rights'));

    const [g] = await grantsOf(u.id);
    expect(g).toMatchObject({ kind: 'role', role: 'admin', previousRole: 'committee' });
    await as(secAdmin.id);
    expectRefused(await securityActions.rejectGrantAction({ grantId: String(g!.id), reason: '' }), 'invalid', 'reason');
    expect((await securityActions.rejectGrantAction({ grantId: String(g!.id), reason: '与岗位职责不符' })).ok).toBe(true);
    expect(await stored(u.id)).toMatchObject({ role: 'committee', rightsPending: false, active: true });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rights.reject'), eq(auditLog.entityId, String(u.id))));
    expect(entry!.after).toMatchObject({ reason: '与岗位职责不符', role: 'committee', rightsPending: false });
  });

  it('keeps a new account closed, and a reactivation undone', async () => {
    const { userId } = await createAccount(handle.db, actorOf(sysAdmin), {
      name: '新审计员',
      email: 'new.auditor@test.example',
      role: 'auditor',
      carrierIds: [],
    });
    const [g] = await grantsOf(userId);
    await rejectGrant(handle.db, actorOf(secAdmin), { grantId: g!.id, reason: '不予授权' });
    expect(await stored(userId)).toMatchObject({ active: false, role: 'auditor' });

    const off = await makeUser(handle.db, 'operator', { active: false });
    expect(await setAccountActive(handle.db, actorOf(sysAdmin), { userId: off.id, active: true })).toEqual({ changed: false, pending: true });
    expect((await stored(off.id)).active).toBe(false);
    const [r] = await grantsOf(off.id);
    expect(r).toMatchObject({ kind: 'reactivation', role: 'operator' });
    await rejectGrant(handle.db, actorOf(secAdmin), { grantId: r!.id, reason: '离职人员' });
    expect((await stored(off.id)).active).toBe(false);
    expect(await auditOf(off.id)).toEqual(['rights.request', 'rights.reject']);
  });
});

describe('who decides', () => {
  it('nobody decides a grant they requested or one for their own account, nor twice', async () => {
    const u = await makeUser(handle.db, 'committee', { rightsPending: true, ...enrolledSecondFactor() });
    const own = await handle.db.transaction((tx) =>
      requestRights(tx, actorOf(secAdmin), { userId: u.id, kind: 'role', role: 'committee', previousRole: null }),
    );
    await expect(approveGrant(handle.db, actorOf(secAdmin), own)).rejects.toMatchObject(rejection('rightsGrants.errors.ownRequest'));

    const other = await makeUser(handle.db, 'security', enrolledSecondFactor());
    await handle.db.update(users).set({ rightsPending: true }).where(eq(users.id, other.id));
    const self = await handle.db.transaction((tx) =>
      requestRights(tx, actorOf(sysAdmin), { userId: other.id, kind: 'role', role: 'security', previousRole: 'operator' }),
    );
    await expect(approveGrant(handle.db, actorOf(other), self)).rejects.toMatchObject(rejection('rightsGrants.errors.ownRequest'));

    await approveGrant(handle.db, actorOf(other), own);
    await expect(rejectGrant(handle.db, actorOf(other), { ...own, reason: 'x' })).rejects.toMatchObject(rejection('rightsGrants.errors.decided'));
    expect(await grantsOf(u.id)).toMatchObject([{ approved: true, decidedBy: other.id }]);
    // Nothing of the refusals reached the record.
    expect((await stored(other.id)).rightsPending).toBe(true);
    await rejectGrant(handle.db, actorOf(secAdmin), { ...self, reason: '撤销' });
  });

  it('only the security administrator decides: the system and audit administrators are refused', async () => {
    const u = await makeUser(handle.db, 'operator', { active: false });
    await setAccountActive(handle.db, actorOf(sysAdmin), { userId: u.id, active: true });
    const [g] = await grantsOf(u.id);
    for (const who of [sysAdmin, auditAdmin]) {
      await as(who.id);
      expect(await interruptOf(() => securityActions.approveGrantAction({ grantId: String(g!.id) }))).toMatchObject(FORBIDDEN);
    }
    expect((await stored(u.id)).active).toBe(false);
  });

  it('a second change of role or status waits until the first is decided', async () => {
    const u = await makeUser(handle.db, 'operator', { active: false });
    await setAccountActive(handle.db, actorOf(sysAdmin), { userId: u.id, active: true });
    await expect(setAccountActive(handle.db, actorOf(sysAdmin), { userId: u.id, active: true })).rejects.toMatchObject(
      rejection('rightsGrants.errors.alreadyPending'),
    );
    const { version } = await getAccount(handle.db, u.id);
    await expect(
      updateAccount(handle.db, actorOf(sysAdmin), { userId: u.id, version, name: u.name, email: u.email, role: 'committee', carrierIds: [] }),
    ).rejects.toMatchObject(rejection('rightsGrants.errors.alreadyPending'));
    expect(await grantsOf(u.id)).toHaveLength(1);
  });
});

describe('the last of each kind', () => {
  it.each(['admin', 'security', 'auditor'] as const)('the last active %s can be neither deactivated nor given another role', async (role) => {
    const db = handle.db;
    // Every other active holder of the role steps aside for the test; a pending one does not count.
    const others = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, role), eq(users.active, true)));
    await db.update(users).set({ active: false }).where(eq(users.role, role));
    const last = await makeUser(db, role);
    const waiting = await makeUser(db, role, { rightsPending: true });
    try {
      // The system administrator acts (inactive for the test when the role is theirs: only the audit entry names them).
      const actor = actorOf(sysAdmin);
      await expect(setAccountActive(db, actor, { userId: last.id, active: false })).rejects.toMatchObject(rejection('accounts.errors.lastAdmin'));
      const { version } = await getAccount(db, last.id);
      await expect(
        updateAccount(db, actor, { userId: last.id, version, name: last.name, email: last.email, role: 'committee', carrierIds: [] }),
      ).rejects.toMatchObject({
        code: 'invalid',
        fieldErrors: { role: [{ key: 'accounts.errors.lastAdmin' }] },
      });
      expect(await stored(last.id)).toMatchObject({ role, active: true });
      // With a second one in force, the first may go.
      await db.update(users).set({ rightsPending: false }).where(eq(users.id, waiting.id));
      await setAccountActive(db, actor, { userId: last.id, active: false });
    } finally {
      await db.update(users).set({ active: false }).where(eq(users.id, waiting.id));
      for (const o of others) await db.update(users).set({ active: true }).where(eq(users.id, o.id));
    }
  });
});

describe('what each administrator reads', () => {
  it('the audit log is for the audit administrator (and the committee), not the system or security administrator', () => {
    expect(auditScope('auditor', { kind: 'none' })).toEqual({ kind: 'all', security: true, audience: 'committee' });
    expect(auditScope('committee', { kind: 'all' })).toEqual({ kind: 'all', security: false, audience: 'committee' });
    expect(auditScope('admin', { kind: 'none' })).toEqual({ kind: 'none' });
    expect(auditScope('security', { kind: 'none' })).toEqual({ kind: 'none' });
  });
});

describe('lockouts and the policy', () => {
  it('lists locked and slowed keys and releases one, audited', async () => {
    const now = new Date();
    await handle.db.insert(loginThrottle).values([
      { key: 'pair:victim@test.example|203.0.113.5', failures: 5, windowStartedAt: now, lockedUntil: new Date(now.getTime() + 600_000) },
      { key: 'account:victim@test.example', failures: 3, windowStartedAt: now },
      { key: 'ip:198.51.100.1', failures: 1, windowStartedAt: new Date(now.getTime() - 3_600_000) },
    ]);
    const listed = await listThrottledKeys(handle.db, now);
    expect(listed.map((k) => [k.kind, k.subject, k.locked])).toEqual([
      ['pair', 'victim@test.example|203.0.113.5', true],
      ['account', 'victim@test.example', false],
    ]);
    await releaseThrottledKey(handle.db, actorOf(secAdmin), 'pair:victim@test.example|203.0.113.5');
    expect((await listThrottledKeys(handle.db, now)).map((k) => k.kind)).toEqual(['account']);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.release'));
    expect(entry).toMatchObject({ userId: secAdmin.id, role: 'security', entity: 'login_throttle', entityId: 'pair:victim@test.example|203.0.113.5' });
    await expect(releaseThrottledKey(handle.db, actorOf(secAdmin), 'pair:victim@test.example|203.0.113.5')).rejects.toMatchObject({ code: 'notFound' });
  });

  it('saves the policy against its version, audited; a stale form is refused', async () => {
    expect(await storedSecurityPolicy(handle.db)).toMatchObject({ passwordComplexity: true, passwordMaxAgeDays: null, version: 0 });
    await as(secAdmin.id);
    const first = await securityActions.saveSecurityPolicyAction({
      passwordComplexity: 'on',
      passwordMaxAgeDays: '90',
      sessionIdleMinutes: '15',
      sessionMaxHours: '',
      version: '0',
    });
    expect(first.ok && first.data).toEqual({ version: 1 });
    expectRefused(
      await securityActions.saveSecurityPolicyAction({ passwordMaxAgeDays: '30', sessionIdleMinutes: '', sessionMaxHours: '', version: '0' }),
      'conflict',
    );
    expectRefused(
      await securityActions.saveSecurityPolicyAction({ passwordMaxAgeDays: '0', sessionIdleMinutes: '', sessionMaxHours: '25', version: '1' }),
      'invalid',
    );
    await saveSecurityPolicy(handle.db, actorOf(secAdmin), {
      passwordComplexity: false,
      passwordMaxAgeDays: null,
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
      version: 1,
    });
    expect(await storedSecurityPolicy(handle.db)).toMatchObject({
      passwordComplexity: false,
      passwordMaxAgeDays: null,
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
      version: 2,
    });
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'security_policy.update')).orderBy(auditLog.id);
    expect(entries.map((e) => e.after)).toEqual([
      { passwordMaxAgeDays: 90, sessionIdleMinutes: 15 },
      { passwordComplexity: false, passwordMaxAgeDays: null, sessionMaxHours: 8 },
    ]);
    const [row] = await handle.db.select().from(securityPolicy);
    expect(row!.updatedBy).toBe(secAdmin.id);
    await as(auditAdmin.id);
    expect(await interruptOf(() => securityActions.saveSecurityPolicyAction({ version: '2' }))).toMatchObject(FORBIDDEN);
  });
});
