import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { writeAudit, type Actor, type AnonymousActor } from '@/db/audit';
import type { DbOrTx, Tx } from '../../client';
import { users } from '../../schema';

export type SignInFailureReason = 'password' | 'unknown' | 'inactive' | 'throttled' | 'code' | 'codeMissing';

/**
 * A successful sign-in: the latest sign-in becomes the previous one, the failures since it are
 * kept as the failures before this one (shown to the user), the counter starts again, and
 * `auth.signIn` is audited with the user, role and address.
 */
export async function recordSuccessfulSignIn(tx: Tx, actor: Actor, email: string, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      previousSignInAt: sql`${users.lastSignInAt}`,
      lastSignInAt: now,
      failuresBeforeSignIn: sql`${users.failuresSinceSignIn}`,
      failuresSinceSignIn: 0,
    })
    .where(eq(users.id, actor.userId));
  await writeAudit(tx, actor, { action: 'auth.signIn', entity: 'user', entityId: actor.userId, after: { email } });
}

/**
 * A refused sign-in: audited as `auth.signInFailed` with the reason class and the email as typed
 * (never the password); an existing account counts it among its failures since the last sign-in.
 */
export async function recordFailedSignIn(
  tx: Tx,
  actor: Actor | AnonymousActor,
  email: string,
  reason: SignInFailureReason,
  detail?: Record<string, unknown>,
): Promise<void> {
  if (actor.userId !== null) {
    await tx
      .update(users)
      .set({ failuresSinceSignIn: sql`${users.failuresSinceSignIn} + 1` })
      .where(eq(users.id, actor.userId));
  }
  await writeAudit(tx, actor, { action: 'auth.signInFailed', entity: 'user', entityId: actor.userId, after: { email, reason, ...detail } });
}

/** What the user is shown after signing in: the sign-in before this one and the failures since then. */
export async function signInNotice(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ previousSignInAt: users.previousSignInAt, lastSignInAt: users.lastSignInAt, failures: users.failuresBeforeSignIn })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
