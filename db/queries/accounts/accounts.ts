import 'server-only';
import bcrypt from 'bcryptjs';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../client';
import { carriers, operatorCarriers, users } from '../../schema';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { conflict, DomainError, invalid, notFound, type FieldErrors } from '@/lib/errors';
import { generateOneTimePassword } from '@/lib/one-time-password';
import { roleNeedsApproval } from '@/lib/roles';
import type { AccountInput } from '@/lib/validation/account';
import { passwordPolicy, type ChangePasswordInput } from '@/lib/validation/password';
import { zodFieldErrors } from '@/lib/validation/zod-messages';
import { getSecurityPolicy } from '@/db/queries/accounts/policy-in-force';
import { isUniqueViolation } from '../shared/errors';
import { assertNoPendingGrant, isLastOfItsKind, requestRights, takeAccountsLock } from './rights-grants';
import { clearPasswordCheckFailures, passwordCheckLocked, recordPasswordCheckFailure } from './password-check';
import { endSessionsWhere, sessionsOfUser } from './sessions';
import { pinyin } from '../shared/collation';

const BCRYPT_COST = 10;

/** An account's stored version: the time of its last change, to the millisecond. */
export const versionOf = (updatedAt: Date) => updatedAt.toISOString();

export type AccountDetail = {
  id: number;
  name: string;
  email: string;
  role: AccountInput['role'];
  active: boolean;
  mustChangePassword: boolean;
  /** A grant of the account's role awaits the security administrator. */
  rightsPending: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  version: string;
  carrierIds: number[];
};

async function carrierIdsOf(db: DbOrTx, userId: number) {
  const rows = await db
    .select({ id: operatorCarriers.carrierId })
    .from(operatorCarriers)
    .where(eq(operatorCarriers.userId, userId))
    .orderBy(asc(operatorCarriers.carrierId));
  return rows.map((r) => r.id);
}

export async function getAccount(db: DbOrTx, userId: number): Promise<AccountDetail> {
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) throw notFound();
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    rightsPending: u.rightsPending,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
    version: versionOf(u.updatedAt),
    carrierIds: await carrierIdsOf(db, u.id),
  };
}

/** Every carrier an operator may be bound to, by name. */
export async function carrierChoices(db: DbOrTx) {
  return db.select({ id: carriers.id, name: carriers.name, status: carriers.status }).from(carriers).orderBy(pinyin(carriers.name));
}

const emailTaken = (): DomainError => invalid({ email: [{ key: 'accounts.errors.emailTaken' }] });

async function assertEmailFree(tx: Tx, email: string, exceptId?: number) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, exceptId ? ne(users.id, exceptId) : undefined))
    .limit(1);
  if (row) throw emailTaken();
}

async function assertCarriersExist(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  const rows = await tx.select({ id: carriers.id }).from(carriers).where(inArray(carriers.id, ids));
  if (rows.length !== ids.length) throw invalid({ carrierIds: [{ key: 'choice' }] });
}

async function bindCarriers(tx: Tx, userId: number, ids: number[]) {
  await tx.delete(operatorCarriers).where(eq(operatorCarriers.userId, userId));
  if (ids.length) await tx.insert(operatorCarriers).values(ids.map((carrierId) => ({ userId, carrierId })));
}

/** Runs one change of accounts in a transaction, behind the accounts lock; a duplicate email is a field error. */
async function accountChange<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await takeAccountsLock(tx);
      return work(tx);
    });
  } catch (e) {
    if (!(e instanceof DomainError) && isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

async function lockUser(tx: Tx, userId: number) {
  const [u] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!u) throw notFound();
  return u;
}

const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

/**
 * Creates an account with a one-time password, returned once and never stored in clear. An
 * account with committee or administrator rights can sign in (to set its password) but uses
 * none of them until the security administrator approves the grant.
 */
export async function createAccount(db: Db, actor: Actor, input: AccountInput): Promise<{ userId: number; password: string; rightsPending: boolean }> {
  const rightsPending = roleNeedsApproval(input.role);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return accountChange(db, async (tx) => {
    await assertEmailFree(tx, input.email);
    await assertCarriersExist(tx, input.carrierIds);
    const [row] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: true, rightsPending })
      .returning({ id: users.id });
    await bindCarriers(tx, row!.id, input.carrierIds);
    await writeAudit(tx, actor, {
      action: 'user.created',
      entity: 'user',
      entityId: row!.id,
      after: { name: input.name, email: input.email, role: input.role, carrierIds: input.carrierIds, active: true, mustChangePassword: true, rightsPending },
    });
    if (rightsPending) await requestRights(tx, actor, { userId: row!.id, kind: 'role', role: input.role, previousRole: null });
    return { userId: row!.id, password, rightsPending };
  });
}

/**
 * Changes an account's name, email, role and carriers. Refused when the account changed since
 * the form was opened, when it would leave the portal without an active administrator of a
 * kind, or take an administrator's own role away. A new role with committee or administrator
 * rights is closed until the security administrator approves it.
 */
export async function updateAccount(
  db: Db,
  actor: Actor,
  input: AccountInput & { userId: number; version: string },
): Promise<{ version: string; rightsRequested?: boolean }> {
  return accountChange(db, async (tx) => {
    const current = await lockUser(tx, input.userId);
    if (versionOf(current.updatedAt) !== input.version) throw conflict();
    const roleChanged = current.role !== input.role;
    if (roleChanged) {
      if (current.id === actor.userId) throw invalid({ role: [{ key: 'accounts.errors.ownAdminRole' }] });
      if (await isLastOfItsKind(tx, current)) throw invalid({ role: [{ key: 'accounts.errors.lastAdmin' }] });
      await assertNoPendingGrant(tx, current.id);
    }
    const rightsPending = roleChanged ? roleNeedsApproval(input.role) : current.rightsPending;
    await assertEmailFree(tx, input.email, current.id);
    await assertCarriersExist(tx, input.carrierIds);
    const before = { name: current.name, email: current.email, role: current.role, carrierIds: await carrierIdsOf(tx, current.id) };
    const after = { name: input.name, email: input.email, role: input.role, carrierIds: input.carrierIds };
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length === 0) return { version: input.version };
    const [saved] = await tx
      .update(users)
      .set({ name: input.name, email: input.email, role: input.role, rightsPending, updatedAt: new Date() })
      .where(eq(users.id, current.id))
      .returning({ updatedAt: users.updatedAt });
    await bindCarriers(tx, current.id, input.carrierIds);
    await writeAudit(tx, actor, { action: 'user.updated', entity: 'user', entityId: current.id, ...diff });
    if (roleChanged && rightsPending) {
      await requestRights(tx, actor, { userId: current.id, kind: 'role', role: input.role, previousRole: current.role });
      return { version: versionOf(saved!.updatedAt), rightsRequested: true };
    }
    return { version: versionOf(saved!.updatedAt) };
  });
}

/**
 * Deactivates an account, or asks for its reactivation. A deactivated user is signed out at their
 * next request (lib/server/authz reads the users table each time). Nobody deactivates themselves, and
 * the last active administrator of each kind stays. A reactivation takes effect only when the
 * security administrator approves it: until then the account stays inactive.
 */
export async function setAccountActive(db: Db, actor: Actor, input: { userId: number; active: boolean }): Promise<{ changed: boolean; pending?: boolean }> {
  return accountChange(db, async (tx) => {
    const current = await lockUser(tx, input.userId);
    if (current.active === input.active) return { changed: false };
    if (!input.active) {
      const errors: FieldErrors = {};
      if (current.id === actor.userId) errors._form = [{ key: 'accounts.errors.deactivateSelf' }];
      else if (await isLastOfItsKind(tx, current)) errors._form = [{ key: 'accounts.errors.lastAdmin' }];
      if (errors._form) throw invalid(errors);
    } else {
      await requestRights(tx, actor, { userId: current.id, kind: 'reactivation', role: current.role, previousRole: current.role });
      return { changed: false, pending: true };
    }
    const now = new Date();
    // Deactivating ends every session of the account for good: reactivating does not bring them back.
    await tx
      .update(users)
      .set({ active: input.active, updatedAt: now, ...(input.active ? {} : { sessionsValidAfter: now }) })
      .where(eq(users.id, current.id));
    await writeAudit(tx, actor, {
      action: input.active ? 'user.reactivated' : 'user.deactivated',
      entity: 'user',
      entityId: current.id,
      before: { active: current.active },
      after: { active: input.active },
    });
    if (!input.active) await endSessionsWhere(tx, actor, sessionsOfUser(current.id), 'deactivated', now);
    return { changed: true };
  });
}

/** Gives an account a new one-time password (returned once) that must be changed at the next sign-in. */
export async function resetPassword(db: Db, actor: Actor, input: { userId: number }): Promise<{ password: string }> {
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return accountChange(db, async (tx) => {
    const current = await lockUser(tx, input.userId);
    // An administrator changes their own password with the current one, never by a reset.
    if (current.id === actor.userId) throw invalid({ _form: [{ key: 'accounts.errors.resetSelf' }] });
    const now = new Date();
    // Whoever held a session of the account (perhaps the reason for the reset) is signed out.
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: now, updatedAt: now, sessionsValidAfter: now })
      .where(eq(users.id, current.id));
    // The entry says that the password was reset, never what it is or its hash.
    await writeAudit(tx, actor, {
      action: 'user.passwordReset',
      entity: 'user',
      entityId: current.id,
      before: { mustChangePassword: current.mustChangePassword },
      after: { mustChangePassword: true },
    });
    await endSessionsWhere(tx, actor, sessionsOfUser(current.id), 'passwordReset', now);
    return { password };
  });
}

const wrongCurrent = () => invalid({ currentPassword: [{ key: 'accounts.errors.wrongCurrent' }] });
const checkLocked = () => invalid({ currentPassword: [{ key: 'passwordPolicy.checkLocked' }] });

/**
 * A user changes their own password: the current one must match, the new one must follow the
 * policy and differ from the current one. Clears the obligation to change it, restarts the
 * password's age and ends the user's other sessions (`currentSessionId`, the one in use, stays).
 * The current-password check is throttled (db/queries/accounts/password-check.ts): while it is locked
 * even the right password is refused; every refusal is audited.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: ChangePasswordInput,
  currentSessionId: string | null = null,
  now: Date = new Date(),
): Promise<{ endedSessions: number }> {
  const current = await db.select({ hash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, actor.userId)).limit(1);
  const user = current[0];
  if (!user) throw notFound();
  if (await passwordCheckLocked(db, actor.userId, now)) {
    await recordPasswordCheckFailure(db, actor, 'throttled', now);
    throw checkLocked();
  }
  if (!(await bcrypt.compare(input.currentPassword, user.hash))) {
    const { lockedUntil } = await recordPasswordCheckFailure(db, actor, 'password', now);
    throw lockedUntil ? invalid({ currentPassword: [{ key: 'accounts.errors.wrongCurrent' }, { key: 'passwordPolicy.checkLocked' }] }) : wrongCurrent();
  }
  const { passwordComplexity } = await getSecurityPolicy(db);
  const policy = passwordPolicy(user.email, { complexity: passwordComplexity }).safeParse(input.newPassword);
  if (!policy.success) throw invalid({ newPassword: zodFieldErrors(policy.error)._form ?? [{ key: 'invalid' }] });
  if (input.newPassword === input.currentPassword) throw invalid({ newPassword: [{ key: 'accounts.errors.samePassword' }] });
  const passwordHash = await hashPassword(input.newPassword);
  return accountChange(db, async (tx) => {
    const locked = await lockUser(tx, actor.userId);
    // The password was changed elsewhere while this one was being checked: check again.
    if (locked.passwordHash !== user.hash) throw wrongCurrent();
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: new Date() }).where(eq(users.id, locked.id));
    await writeAudit(tx, actor, {
      action: 'user.passwordChanged',
      entity: 'user',
      entityId: locked.id,
      before: { mustChangePassword: locked.mustChangePassword },
      after: { mustChangePassword: false },
    });
    // Whoever else held a session of the account (perhaps the reason for the change) is signed out.
    const ended = await endSessionsWhere(tx, actor, sessionsOfUser(locked.id, currentSessionId), 'passwordChanged', now);
    await clearPasswordCheckFailures(tx, locked.id);
    return { endedSessions: ended.length };
  });
}
