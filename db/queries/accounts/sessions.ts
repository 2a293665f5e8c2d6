import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../client';
import { securityPolicy, userSessions, users } from '../../schema';
import { writeAudit, writeAuditEntries, type Actor } from '@/db/audit';
import { absoluteEnd, idleEnd, lastSeenIsStale, passwordExpired, sessionVerdict } from '@/lib/domain/session-limits';
import { effectivePolicy, getSecurityPolicy, policyColumns, type EffectivePolicy } from '@/db/queries/accounts/policy-in-force';
import type { AuthUser } from './users';

/** Why a session ended (user_sessions.end_reason). */
export type SessionEndReason =
  'signOut' | 'user' | 'admin' | 'passwordChanged' | 'passwordReset' | 'deactivated' | 'rightsChanged' | 'secondFactorReset' | 'idle' | 'expired';

const HOUR = 3_600_000;

/** A fresh session id: 256 random bits, base64url. */
export const newSessionId = () => randomBytes(32).toString('base64url');

/** Keeps what is stored of a user agent short; it is shown, never trusted. */
const clip = (v: string | null | undefined, max: number) => (v ? v.slice(0, max) : null);

/**
 * Opens a session at sign-in. Its absolute end is fixed now (the policy's lifetime from now)
 * and nothing extends it.
 */
export async function startSession(
  db: DbOrTx,
  input: { userId: number; ip: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const policy = await getSecurityPolicy(db);
  const id = newSessionId();
  const expiresAt = new Date(now.getTime() + policy.sessionMaxHours * HOUR);
  await db.insert(userSessions).values({
    id,
    userId: input.userId,
    startedAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: clip(input.ip, 64),
    userAgent: clip(input.userAgent, 512),
  });
  return { id, expiresAt };
}

/**
 * The signed-in user of a session token's claims at `now`, or null when the session is unknown,
 * belongs to someone else, has ended, is past its absolute end or has been idle too long, or
 * the account is deactivated. One read (session, account and policy together); a write only
 * when last use is over a minute old, or to record that the session ran out.
 */
export async function authenticateSession(db: DbOrTx, claims: { userId: number; sessionId: string }, now: Date = new Date()): Promise<AuthUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      rightsPending: users.rightsPending,
      totpEnabledAt: users.totpEnabledAt,
      mustChangePassword: users.mustChangePassword,
      sessionsValidAfter: users.sessionsValidAfter,
      passwordChangedAt: users.passwordChangedAt,
      startedAt: userSessions.startedAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      endedAt: userSessions.endedAt,
      policy: policyColumns,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(securityPolicy, eq(securityPolicy.id, 1))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.userId)))
    .limit(1);
  if (!row || !row.active) return null;
  // A session begun before the account's sessions were all ended (kept as a second guard).
  if (row.sessionsValidAfter && row.startedAt.getTime() < row.sessionsValidAfter.getTime()) return null;
  const policy = effectivePolicy(row.policy);
  const verdict = sessionVerdict(row, policy, now);
  if (verdict === 'idle' || verdict === 'expired') {
    await db
      .update(userSessions)
      .set({ endedAt: now, endReason: verdict })
      .where(and(eq(userSessions.id, claims.sessionId), isNull(userSessions.endedAt)));
  }
  if (verdict !== 'active') return null;
  if (lastSeenIsStale(row, policy, now)) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, claims.sessionId), lt(userSessions.lastSeenAt, now)));
  }
  const expired = passwordExpired(row.passwordChangedAt, policy.passwordMaxAgeDays, now);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    rightsPending: row.rightsPending,
    totpEnabledAt: row.totpEnabledAt,
    // A password past its maximum age holds the user at the password page like a one-time password.
    mustChangePassword: row.mustChangePassword || expired,
    passwordExpired: expired && !row.mustChangePassword,
    sessionsValidAfter: row.sessionsValidAfter,
    sessionId: claims.sessionId,
  };
}

/** The sessions of a user that are open at `now` under the policy in force. */
function openAt(policy: EffectivePolicy, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return and(
    isNull(userSessions.endedAt),
    gt(userSessions.expiresAt, at),
    sql`${userSessions.startedAt} + make_interval(hours => ${policy.sessionMaxHours}) > ${at}`,
    sql`${userSessions.lastSeenAt} + make_interval(mins => ${policy.sessionIdleMinutes}) > ${at}`,
  )!;
}

export type ActiveSession = {
  id: string;
  startedAt: Date;
  lastSeenAt: Date;
  /** When it ends if used on: the absolute end. */
  endsAt: Date;
  /** When it ends if not used again. */
  idleEndsAt: Date;
  ip: string | null;
  userAgent: string | null;
};

/** A user's open sessions, the most recently used first. */
export async function listActiveSessions(db: DbOrTx, userId: number, now: Date = new Date()): Promise<ActiveSession[]> {
  const policy = await getSecurityPolicy(db);
  const rows = await db
    .select({
      id: userSessions.id,
      startedAt: userSessions.startedAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), openAt(policy, now)))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.startedAt))
    .limit(200);
  return rows.map(({ expiresAt, ...r }) => ({
    ...r,
    endsAt: absoluteEnd({ startedAt: r.startedAt, expiresAt }, policy),
    idleEndsAt: idleEnd(r, policy),
  }));
}

export async function countActiveSessions(db: DbOrTx, userId: number, now: Date = new Date()): Promise<number> {
  const policy = await getSecurityPolicy(db);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), openAt(policy, now)));
  return r?.n ?? 0;
}

/**
 * Ends the sessions matched by `where` that are not ended yet, for good, and writes one
 * `session.end` entry per session (in the caller's transaction). Returns the ended sessions.
 */
export async function endSessionsWhere(
  tx: Tx,
  actor: Actor | null,
  where: SQL,
  reason: SessionEndReason,
  now: Date = new Date(),
): Promise<{ id: string; userId: number }[]> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: now, endedBy: actor?.userId ?? null, endReason: reason })
    .where(and(where, isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id, userId: userSessions.userId });
  await writeAuditEntries(
    tx,
    actor,
    ended.map((s) => ({ action: 'session.end', entity: 'user', entityId: s.userId, after: { reason, sessionId: s.id } })),
  );
  return ended;
}

/** Every session of a user, or every one but `except` (the caller's own). */
export function sessionsOfUser(userId: number, except?: string | null): SQL {
  return and(eq(userSessions.userId, userId), except ? ne(userSessions.id, except) : undefined)!;
}

/** A user ends one of their own sessions (another device, or this one). */
export async function endOwnSession(db: Db, actor: Actor, sessionId: string): Promise<{ ended: number }> {
  return db.transaction(async (tx) => {
    const ended = await endSessionsWhere(tx, actor, and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.userId))!, 'user');
    return { ended: ended.length };
  });
}

/** A user ends every session of theirs but the one they are using. */
export async function endOtherOwnSessions(db: Db, actor: Actor, currentSessionId: string | null): Promise<{ ended: number }> {
  return db.transaction(async (tx) => {
    const ended = await endSessionsWhere(tx, actor, sessionsOfUser(actor.userId, currentSessionId), 'user');
    return { ended: ended.length };
  });
}

/** An administrator ends every session of an account. */
export async function endAllSessionsOf(db: Db, actor: Actor, userId: number): Promise<{ ended: number }> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!u) return { ended: 0 };
    const ended = await endSessionsWhere(tx, actor, sessionsOfUser(userId), 'admin');
    return { ended: ended.length };
  });
}

/** Sign-out: the session ends for good, whatever becomes of the token the browser had. */
export async function signOutSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [s] = await tx
      .update(userSessions)
      .set({ endedAt: new Date(), endedBy: actor.userId, endReason: 'signOut' })
      .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.userId), isNull(userSessions.endedAt)))
      .returning({ id: userSessions.id });
    if (!s) return;
    await writeAudit(tx, actor, { action: 'auth.signOut', entity: 'user', entityId: actor.userId, after: { sessionId } });
  });
}
