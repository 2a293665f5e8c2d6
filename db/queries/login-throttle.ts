import 'server-only';
import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { loginThrottle } from '../schema';

/** Failures within one window after which sign-in is refused, per account and per address. */
export const THROTTLE_LIMITS = { account: 5, ip: 20 } as const;
export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_LOCK_MINUTES = 15;

/**
 * The keys one attempt counts against. The account key is the email as typed (lower-cased),
 * whether or not such an account exists, so that a refusal says nothing about existence.
 */
export function throttleKeys(email: string, ip: string | null) {
  const keys: { key: string; limit: number }[] = [{ key: `account:${email.trim().toLowerCase()}`, limit: THROTTLE_LIMITS.account }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: THROTTLE_LIMITS.ip });
  return keys;
}

/** Whether any of the keys is locked at `now`. Kept in the database, so it holds across app instances. */
export async function isThrottled(db: DbOrTx, keys: string[], now: Date): Promise<boolean> {
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), sql`${loginThrottle.lockedUntil} > ${now.toISOString()}::timestamptz`))
    .limit(1);
  return rows.length > 0;
}

/**
 * Counts one failed attempt against each key in a single atomic upsert per key, so that
 * concurrent failures are all counted. A window that is over (or a lock that has ended)
 * starts afresh; reaching the limit locks the key for THROTTLE_LOCK_MINUTES.
 */
export async function recordFailure(db: DbOrTx, keys: { key: string; limit: number }[], now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${at} - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  const lockEnd = sql`${at} + make_interval(mins => ${THROTTLE_LOCK_MINUTES})`;
  for (const { key, limit } of keys) {
    const expired = sql`(${loginThrottle.windowStartedAt} <= ${windowStart} OR ${loginThrottle.lockedUntil} <= ${at})`;
    const next = sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.failures} + 1 END`;
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? sql`${lockEnd}` : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: next,
          windowStartedAt: sql`CASE WHEN ${expired} THEN ${at} ELSE ${loginThrottle.windowStartedAt} END`,
          lockedUntil: sql`CASE WHEN ${next} >= ${limit} THEN ${lockEnd} WHEN ${expired} THEN NULL ELSE ${loginThrottle.lockedUntil} END`,
        },
      });
  }
  // Old, unlocked counters are of no further use.
  await db.delete(loginThrottle).where(
    sql`${loginThrottle.windowStartedAt} < ${at} - interval '1 day' AND (${loginThrottle.lockedUntil} IS NULL OR ${loginThrottle.lockedUntil} < ${at})`,
  );
}

/** A successful sign-in clears the account's counter (the address's counter stays). */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [throttleKeys(email, null)[0]!.key]));
}
