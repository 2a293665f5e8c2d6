import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { THROTTLE } from '@/db/queries/accounts/login-throttle';
import { listThrottledKeys, releaseThrottledKey } from '@/db/queries/accounts/throttle-admin';
import { auditLog, loginThrottle, users } from '@/db/schema';
import { SignInThrottled, verifyCredentials } from '@/lib/server/auth';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

/**
 * Sign-in throttling kept in the database: 5 failures of one account from one address lock that
 * pair, 20 failures from one address lock the address (15 minutes each); across addresses an
 * account only slows down, so an outsider cannot keep its owner out. Every outcome is audited.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const T0 = new Date('2026-11-26T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);
let n = 0;
/** A fresh address per call, so that tests do not add up on one address's counter. */
const freshIp = () => `198.51.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

type Answer = 'ok' | 'invalid' | 'throttled' | 'slowed';
async function attempt(email: string, password: string, ip: string | null, at: Date): Promise<Answer> {
  try {
    return (await verifyCredentials(handle.db, { email, password }, ip, at)) ? 'ok' : 'invalid';
  } catch (e) {
    if (e instanceof SignInThrottled) return e.kind;
    throw e;
  }
}

async function fail(email: string, ip: string | null, at: Date, times: number) {
  const out: Answer[] = [];
  for (let i = 0; i < times; i++) out.push(await attempt(email, 'wrong password!', ip, at));
  return out;
}

const entriesOf = (action: string, entityId?: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(entityId === undefined ? eq(auditLog.action, action) : and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('per account and address (the pair)', () => {
  it('allows the right password after 4 failures, and a success clears the count', async () => {
    const u = await makeUser(handle.db, 'committee');
    const ip = freshIp();
    expect(await fail(u.email, ip, T0, 4)).toEqual(Array(4).fill('invalid'));
    expect(await attempt(u.email, TEST_PASSWORD, ip, T0)).toBe('ok');
    expect(await fail(u.email, ip, T0, 4)).toEqual(Array(4).fill('invalid'));
    expect(await attempt(u.email, TEST_PASSWORD, ip, T0)).toBe('ok');
  });

  it('locks the pair for 15 minutes after the 5th failure there, but not the owner at another address', async () => {
    const u = await makeUser(handle.db, 'operator');
    const guesser = freshIp();
    expect(await fail(u.email, guesser, T0, THROTTLE.pairLimit)).toEqual(Array(5).fill('invalid'));
    expect(await attempt(u.email, TEST_PASSWORD, guesser, minutes(14))).toBe('throttled');
    expect(await attempt(u.email.toUpperCase(), TEST_PASSWORD, guesser, minutes(14))).toBe('throttled');
    // Past the account's short delay, the owner elsewhere signs in.
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), seconds(2))).toBe('ok');
    expect(await attempt(u.email, TEST_PASSWORD, guesser, minutes(15.1))).toBe('ok');
  });

  it('audits the lock once, with the pair it locked', async () => {
    const u = await makeUser(handle.db, 'operator');
    const ip = freshIp();
    await fail(u.email, ip, T0, 5);
    await fail(u.email, ip, minutes(1), 3);
    const key = `pair:${u.email.toLowerCase()}|${ip}`;
    const locks = await entriesOf('auth.lockout', key);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({
      entity: 'login_throttle',
      userId: u.id,
      ip,
      after: { kind: 'pair', failures: 5, subject: `${u.email.toLowerCase()}|${ip}` },
    });
  });

  it('answers an unknown email exactly as an existing one, locked included', async () => {
    const ghost = 'nobody-here@example.org';
    const u = await makeUser(handle.db, 'operator');
    const ip1 = freshIp();
    const ip2 = freshIp();
    const ghostAnswers = [...(await fail(ghost, ip1, T0, 5)), await attempt(ghost, 'anything at all', ip1, minutes(5))];
    const realAnswers = [...(await fail(u.email, ip2, T0, 5)), await attempt(u.email, TEST_PASSWORD, ip2, minutes(5))];
    expect(ghostAnswers).toEqual(realAnswers);
    expect(realAnswers.at(-1)).toBe('throttled');
  });

  it('starts a new window after 15 minutes without a lock', async () => {
    const u = await makeUser(handle.db, 'committee');
    const ip = freshIp();
    await fail(u.email, ip, T0, 4);
    await fail(u.email, ip, minutes(16), 4);
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(16))).toBe('ok');
  });
});

describe('per address', () => {
  it('refuses every account from an address after 20 failures there, and no other address', async () => {
    const ip = freshIp();
    for (let i = 0; i < THROTTLE.ipLimit; i++) {
      expect(await attempt(`guess-${i}-${ip}@example.org`, 'wrong password!', ip, T0)).toBe('invalid');
    }
    const u = await makeUser(handle.db, 'committee');
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(2))).toBe('throttled');
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(2))).toBe('ok');
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(15.1))).toBe('ok');
    expect(await entriesOf('auth.lockout', `ip:${ip}`)).toHaveLength(1);
  });
});

describe('per account across addresses', () => {
  it('slows the account down after 5 failures, with a delay that doubles up to a minute, and never locks it', async () => {
    const u = await makeUser(handle.db, 'admin');
    expect(await fail(u.email, freshIp(), T0, 1)).toEqual(['invalid']);
    for (let i = 1; i < 5; i++) expect(await attempt(u.email, 'wrong password!', freshIp(), T0)).toBe('invalid');
    // After the 5th failure: 1 s, then 2 s, 4 s … between attempts, refused as "slowed" when sooner.
    let at = T0.getTime();
    for (const delay of [1, 2, 4, 8, 16, 32, 60, 60]) {
      expect(await attempt(u.email, 'wrong password!', freshIp(), new Date(at + delay * 1000 - 100))).toBe('slowed');
      at += delay * 1000;
      expect(await attempt(u.email, 'wrong password!', freshIp(), new Date(at))).toBe('invalid');
    }
    const [row] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `account:${u.email.toLowerCase()}`));
    expect(row?.failures).toBe(13);
    expect(row!.lockedUntil!.getTime() - at).toBe(60_000);
    // A minute after the last failure, the owner at a new address signs in.
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), new Date(at + 60_000))).toBe('ok');
  });

  it('keeps the owner in after 25 failures from 25 different addresses', async () => {
    const u = await makeUser(handle.db, 'admin');
    const home = freshIp();
    expect(await attempt(u.email, TEST_PASSWORD, home, minutes(-60))).toBe('ok');
    const answers: Answer[] = [];
    for (let i = 0; i < 25; i++) answers.push(await attempt(u.email, 'wrong password!', freshIp(), seconds(i)));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('invalid'));
    expect(answers).toContain('slowed');
    // From the address the owner signed in from before: not slowed at all.
    expect(await attempt(u.email, TEST_PASSWORD, home, seconds(25))).toBe('ok');
    // And the slowdown was only ever a delay: no pair or address was locked by the attack.
    expect(await entriesOf('auth.lockout', `account:${u.email.toLowerCase()}`)).toHaveLength(1);
    const listed = (await listThrottledKeys(handle.db, seconds(25))).filter((e) => e.subject.includes(u.email.toLowerCase()));
    expect(listed.filter((e) => e.kind !== 'account' && e.locked)).toEqual([]);
  });

  it('lets the owner in from a new address once the delay (at most a minute) is over, after 25 failures from 25 addresses', async () => {
    const u = await makeUser(handle.db, 'admin');
    // The attacker waits out every delay, so that all 25 failures count.
    let at = T0.getTime();
    for (let i = 0; i < 25; i++) {
      expect(await attempt(u.email, 'wrong password!', freshIp(), new Date(at))).toBe('invalid');
      at += i < 4 ? 0 : Math.min(60, 2 ** (i - 4)) * 1000;
    }
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), new Date(at))).toBe('ok');
    const [row] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.failuresBeforeSignIn).toBe(25);
  });

  it('still slows a guesser at an address the owner never used', async () => {
    const u = await makeUser(handle.db, 'committee');
    for (let i = 0; i < 5; i++) await attempt(u.email, 'wrong password!', freshIp(), T0);
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), seconds(0.5))).toBe('slowed');
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), seconds(1))).toBe('ok');
  });

  it('counts failures that arrive at the same moment, every one of them', async () => {
    const u = await makeUser(handle.db, 'committee');
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt(u.email, 'wrong password!', freshIp(), T0)));
    // On PostgreSQL the attempts really run at once: those that arrive after the 5th failure
    // are slowed. Every attempt that got through to the password check was counted.
    expect(answers.every((a) => a === 'invalid' || a === 'slowed')).toBe(true);
    const counted = answers.filter((a) => a === 'invalid').length;
    expect(counted).toBeGreaterThanOrEqual(THROTTLE.accountFreeFailures);
    const [row] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `account:${u.email.toLowerCase()}`));
    expect(row?.failures).toBe(counted);
    const [user] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(user!.failuresSinceSignIn).toBe(counted);
    // The slowdown began once, however many reached it together.
    expect(await entriesOf('auth.lockout', `account:${u.email.toLowerCase()}`)).toHaveLength(1);
  });
});

describe('release', () => {
  it('lists locked and slowed keys, releases one, and audits the release', async () => {
    const u = await makeUser(handle.db, 'operator');
    const admin = await makeUser(handle.db, 'security');
    const ip = freshIp();
    await fail(u.email, ip, T0, 5);
    const at = minutes(1);
    const listed = await listThrottledKeys(handle.db, at);
    const pairKey = `pair:${u.email.toLowerCase()}|${ip}`;
    expect(listed).toContainEqual(expect.objectContaining({ key: pairKey, kind: 'pair', locked: true, failures: 5, lockedUntil: minutes(15) }));
    expect(listed).toContainEqual(expect.objectContaining({ key: `account:${u.email.toLowerCase()}`, kind: 'account', failures: 5 }));
    expect(await attempt(u.email, TEST_PASSWORD, ip, at)).toBe('throttled');

    const security = { userId: admin.id, role: 'security' as const, ip: '192.0.2.1' };
    await releaseThrottledKey(handle.db, security, pairKey);
    await expect(releaseThrottledKey(handle.db, security, pairKey)).rejects.toMatchObject({ code: 'notFound' });
    expect((await listThrottledKeys(handle.db, at)).map((e) => e.key)).not.toContain(pairKey);
    const [release] = await entriesOf('auth.release', pairKey);
    expect(release).toMatchObject({ userId: admin.id, role: 'security', ip: '192.0.2.1', entity: 'login_throttle', before: { failures: 5 } });
    // Past the account's delay, the pair may sign in again.
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(2))).toBe('ok');
  });
});

describe('sign-in events', () => {
  it('audits a success with user, role and address, and moves the last sign-in and the failures along', async () => {
    const u = await makeUser(handle.db, 'committee');
    const ip = freshIp();
    expect(await attempt(u.email, TEST_PASSWORD, ip, T0)).toBe('ok');
    await fail(u.email, freshIp(), minutes(1), 3);
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(2))).toBe('ok');
    const [row] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ previousSignInAt: T0, lastSignInAt: minutes(2), failuresBeforeSignIn: 3, failuresSinceSignIn: 0 });
    const signIns = await entriesOf('auth.signIn', String(u.id));
    expect(signIns).toHaveLength(2);
    expect(signIns[1]).toMatchObject({ userId: u.id, role: 'committee', ip, entity: 'user', after: { email: u.email } });
  });

  it('audits each failure with its reason class and the email typed, never the password', async () => {
    const u = await makeUser(handle.db, 'operator');
    const inactive = await makeUser(handle.db, 'operator', { active: false });
    const ip = freshIp();
    await attempt(u.email, 'Secret-Guess-1', ip, T0);
    await attempt('Nobody-At-All@example.org', 'Secret-Guess-2', ip, T0);
    await attempt(inactive.email, TEST_PASSWORD, ip, T0);
    const failures = (
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'auth.signInFailed'), eq(auditLog.ip, ip)))
    ).map((e) => ({
      userId: e.userId,
      entityId: e.entityId,
      after: e.after,
    }));
    expect(failures).toEqual([
      { userId: u.id, entityId: String(u.id), after: { email: u.email.toLowerCase(), reason: 'password' } },
      { userId: null, entityId: null, after: { email: 'nobody-at-all@example.org', reason: 'unknown' } },
      { userId: inactive.id, entityId: String(inactive.id), after: { email: inactive.email.toLowerCase(), reason: 'inactive' } },
    ]);
    const all = JSON.stringify(await handle.db.select().from(auditLog).where(like(auditLog.action, 'auth.%')));
    expect(all).not.toContain('Secret-Guess');
    expect(all).not.toContain(TEST_PASSWORD);
  });

  it('audits a throttled attempt as a failure of its own class', async () => {
    const ip = freshIp();
    await fail('locked-out@example.org', ip, T0, 5);
    await attempt('locked-out@example.org', 'x', ip, minutes(1));
    const [last] = (
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'auth.signInFailed'), eq(auditLog.ip, ip)))
    ).slice(-1);
    expect(last?.after).toMatchObject({ email: 'locked-out@example.org', reason: 'throttled', limit: 'pair' });
  });
});
