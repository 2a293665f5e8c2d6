import 'server-only';
import { aliasedTable, and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { rightsGrants, users } from '../../schema';
import { writeAudit, type Actor } from '@/db/audit';
import { invalid, notFound } from '@/lib/errors';
import { ADMINISTRATOR_ROLES, type Role } from '@/lib/roles';

/**
 * Grants of rights (三员分立): the system administrator asks, the security administrator decides.
 * A grant of committee or administrator rights leaves the account's role closed
 * (users.rights_pending) and a reactivation leaves the account inactive until approved.
 */

export type GrantKind = 'role' | 'reactivation';

/** Serialises changes of accounts and decisions on grants, so that no two of them interleave. */
export const ACCOUNTS_LOCK = 7_310_117;
export const takeAccountsLock = (tx: Tx) => tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK})`);

/** Whether another account holds the role, active and with its rights in effect. */
export async function othersHoldingRole(tx: Tx, role: Role, exceptUserId: number): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), eq(users.rightsPending, false), ne(users.id, exceptUserId)));
  return r?.n ?? 0;
}

/** The last active account of each administrator role stays: it may not lose the role nor be deactivated. */
export async function isLastOfItsKind(tx: Tx, user: { id: number; role: Role; active: boolean; rightsPending: boolean }) {
  if (!(ADMINISTRATOR_ROLES as readonly Role[]).includes(user.role)) return false;
  if (!user.active || user.rightsPending) return false;
  return (await othersHoldingRole(tx, user.role, user.id)) === 0;
}

async function pendingGrantOf(tx: Tx, userId: number) {
  const [g] = await tx
    .select({ id: rightsGrants.id })
    .from(rightsGrants)
    .where(and(eq(rightsGrants.userId, userId), isNull(rightsGrants.decidedAt)))
    .limit(1);
  return g ?? null;
}

/** Refuses a change of role or status while an earlier grant of the account awaits a decision. */
export async function assertNoPendingGrant(tx: Tx, userId: number) {
  if (await pendingGrantOf(tx, userId)) throw invalid({ _form: [{ key: 'rightsGrants.errors.alreadyPending' }] });
}

/**
 * Writes a pending grant (in the transaction of the change that asks for it) and its
 * `rights.request` entry. The caller has already closed the rights (rights_pending, or the
 * account left inactive).
 */
export async function requestRights(
  tx: Tx,
  actor: Actor,
  input: { userId: number; kind: GrantKind; role: Role; previousRole: Role | null },
): Promise<{ grantId: number }> {
  await assertNoPendingGrant(tx, input.userId);
  const [g] = await tx
    .insert(rightsGrants)
    .values({ userId: input.userId, kind: input.kind, role: input.role, previousRole: input.previousRole, requestedBy: actor.userId })
    .returning({ id: rightsGrants.id });
  await writeAudit(tx, actor, {
    action: 'rights.request',
    entity: 'user',
    entityId: input.userId,
    after: { grantId: g!.id, kind: input.kind, role: input.role, previousRole: input.previousRole },
  });
  return { grantId: g!.id };
}

const subject = aliasedTable(users, 'subject');
const requester = aliasedTable(users, 'requester');

export type PendingGrant = {
  id: number;
  kind: GrantKind;
  role: Role;
  previousRole: Role | null;
  userId: number;
  userName: string;
  userEmail: string;
  requestedById: number;
  requestedByName: string;
  requestedAt: Date;
};

/** Every grant awaiting the security administrator, oldest first. */
export async function listPendingGrants(db: Db | Tx): Promise<PendingGrant[]> {
  const rows = await db
    .select({
      id: rightsGrants.id,
      kind: rightsGrants.kind,
      role: rightsGrants.role,
      previousRole: rightsGrants.previousRole,
      userId: subject.id,
      userName: subject.name,
      userEmail: subject.email,
      requestedById: requester.id,
      requestedByName: requester.name,
      requestedAt: rightsGrants.requestedAt,
    })
    .from(rightsGrants)
    .innerJoin(subject, eq(subject.id, rightsGrants.userId))
    .innerJoin(requester, eq(requester.id, rightsGrants.requestedBy))
    .where(isNull(rightsGrants.decidedAt))
    .orderBy(asc(rightsGrants.requestedAt), asc(rightsGrants.id));
  return rows.map((r) => ({ ...r, kind: r.kind as GrantKind }));
}

async function lockPendingGrant(tx: Tx, actor: Actor, grantId: number) {
  const [g] = await tx.select().from(rightsGrants).where(eq(rightsGrants.id, grantId)).for('update');
  if (!g) throw notFound();
  // Decided meanwhile (by another security administrator, or twice from two tabs).
  if (g.decidedAt) throw invalid({ _form: [{ key: 'rightsGrants.errors.decided' }] });
  // Whoever asked for a grant, or would receive it, does not decide it.
  if (g.requestedBy === actor.userId || g.userId === actor.userId) throw invalid({ _form: [{ key: 'rightsGrants.errors.ownRequest' }] });
  const [u] = await tx.select().from(users).where(eq(users.id, g.userId)).for('update');
  if (!u) throw notFound();
  return { grant: g, user: u };
}

async function decide<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The same lock as changes of accounts: a decision and a change of the account do not interleave.
    await takeAccountsLock(tx);
    return work(tx);
  });
}

/** Approves a pending grant: the role's rights take effect, or the account is active again. */
export async function approveGrant(db: Db, actor: Actor, input: { grantId: number }): Promise<void> {
  await decide(db, async (tx) => {
    const { grant, user } = await lockPendingGrant(tx, actor, input.grantId);
    const now = new Date();
    await tx.update(rightsGrants).set({ approved: true, decidedBy: actor.userId, decidedAt: now }).where(eq(rightsGrants.id, grant.id));
    const after = grant.kind === 'reactivation' ? { active: true, rightsPending: false } : { rightsPending: false };
    await tx
      .update(users)
      .set({ ...after, updatedAt: now })
      .where(eq(users.id, user.id));
    await writeAudit(tx, actor, {
      action: 'rights.approve',
      entity: 'user',
      entityId: user.id,
      before: { active: user.active, rightsPending: user.rightsPending, role: user.role },
      after: { grantId: grant.id, kind: grant.kind, role: grant.role, ...after },
    });
  });
}

/**
 * Rejects a pending grant, with a reason: a changed role goes back to the one held before, a new
 * account stays closed (inactive), a reactivation leaves the account inactive.
 */
export async function rejectGrant(db: Db, actor: Actor, input: { grantId: number; reason: string }): Promise<void> {
  await decide(db, async (tx) => {
    const { grant, user } = await lockPendingGrant(tx, actor, input.grantId);
    const now = new Date();
    await tx.update(rightsGrants).set({ approved: false, decidedBy: actor.userId, decidedAt: now, reason: input.reason }).where(eq(rightsGrants.id, grant.id));
    const after: { role?: Role; active?: boolean; rightsPending: boolean; sessionsValidAfter?: Date } =
      grant.kind === 'reactivation'
        ? { rightsPending: false }
        : grant.previousRole
          ? { role: grant.previousRole, rightsPending: false }
          : { active: false, rightsPending: false, sessionsValidAfter: now };
    await tx
      .update(users)
      .set({ ...after, updatedAt: now })
      .where(eq(users.id, user.id));
    const { sessionsValidAfter: _ended, ...shown } = after;
    await writeAudit(tx, actor, {
      action: 'rights.reject',
      entity: 'user',
      entityId: user.id,
      before: { active: user.active, rightsPending: user.rightsPending, role: user.role },
      after: { grantId: grant.id, kind: grant.kind, role: grant.role, reason: input.reason, ...shown },
    });
  });
}

/** The grant of the user's own account that awaits a decision, if any. */
export async function pendingGrantOfUser(db: Db | Tx, userId: number) {
  const [g] = await db
    .select({ role: rightsGrants.role, kind: rightsGrants.kind, requestedAt: rightsGrants.requestedAt })
    .from(rightsGrants)
    .where(and(eq(rightsGrants.userId, userId), isNull(rightsGrants.decidedAt)))
    .limit(1);
  return g ?? null;
}
