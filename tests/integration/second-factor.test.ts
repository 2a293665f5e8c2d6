import type { Role } from '@/lib/roles';
import { and, eq, gt, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { CODE_FAILURE_LIMIT, enrolSecondFactor, regenerateRecoveryCodes, resetSecondFactor, SecondFactorRefused } from '@/db/queries/accounts/second-factor';
import { startSession } from '@/db/queries/accounts/sessions';
import { auditLog, loginThrottle, recoveryCodes, userSessions, users } from '@/db/schema';
import { verifyCredentials } from '@/lib/server/auth';
import { authorizeRequest, requireUser } from '@/lib/server/authz';
import { DomainError } from '@/lib/errors';
import { roleRequiresSecondFactor } from '@/lib/roles';
import { signPendingEnrolment, verifyPendingEnrolment } from '@/lib/second-factor-enrolment';
import { newTotpSecret, totpCode } from '@/lib/totp';
import { interruptOf, signInAs, useDatabase } from '../helpers/action-harness';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

vi.mock('next-auth', async () => (await import('../helpers/action-harness')).nextAuthMock);
vi.mock('next/headers', async () => (await import('../helpers/action-harness')).nextHeadersMock);
vi.mock('@/db/client', async () => (await import('../helpers/action-harness')).dbClientMock);

/**
 * The second factor on PGlite and PostgreSQL: enrolment, sign-in with a one-time code or a
 * recovery code (each recovery code once, even when used concurrently), throttling of wrong
 * codes, the administrator's reset, and the roles held on the enrolment page.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabase(handle);
});
afterAll(async () => {
  await handle?.close();
});

const T0 = new Date('2026-11-26T09:00:15Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const IP = '198.51.100.20';
const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: IP });

async function enrolled(role: 'operator' | 'committee' | 'admin' = 'committee') {
  const u = await makeUser(handle.db, role);
  const secret = newTotpSecret();
  const { recoveryCodes: codes } = await enrolSecondFactor(handle.db, actorOf(u), { userId: u.id, email: u.email, secret, code: totpCode(secret, T0) }, T0);
  return { user: u, secret, codes };
}

/** A sign-in's outcome: 'ok', 'invalid' (password) or the second factor's refusal. */
async function signIn(email: string, code: string | undefined, at: Date = T0, password = TEST_PASSWORD) {
  try {
    return (await verifyCredentials(handle.db, { email, password, ...(code === undefined ? {} : { code }) }, IP, at)) ? 'ok' : 'invalid';
  } catch (e) {
    if (e instanceof SecondFactorRefused) return e.refusal;
    throw e;
  }
}

const entriesFor = (userId: number, action: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, String(userId)), eq(auditLog.action, action)));

describe('enrolment', () => {
  it('refuses a wrong code, then stores the secret and ten hashed recovery codes with mfa.enrol', async () => {
    const u = await makeUser(handle.db, 'committee');
    const secret = newTotpSecret();
    const wrong = String((Number(totpCode(secret, T0)) + 1) % 1_000_000).padStart(6, '0');
    await expect(enrolSecondFactor(handle.db, actorOf(u), { userId: u.id, email: u.email, secret, code: wrong }, T0)).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { code: [{ key: 'twoFactor.errors.wrongCode' }] },
    });
    const [before] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(before).toMatchObject({ totpSecret: null, totpEnabledAt: null });

    const { recoveryCodes: codes } = await enrolSecondFactor(handle.db, actorOf(u), { userId: u.id, email: u.email, secret, code: totpCode(secret, T0) }, T0);
    expect(codes).toHaveLength(10);
    const [after] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(after!.totpSecret).toBe(secret);
    expect(after!.totpEnabledAt).toEqual(T0);
    const stored = await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
    expect(stored).toHaveLength(10);
    for (const s of stored) {
      expect(s.usedAt).toBeNull();
      expect(codes.some((c) => s.codeHash.includes(c) || s.codeHash.includes(c.replace(/-/g, '')))).toBe(false);
    }
    expect(await entriesFor(u.id, 'mfa.enrol')).toHaveLength(1);
    // The wrong code of the first try no longer counts after the enrolment succeeded.
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `code:${u.id}`)),
    ).toEqual([]);
  });

  it('refuses a second enrolment over an existing one (reset first)', async () => {
    const { user, secret } = await enrolled();
    await expect(
      enrolSecondFactor(handle.db, actorOf(user), { userId: user.id, email: user.email, secret, code: totpCode(secret, T0) }, T0),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('accepts a pending secret only with its signature, for its user, before it expires', () => {
    const secret = newTotpSecret();
    const pending = signPendingEnrolment(7, secret, T0);
    expect(verifyPendingEnrolment(7, pending, T0)).toBe(secret);
    expect(verifyPendingEnrolment(8, pending, T0)).toBeNull();
    expect(verifyPendingEnrolment(7, { ...pending, secret: newTotpSecret() }, T0)).toBeNull();
    expect(verifyPendingEnrolment(7, { ...pending, expires: String(Number(pending.expires) + 60_000) }, T0)).toBeNull();
    expect(verifyPendingEnrolment(7, { ...pending, signature: '' }, T0)).toBeNull();
    expect(verifyPendingEnrolment(7, pending, minutes(16))).toBeNull();
  });

  it('regenerates recovery codes with a current code: the old ones stop working', async () => {
    const { user, secret, codes } = await enrolled();
    const fresh = await regenerateRecoveryCodes(handle.db, actorOf(user), { userId: user.id, email: user.email, code: totpCode(secret, T0) }, T0);
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await signIn(user.email, codes[0]!)).toBe('codeInvalid');
    expect(await signIn(user.email, fresh.recoveryCodes[0]!)).toBe('ok');
    expect(await entriesFor(user.id, 'mfa.recoveryCodes')).toHaveLength(1);
  });
});

describe('sign-in with the second factor', () => {
  it('lets a user without a second factor in with the password alone', async () => {
    const u = await makeUser(handle.db, 'operator');
    expect(await signIn(u.email, undefined)).toBe('ok');
  });

  it('asks an enrolled user for the code, audited as codeMissing, and takes a current code in the same request', async () => {
    const { user, secret } = await enrolled();
    expect(await signIn(user.email, undefined)).toBe('codeRequired');
    expect(await signIn(user.email, '  ')).toBe('codeRequired');
    const missing = await entriesFor(user.id, 'auth.signInFailed');
    expect(missing.map((e) => e.after)).toEqual([
      { email: user.email, reason: 'codeMissing' },
      { email: user.email, reason: 'codeMissing' },
    ]);
    expect(await signIn(user.email, totpCode(secret, T0))).toBe('ok');
    // One step of drift either way.
    expect(await signIn(user.email, totpCode(secret, new Date(T0.getTime() - 30_000)))).toBe('ok');
    expect(await signIn(user.email, totpCode(secret, new Date(T0.getTime() - 60_000)))).toBe('codeInvalid');
    const used = await entriesFor(user.id, 'mfa.use');
    expect(used.map((e) => e.after)).toEqual([{ kind: 'totp' }, { kind: 'totp' }]);
    expect(used[0]).toMatchObject({ userId: user.id, role: 'committee', ip: IP, entity: 'user' });
  });

  it('never asks for the code before the password is right', async () => {
    const { user } = await enrolled();
    expect(await signIn(user.email, undefined, T0, 'wrong password!')).toBe('invalid');
    // The failure is the password's: nothing says a code would have been asked for.
    expect((await entriesFor(user.id, 'auth.signInFailed')).map((e) => (e.after as { reason: string }).reason)).toEqual(['password']);
  });

  it('takes a recovery code once', async () => {
    const { user, codes } = await enrolled();
    expect(await signIn(user.email, codes[3]!.toUpperCase())).toBe('ok');
    expect(await signIn(user.email, codes[3]!)).toBe('codeInvalid');
    expect(await signIn(user.email, codes[4]!)).toBe('ok');
    expect((await entriesFor(user.id, 'mfa.use')).map((e) => e.after)).toEqual([{ kind: 'recovery' }, { kind: 'recovery' }]);
    const used = await handle.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNotNull(recoveryCodes.usedAt)));
    expect(used).toHaveLength(2);
  });

  it('lets only one of concurrent uses of the same recovery code through', async () => {
    const { user, codes } = await enrolled();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => signIn(user.email, codes[0]!)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    // The others are refused as a used code (and, from the fifth on, as locked code entry).
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'codeInvalid' || o === 'codeThrottled')).toBe(true);
    expect(await entriesFor(user.id, 'mfa.use')).toHaveLength(1);
  });
});

describe('throttling of codes', () => {
  it('locks code entry for 15 minutes after 5 wrong codes, even for the right code, and audits the lockout', async () => {
    const { user, secret } = await enrolled();
    const wrong = (at: Date) => String((Number(totpCode(secret, at)) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < CODE_FAILURE_LIMIT; i++) expect(await signIn(user.email, wrong(minutes(i)), minutes(i))).toBe('codeInvalid');
    const locked = minutes(CODE_FAILURE_LIMIT);
    expect(await signIn(user.email, totpCode(secret, locked), locked)).toBe('codeThrottled');
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, `code:${user.id}`), eq(auditLog.action, 'auth.lockout'))),
    ).toHaveLength(1);
    const failures = (await entriesFor(user.id, 'auth.signInFailed')).map((e) => (e.after as { reason: string }).reason);
    expect(failures).toEqual(['code', 'code', 'code', 'code', 'code', 'throttled']);
    // The lock holds on the account's page too.
    await expect(
      regenerateRecoveryCodes(handle.db, actorOf(user), { userId: user.id, email: user.email, code: totpCode(secret, locked) }, locked),
    ).rejects.toMatchObject({
      fieldErrors: { code: [{ key: 'twoFactor.errors.locked' }] },
    });
    // 15 minutes after the lock began, the right code works and clears the count.
    const later = minutes(CODE_FAILURE_LIMIT - 1 + 16);
    expect(await signIn(user.email, totpCode(secret, later), later)).toBe('ok');
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `code:${user.id}`)),
    ).toEqual([]);
  });

  it('counts wrong recovery codes like wrong one-time codes', async () => {
    const { user, codes } = await enrolled();
    for (let i = 0; i < CODE_FAILURE_LIMIT; i++) expect(await signIn(user.email, 'zzzz-zzzz-zz')).toBe('codeInvalid');
    expect(await signIn(user.email, codes[0]!)).toBe('codeThrottled');
    const [unused] = await handle.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNotNull(recoveryCodes.usedAt)));
    expect(unused).toBeUndefined();
  });

  it('counts concurrent wrong codes, every one', async () => {
    const { user } = await enrolled();
    await Promise.all(Array.from({ length: 3 }, () => signIn(user.email, '000000', minutes(40))));
    const [row] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `code:${user.id}`));
    expect(row!.failures).toBe(3);
  });
});

describe('the administrator resets a second factor', () => {
  it('clears the secret and the codes with mfa.reset; the user signs in without a code and must enrol again', async () => {
    const admin = await makeUser(handle.db, 'admin');
    const { user } = await enrolled();
    const open = await startSession(handle.db, { userId: user.id, ip: '198.51.100.7', userAgent: 'a lost phone' });
    const since = (await handle.db.select({ id: auditLog.id }).from(auditLog)).reduce((m, r) => Math.max(m, r.id), 0);
    expect(await resetSecondFactor(handle.db, actorOf(admin), { userId: user.id })).toEqual({ reset: true });
    // The sessions the user had end with it (a lost device is signed out).
    const [ended] = await handle.db.select().from(userSessions).where(eq(userSessions.id, open.id));
    expect(ended).toMatchObject({ endReason: 'secondFactorReset', endedBy: admin.id });
    expect(ended!.endedAt).not.toBeNull();
    const endings = await handle.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, since), eq(auditLog.action, 'session.end')));
    expect(endings.map((e) => e.after)).toEqual([{ reason: 'secondFactorReset', sessionId: open.id }]);
    const [after] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toEqual([]);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, since), eq(auditLog.action, 'mfa.reset')));
    expect(entry).toMatchObject({ userId: admin.id, role: 'admin', entityId: String(user.id), before: { enrolled: true, recoveryCodes: 10 } });
    expect(await signIn(user.email, undefined)).toBe('ok');
  });

  it('refuses an administrator resetting their own', async () => {
    const { user } = await enrolled('admin');
    await expect(resetSecondFactor(handle.db, actorOf(user), { userId: user.id })).rejects.toBeInstanceOf(DomainError);
  });
});

describe('roles that require a second factor reach nothing else until enrolled', () => {
  it('requires it for every role but the operators', () => {
    expect(roleRequiresSecondFactor('committee')).toBe(true);
    expect(roleRequiresSecondFactor('admin')).toBe(true);
    expect(roleRequiresSecondFactor('operator')).toBe(false);
  });

  it.each(['committee', 'admin'] as const)('a %s without it is sent to the enrolment page, and a route handler answers 403', async (role) => {
    const u = await makeUser(handle.db, role);
    await signInAs(u.email);
    expect(await interruptOf(() => requireUser())).toMatchObject({ kind: 'redirect', digest: expect.stringContaining(';/account/two-factor;') });
    const r = await authorizeRequest(role);
    expect('response' in r && r.response.status).toBe(403);
    expect('response' in r && (await r.response.json())).toEqual({ error: 'secondFactorRequired' });
  });

  it('lets the same user through once enrolled, and an operator through without it', async () => {
    const { user } = await enrolled('committee');
    await signInAs(user.email);
    expect(await interruptOf(() => requireUser())).toMatchObject({ kind: 'none' });
    const op = await makeUser(handle.db, 'operator');
    await signInAs(op.email);
    expect(await interruptOf(() => requireUser())).toMatchObject({ kind: 'none' });
    expect('user' in (await authorizeRequest('operator'))).toBe(true);
  });
});
