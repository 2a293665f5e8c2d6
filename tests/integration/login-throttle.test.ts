import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { THROTTLE_LIMITS } from '@/db/queries/login-throttle';
import { loginThrottle } from '@/db/schema';
import { SignInThrottled, verifyCredentials } from '@/lib/auth';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

/**
 * Sign-in throttling kept in the database: 5 failures for an account or 20 from one address
 * within 15 minutes refuse sign-in for 15 minutes, with the same refusal whether or not the
 * account exists.
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
let n = 0;
/** A fresh address per test, so that tests do not add up on one address's counter. */
const freshIp = () => `198.51.100.${++n}`;

async function attempt(email: string, password: string, ip: string | null, at: Date) {
  try {
    return (await verifyCredentials(handle.db, { email, password }, ip, at)) ? 'ok' : 'invalid';
  } catch (e) {
    if (e instanceof SignInThrottled) return 'throttled';
    throw e;
  }
}

async function fail(email: string, ip: string | null, at: Date, times: number) {
  const out: string[] = [];
  for (let i = 0; i < times; i++) out.push(await attempt(email, 'wrong password!', ip, at));
  return out;
}

describe('per account', () => {
  it('allows the right password after 4 failures, and a success clears the count', async () => {
    const u = await makeUser(handle.db, 'committee');
    const ip = freshIp();
    expect(await fail(u.email, ip, T0, 4)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(await attempt(u.email, TEST_PASSWORD, ip, T0)).toBe('ok');
    // The count started afresh: four more failures still do not lock.
    expect(await fail(u.email, ip, T0, 4)).toEqual(Array(4).fill('invalid'));
    expect(await attempt(u.email, TEST_PASSWORD, ip, T0)).toBe('ok');
  });

  it('refuses even the right password for 15 minutes after the 5th failure, then allows it', async () => {
    const u = await makeUser(handle.db, 'operator');
    expect(await fail(u.email, freshIp(), T0, THROTTLE_LIMITS.account)).toEqual(Array(5).fill('invalid'));
    // From another address too: the lock is on the account.
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(1))).toBe('throttled');
    expect(await attempt(u.email.toUpperCase(), TEST_PASSWORD, freshIp(), minutes(14))).toBe('throttled');
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(15.1))).toBe('ok');
  });

  it('answers an unknown email exactly as an existing one, locked included', async () => {
    const ghost = 'nobody-here@example.org';
    const u = await makeUser(handle.db, 'operator');
    const ghostAnswers = [...(await fail(ghost, freshIp(), T0, 5)), await attempt(ghost, 'anything at all', freshIp(), T0)];
    const realAnswers = [...(await fail(u.email, freshIp(), T0, 5)), await attempt(u.email, TEST_PASSWORD, freshIp(), T0)];
    expect(ghostAnswers).toEqual(realAnswers);
    expect(realAnswers.at(-1)).toBe('throttled');
  });

  it('starts a new window after 15 minutes without a lock', async () => {
    const u = await makeUser(handle.db, 'committee');
    await fail(u.email, freshIp(), T0, 4);
    await fail(u.email, freshIp(), minutes(16), 4);
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(16))).toBe('ok');
  });

  it('counts failures that arrive at the same moment, every one of them', async () => {
    const u = await makeUser(handle.db, 'committee');
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt(u.email, 'wrong password!', freshIp(), T0)));
    // On PostgreSQL the attempts really run at once: those that arrive after the 5th failure
    // are already refused. Every attempt that got through to the password check was counted.
    expect(answers.every((a) => a === 'invalid' || a === 'throttled')).toBe(true);
    const counted = answers.filter((a) => a === 'invalid').length;
    expect(counted).toBeGreaterThanOrEqual(THROTTLE_LIMITS.account);
    const [row] = await handle.db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${u.email.toLowerCase()}`));
    expect(row?.failures).toBe(counted);
    expect(row?.lockedUntil?.getTime()).toBe(minutes(15).getTime());
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(1))).toBe('throttled');
  });
});

describe('per address', () => {
  it('refuses every account from an address after 20 failures there, and no other address', async () => {
    const ip = freshIp();
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++) {
      // Different accounts, each under its own limit.
      expect(await attempt(`guess-${i}@example.org`, 'wrong password!', ip, T0)).toBe('invalid');
    }
    const u = await makeUser(handle.db, 'committee');
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(2))).toBe('throttled');
    expect(await attempt(u.email, TEST_PASSWORD, freshIp(), minutes(2))).toBe('ok');
    expect(await attempt(u.email, TEST_PASSWORD, ip, minutes(15.1))).toBe('ok');
  });
});
