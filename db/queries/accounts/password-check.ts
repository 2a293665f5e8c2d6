import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../client';
import { loginThrottle } from '../../schema';
import { writeAudit, type Actor } from '@/db/audit';
import { isThrottled, recordKeyFailure } from './login-throttle';

/**
 * The current-password check of a signed-in user (changing their own password) is throttled
 * like sign-in: 5 wrong passwords within 15 minutes lock it for 15 minutes, even for the right
 * one. Each wrong guess is audited.
 */
export const PASSWORD_CHECK_LIMIT = 5;

export const passwordCheckKey = (userId: number) => `password:${userId}`;

/** Until when the user's current-password check is locked, or null. */
export async function passwordCheckLockedUntil(db: DbOrTx, userId: number, now: Date = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ until: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, passwordCheckKey(userId)), sql`${loginThrottle.lockedUntil} > ${now.toISOString()}::timestamptz`))
    .limit(1);
  return row?.until ?? null;
}

export async function passwordCheckLocked(db: DbOrTx, userId: number, now: Date = new Date()): Promise<boolean> {
  return isThrottled(db, [passwordCheckKey(userId)], now);
}

/**
 * Records a refused current-password check: a wrong password counts towards the lock; one
 * tried while locked does not (the lock does not grow), but is audited all the same. Committed
 * on its own, whatever becomes of the change that was asked for.
 */
export async function recordPasswordCheckFailure(
  db: Db,
  actor: Actor,
  reason: 'password' | 'throttled',
  now: Date = new Date(),
): Promise<{ lockedUntil: Date | null }> {
  return db.transaction(async (tx) => {
    if (reason === 'password') await recordKeyFailure(tx, passwordCheckKey(actor.userId), PASSWORD_CHECK_LIMIT, now);
    const lockedUntil = await passwordCheckLockedUntil(tx, actor.userId, now);
    await writeAudit(tx, actor, {
      action: 'user.passwordCheckFailed',
      entity: 'user',
      entityId: actor.userId,
      after: { reason, locked: lockedUntil !== null },
    });
    return { lockedUntil };
  });
}

/** A right current password clears the count of wrong ones. */
export async function clearPasswordCheckFailures(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, passwordCheckKey(userId)));
}
