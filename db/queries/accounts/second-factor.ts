import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../client';
import { loginThrottle, recoveryCodes, users } from '../../schema';
import { writeAudit, type Actor } from '@/db/audit';
import { DomainError, forbiddenChange, invalid, notFound } from '@/lib/errors';
import type { Role } from '@/lib/roles';
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode, normaliseTotpInput, recoveryCodeMatches, verifyTotp } from '@/lib/totp';
import { isThrottled, recordKeyFailure } from './login-throttle';
import { endSessionsWhere, sessionsOfUser } from './sessions';

/** Wrong codes within the throttle window after which code entry is locked (like passwords). */
export const CODE_FAILURE_LIMIT = 5;
export const codeThrottleKey = (userId: number) => `code:${userId}`;

export type SecondFactorStatus = { enabledAt: Date | null; recoveryCodesLeft: number };

export async function secondFactorStatus(db: DbOrTx, userId: number): Promise<SecondFactorStatus> {
  const [u] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!u) throw notFound();
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabledAt: u.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
}

const codeLocked = () => invalid({ code: [{ key: 'twoFactor.errors.locked' }] });
const codeWrong = () => invalid({ code: [{ key: 'twoFactor.errors.wrongCode' }] });

/** Whether code entry is locked for the user at `now`. */
export function codeEntryLocked(db: DbOrTx, userId: number, now: Date): Promise<boolean> {
  return isThrottled(db, [codeThrottleKey(userId)], now);
}

/**
 * Counts one wrong code (outside the caller's transaction, so that a refusal still counts).
 * At sign-in, the failure that locks code entry is audited as `auth.lockout`; on the account's
 * own page (already signed in) a wrong code is refused and counted, without an entry.
 */
async function countWrongCode(db: DbOrTx, actor: Actor | null, userId: number, email: string, now: Date, auditLockout = false): Promise<void> {
  const key = codeThrottleKey(userId);
  await db.transaction(async (tx) => {
    const counted = await recordKeyFailure(tx, key, CODE_FAILURE_LIMIT, now);
    // The failure that reached the limit locked code entry: audited once per lock.
    if (auditLockout && counted.failures === CODE_FAILURE_LIMIT) {
      await writeAudit(tx, actor, {
        action: 'auth.lockout',
        entity: 'login_throttle',
        entityId: key,
        after: { kind: 'code', subject: email, failures: counted.failures, until: counted.lockedUntil?.toISOString() ?? null },
      });
    }
  });
}

async function clearWrongCodes(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, codeThrottleKey(userId)));
}

async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/**
 * Confirms enrolment: `code` must be the pending secret's current code. Stores the secret,
 * replaces any recovery codes with ten new ones (returned once, stored hashed) and writes
 * `mfa.enrol`. Refused when the user is already enrolled (reset first) or code entry is locked.
 */
export async function enrolSecondFactor(
  db: Db,
  actor: Actor,
  input: { userId: number; email: string; secret: string; code: string },
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  if (await codeEntryLocked(db, input.userId, now)) throw codeLocked();
  if (verifyTotp(input.secret, input.code, now) === null) {
    await countWrongCode(db, actor, input.userId, input.email, now);
    throw codeWrong();
  }
  const codes = await db.transaction(async (tx) => {
    const [u] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!u) throw notFound();
    if (u.enabledAt) throw new DomainError('conflict');
    await tx.update(users).set({ totpSecret: input.secret, totpEnabledAt: now }).where(eq(users.id, input.userId));
    const codes = await replaceRecoveryCodes(tx, input.userId);
    await writeAudit(tx, actor, { action: 'mfa.enrol', entity: 'user', entityId: input.userId, after: { recoveryCodes: codes.length } });
    return codes;
  });
  await clearWrongCodes(db, input.userId);
  return { recoveryCodes: codes };
}

/** Ten new recovery codes in place of the old ones, for an enrolled user who gives a current code. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: Actor,
  input: { userId: number; email: string; code: string },
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  if (await codeEntryLocked(db, input.userId, now)) throw codeLocked();
  const [u] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!u?.secret) throw new DomainError('conflict');
  if (verifyTotp(u.secret, input.code, now) === null) {
    await countWrongCode(db, actor, input.userId, input.email, now);
    throw codeWrong();
  }
  const codes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, input.userId);
    await writeAudit(tx, actor, { action: 'mfa.recoveryCodes', entity: 'user', entityId: input.userId, after: { recoveryCodes: codes.length } });
    return codes;
  });
  await clearWrongCodes(db, input.userId);
  return { recoveryCodes: codes };
}

/**
 * An administrator clears a user's second factor (a lost phone): the secret and every
 * recovery code go, `mfa.reset` is written, and a role that requires a second factor must
 * enrol again before reaching its pages. Not for one's own account.
 */
export async function resetSecondFactor(db: Db, actor: Actor, input: { userId: number }): Promise<{ reset: boolean }> {
  if (input.userId === actor.userId) throw forbiddenChange();
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!u) throw notFound();
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, input.userId));
    const removed = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId)).returning({ id: recoveryCodes.id });
    await writeAudit(tx, actor, {
      action: 'mfa.reset',
      entity: 'user',
      entityId: input.userId,
      before: { enrolled: u.enabledAt !== null, recoveryCodes: removed.length },
      after: { enrolled: false },
    });
    await clearWrongCodes(tx, input.userId);
    // A second factor is reset when a device is lost: whoever holds a session on it is signed out.
    await endSessionsWhere(tx, actor, sessionsOfUser(input.userId), 'secondFactorReset');
    return { reset: u.enabledAt !== null };
  });
}

/**
 * Marks one of the user's unused recovery codes as used, if `input` is one. The guarded update
 * (`used_at IS NULL`) lets only one of two concurrent uses of the same code succeed.
 */
async function useRecoveryCode(tx: Tx, userId: number, input: string, now: Date): Promise<boolean> {
  const candidates = await tx
    .select({ id: recoveryCodes.id, hash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const match = candidates.find((c) => recoveryCodeMatches(input, c.hash));
  if (!match) return false;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** The next-auth error codes of the second step of sign-in; the form shows each its own way. */
export type SecondFactorRefusal = 'codeRequired' | 'codeInvalid' | 'codeThrottled';

export class SecondFactorRefused extends Error {
  constructor(readonly refusal: SecondFactorRefusal) {
    super(refusal);
  }
}

type SignInUser = { id: number; email: string; role: Role };

/**
 * The second step of sign-in, after the password was found right. A user without a second
 * factor passes (a role that requires one is then held on the enrolment page). An enrolled
 * user must give `code`: a current one-time code or an unused recovery code, which is then
 * used up. Throws SecondFactorRefused ('codeRequired', 'codeInvalid', 'codeThrottled');
 * wrong codes are counted under `code:<userId>` and lock code entry like passwords. Every
 * outcome is audited: `mfa.use` (kind totp | recovery) or `auth.signInFailed` (reason code,
 * codeMissing or throttled).
 */
export async function checkSecondFactor(
  db: DbOrTx,
  user: SignInUser,
  code: string | undefined,
  ip: string | null,
  now: Date = new Date(),
  requestId: string | null = null,
): Promise<void> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row?.secret || !row.enabledAt) return;
  const actor: Actor = { userId: user.id, role: user.role, ip, requestId };
  const refuse = async (reason: 'code' | 'codeMissing' | 'throttled', refusal: SecondFactorRefusal): Promise<never> => {
    await db.transaction((tx) =>
      writeAudit(tx, actor, { action: 'auth.signInFailed', entity: 'user', entityId: user.id, after: { email: user.email, reason } }),
    );
    throw new SecondFactorRefused(refusal);
  };
  const typed = code?.trim() ?? '';
  if (!typed) return refuse('codeMissing', 'codeRequired');
  if (await codeEntryLocked(db, user.id, now)) return refuse('throttled', 'codeThrottled');

  const secret = row.secret;
  const kind = await db.transaction(async (tx) => {
    let kind: 'totp' | 'recovery' | null = null;
    if (normaliseTotpInput(typed)) {
      if (verifyTotp(secret, typed, now) !== null) kind = 'totp';
    } else if (normaliseRecoveryCode(typed)) {
      if (await useRecoveryCode(tx, user.id, typed, now)) kind = 'recovery';
    }
    if (kind) await writeAudit(tx, actor, { action: 'mfa.use', entity: 'user', entityId: user.id, after: { kind } });
    return kind;
  });
  if (!kind) {
    await countWrongCode(db, actor, user.id, user.email, now, true);
    return refuse('code', 'codeInvalid');
  }
  await clearWrongCodes(db, user.id);
}
