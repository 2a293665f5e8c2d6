import 'server-only';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { writeAudit, type Actor, type AnonymousActor } from '@/db/audit';
import type { DbOrTx, Tx } from '../../client';
import { auditLog, loginThrottle } from '../../schema';

/**
 * Sign-in throttling, kept in the database so that it holds across app instances.
 *
 * - `pair:<email>|<ip>`: 5 failures of one account from one address within 15 minutes lock
 *   that pair for 15 minutes (the guesser at that address, not the owner elsewhere).
 * - `ip:<ip>`: 20 failures from one address, whatever the accounts, lock the address.
 * - `account:<email>`: across addresses the account only slows down: after 5 failures in the
 *   window each further attempt must come 2^(n-5) seconds (at most 60) after the last failure,
 *   and is refused as "slowed" when sooner. It never locks, and an address the account has
 *   signed in from before is not slowed at all, so no outsider keeps the owner out.
 * The email is the one typed (lower-cased), whether or not such an account exists.
 */
export const THROTTLE = {
  pairLimit: 5,
  ipLimit: 20,
  accountFreeFailures: 5,
  accountMaxDelaySeconds: 60,
  windowMinutes: 15,
  lockMinutes: 15,
  /** How long an address the account signed in from stays known to it. */
  knownAddressDays: 90,
} as const;

export type ThrottleKind = 'pair' | 'ip' | 'account';
export type ThrottleKeys = { account: string; pair: string | null; ip: string | null };

export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  const e = email.trim().toLowerCase();
  return { account: `account:${e}`, pair: ip ? `pair:${e}|${ip}` : null, ip: ip ? `ip:${ip}` : null };
}

const allKeys = (k: ThrottleKeys) => [k.pair, k.ip, k.account].filter((x): x is string => x !== null);

/** Every kind of key in login_throttle: sign-in's three, the current-password check's and the second factor's. */
export type ThrottleKeyKind = ThrottleKind | 'password' | 'code' | 'other';
const KEY_KINDS: ThrottleKeyKind[] = ['pair', 'ip', 'account', 'password', 'code'];

/** A key's kind and what it is about (the email, address or user id), as stored. */
export function describeThrottleKey(key: string): { kind: ThrottleKeyKind; subject: string } {
  const at = key.indexOf(':');
  const kind = at > 0 ? (key.slice(0, at) as ThrottleKeyKind) : 'other';
  return KEY_KINDS.includes(kind) ? { kind, subject: key.slice(at + 1) } : { kind: 'other', subject: key };
}

/** Whether a key is refused at `now`, and until when; the hard locks before the slowdown. */
export async function throttleVerdict(db: DbOrTx, keys: ThrottleKeys, now: Date): Promise<{ kind: ThrottleKind; key: string; until: Date } | null> {
  const rows = await db
    .select({ key: loginThrottle.key, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, allKeys(keys)), gt(loginThrottle.lockedUntil, now)));
  for (const kind of ['pair', 'ip', 'account'] as const) {
    const row = rows.find((r) => r.key === keys[kind]);
    if (row) return { kind, key: row.key, until: row.lockedUntil! };
  }
  return null;
}

/** Whether the user signed in from this address within THROTTLE.knownAddressDays (from the audit log). */
export async function isKnownAddress(db: DbOrTx, userId: number, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(now.getTime() - THROTTLE.knownAddressDays * 86_400_000);
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), gt(auditLog.at, since), eq(auditLog.action, 'auth.signIn'), eq(auditLog.ip, ip)))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return rows.length > 0;
}

type Counted = { key: string; failures: number; lockedUntil: Date | null };

/** One atomic upsert: concurrent failures are all counted, and each sees the count it made. */
async function countFailure(db: DbOrTx, key: string, now: Date, kind: ThrottleKind | { limit: number }): Promise<Counted> {
  const hardLimit = typeof kind === 'object' ? kind.limit : kind === 'pair' ? THROTTLE.pairLimit : THROTTLE.ipLimit;
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${at} - make_interval(mins => ${THROTTLE.windowMinutes})`;
  // A hard lock that has ended starts the count afresh; the account's slowdown does not.
  const expired =
    kind === 'account'
      ? sql`(${loginThrottle.windowStartedAt} <= ${windowStart})`
      : sql`(${loginThrottle.windowStartedAt} <= ${windowStart} OR ${loginThrottle.lockedUntil} <= ${at})`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.failures} + 1 END)`;
  const lockFor = (failures: SQLish) =>
    kind === 'account'
      ? sql`CASE WHEN ${failures} >= ${THROTTLE.accountFreeFailures}
          THEN ${at} + make_interval(secs => LEAST(${THROTTLE.accountMaxDelaySeconds}, power(2, ${failures} - ${THROTTLE.accountFreeFailures})))
          ELSE NULL END`
      : sql`CASE WHEN ${failures} >= ${hardLimit}
          THEN ${at} + make_interval(mins => ${THROTTLE.lockMinutes}) ELSE NULL END`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: sql`${lockFor(sql`1`)}` })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: next,
        windowStartedAt: sql`CASE WHEN ${expired} THEN ${at} ELSE ${loginThrottle.windowStartedAt} END`,
        lockedUntil: sql`${lockFor(next)}`,
      },
    })
    .returning({ key: loginThrottle.key, failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
  return row!;
}
type SQLish = ReturnType<typeof sql>;

/**
 * Counts one failed attempt against each key and writes an `auth.lockout` entry for each key
 * this very failure locked (the one that reached the limit, so once per lock; for the account,
 * once when its slowdown begins). Runs inside the caller's transaction.
 */
export async function recordFailure(tx: Tx, keys: ThrottleKeys, now: Date, actor: Actor | AnonymousActor): Promise<ThrottleKind[]> {
  const reached: ThrottleKind[] = [];
  for (const kind of ['pair', 'ip', 'account'] as const) {
    const key = keys[kind];
    if (!key) continue;
    const row = await countFailure(tx, key, now, kind);
    const limit = kind === 'pair' ? THROTTLE.pairLimit : kind === 'ip' ? THROTTLE.ipLimit : THROTTLE.accountFreeFailures;
    if (row.failures === limit) {
      reached.push(kind);
      await writeAudit(tx, actor, {
        action: 'auth.lockout',
        entity: 'login_throttle',
        entityId: key,
        after: { kind, subject: describeThrottleKey(key).subject, failures: row.failures, until: row.lockedUntil?.toISOString() ?? null },
      });
    }
  }
  // Old, unlocked counters are of no further use.
  await tx
    .delete(loginThrottle)
    .where(
      sql`${loginThrottle.windowStartedAt} < ${now.toISOString()}::timestamptz - interval '1 day' AND (${loginThrottle.lockedUntil} IS NULL OR ${loginThrottle.lockedUntil} < ${now.toISOString()}::timestamptz)`,
    );
  return reached;
}

/**
 * The other checks of a secret (the current password on the password page, `password:<user>`,
 * and second-factor codes, `code:<user>`) lock hard like a pair: `limit` failures within the
 * window lock the key for THROTTLE.lockMinutes. Runs inside the caller's transaction.
 */
export async function recordKeyFailure(tx: Tx, key: string, limit: number, now: Date): Promise<Counted> {
  return countFailure(tx, key, now, { limit });
}

/** Whether any of the keys is locked at `now`. */
export async function isThrottled(db: DbOrTx, keys: string[], now: Date): Promise<boolean> {
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)))
    .limit(1);
  return rows.length > 0;
}

/** A successful sign-in clears the account's and this pair's counters (the address's stays). */
export async function clearSignInFailures(db: DbOrTx, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottle).where(
    inArray(
      loginThrottle.key,
      [keys.account, keys.pair].filter((k): k is string => k !== null),
    ),
  );
}
