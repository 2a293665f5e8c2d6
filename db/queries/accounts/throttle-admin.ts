import 'server-only';
import { desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../client';
import { loginThrottle } from '../../schema';
import { describeThrottleKey, type ThrottleKeyKind } from './login-throttle';
import { writeAudit, type Actor } from '@/db/audit';
import { notFound } from '@/lib/errors';

/**
 * What the security administrator sees of sign-in throttling, and the release of a lock.
 * Keys: `pair:<email>|<ip>` and `ip:<ip>` (hard locks), `account:<email>` (slowdown),
 * `password:<userId>` (current-password check), `code:<userId>` (second-factor codes).
 */

export type ThrottledKey = {
  key: string;
  kind: ThrottleKeyKind;
  /** The email, address, or user id the key is about, as stored. */
  subject: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  /** Refused now (locked_until later than now); otherwise only slowed by its failures. */
  locked: boolean;
};

/**
 * Keys locked now, or with failures counted in a window that began within the last `windowMinutes`
 * (slowed down). Locked first, then the most failures.
 */
export async function listThrottledKeys(db: DbOrTx, now: Date, windowMinutes = 15, limit = 200): Promise<ThrottledKey[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(
      or(
        gt(loginThrottle.lockedUntil, sql`${at}`),
        sql`${loginThrottle.failures} > 0 AND ${loginThrottle.windowStartedAt} > ${at} - make_interval(mins => ${windowMinutes})`,
      ),
    )
    .orderBy(sql`(${loginThrottle.lockedUntil} > ${at}) IS TRUE DESC`, desc(loginThrottle.failures), loginThrottle.key)
    .limit(limit);
  return rows.map((r) => ({
    key: r.key,
    ...describeThrottleKey(r.key),
    failures: r.failures,
    windowStartedAt: r.windowStartedAt,
    lockedUntil: r.lockedUntil,
    locked: !!r.lockedUntil && r.lockedUntil.getTime() > now.getTime(),
  }));
}

/** Releases a key: its lock and its count of failures are gone (`auth.release`). */
export async function releaseThrottledKey(db: Db, actor: Actor, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(loginThrottle).where(eq(loginThrottle.key, key)).returning();
    if (!row) throw notFound();
    await writeAudit(tx, actor, {
      action: 'auth.release',
      entity: 'login_throttle',
      entityId: key,
      before: { failures: row.failures, lockedUntil: row.lockedUntil?.toISOString() ?? null },
    });
  });
}
