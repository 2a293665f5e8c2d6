import type { Role } from '@/lib/roles';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, gt, max } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, loginThrottle, securityPolicy, userSessions, users } from '@/db/schema';
import { changeOwnPassword, resetPassword, setAccountActive } from '@/db/queries/accounts/accounts';
import { PASSWORD_CHECK_LIMIT } from '@/db/queries/accounts/password-check';
import {
  authenticateSession,
  countActiveSessions,
  endAllSessionsOf,
  endOtherOwnSessions,
  endOwnSession,
  listActiveSessions,
  startSession,
} from '@/db/queries/accounts/sessions';
import { getSecurityPolicy } from '@/db/queries/accounts/policy-in-force';
import { announcePeerHeader } from '@/lib/client-ip';
import { openTestDatabase } from '../helpers/db';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';

// As the portal's server does: the socket's address arrives in x-portal-peer.
announcePeerHeader();

/**
 * Server-side sessions: a sign-in opens a session row, every request checks it (ended, idle,
 * past its absolute end), sign-out and password changes end sessions for good; the password
 * policy (complexity, maximum age) and the throttled current-password check. Time is injected.
 */
const session = vi.hoisted(() => ({ userId: null as number | null, sid: '' }));
let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId, sid: session.sid } } : null) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      'x-portal-peer': '203.0.113.50',
      'x-forwarded-for': '6.6.6.6',
      'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Version/17.5 Safari/605.1.15',
    }),
}));

const { authOptions, tokenMaxAge, SESSION_MAX_AGE_SECONDS } = await import('@/lib/server/auth');
const { authorizeRequest, currentUser, requireUser } = await import('@/lib/server/authz');

const T0 = new Date('2026-12-01T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: '192.0.2.10' });

async function row(id: string) {
  const [r] = await handle.db.select().from(userSessions).where(eq(userSessions.id, id));
  return r!;
}
async function setPolicy(p: Partial<typeof securityPolicy.$inferInsert> | null) {
  await handle.db.delete(securityPolicy).where(eq(securityPolicy.id, 1));
  if (p) await handle.db.insert(securityPolicy).values({ id: 1, ...p });
}
const open = (userId: number, now = T0) => startSession(handle.db, { userId, ip: '198.51.100.1', userAgent: 'test' }, now);
const check = (userId: number, sessionId: string, now: Date) => authenticateSession(handle.db, { userId, sessionId }, now);
async function entriesAfter(id: number, userId: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, id), eq(auditLog.entityId, String(userId))))
    .orderBy(auditLog.id);
}
async function lastAuditId() {
  const [r] = await handle.db.select({ id: max(auditLog.id) }).from(auditLog);
  return r?.id ?? 0;
}

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe('a sign-in opens a session', () => {
  it('the token carries a fresh 256-bit id; the row records the address, the browser and the absolute end', async () => {
    const u = await makeUser(handle.db, 'operator');
    const jwt = authOptions.callbacks!.jwt!;
    const token = (await jwt({ token: {}, user: { id: String(u.id), role: 'operator' } as never, account: null, trigger: 'signIn' } as never)) as Record<
      string,
      unknown
    >;
    const sid = token.sid as string;
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const r = await row(sid);
    expect(r).toMatchObject({ userId: u.id, ip: '203.0.113.50', endedAt: null });
    expect(r.userAgent).toContain('Safari');
    expect(r.expiresAt.getTime() - r.startedAt.getTime()).toBe(8 * 3_600_000);
    expect(token.sessionEnd).toBe(Math.floor(r.expiresAt.getTime() / 1000));
    // A second sign-in is a second session.
    const again = (await jwt({ token: {}, user: { id: String(u.id), role: 'operator' } as never, account: null } as never)) as Record<string, unknown>;
    expect(again.sid).not.toBe(sid);
    // A refresh of the token (no user) opens nothing and keeps the same session.
    const refreshed = (await jwt({ token: { ...token } } as never)) as Record<string, unknown>;
    expect(refreshed.sid).toBe(sid);
    expect(await handle.db.select().from(userSessions).where(eq(userSessions.userId, u.id))).toHaveLength(2);
  });

  it('a re-issued token never outlives its session, however often it is refreshed', () => {
    const now = 1_800_000_000;
    expect(tokenMaxAge({ sessionEnd: now + 3600 }, SESSION_MAX_AGE_SECONDS, now)).toBe(3600);
    expect(tokenMaxAge({ sessionEnd: now + 3600 }, SESSION_MAX_AGE_SECONDS, now + 3000)).toBe(600);
    expect(tokenMaxAge({ sessionEnd: now - 5 }, SESSION_MAX_AGE_SECONDS, now)).toBeLessThanOrEqual(0);
    expect(tokenMaxAge({ sessionEnd: now + 10 * 86_400 }, SESSION_MAX_AGE_SECONDS, now)).toBe(SESSION_MAX_AGE_SECONDS);
  });
});

describe('every request checks the session', () => {
  it('through currentUser, route handlers and pages alike: an ended or unknown session has no user', async () => {
    const u = await makeUser(handle.db, 'operator');
    const s = await open(u.id, new Date());
    session.userId = u.id;
    session.sid = s.id;
    expect((await currentUser())?.sessionId).toBe(s.id);
    expect('user' in (await authorizeRequest('operator'))).toBe(true);

    await endOwnSession(handle.db, actorOf(u), s.id);
    expect(await currentUser()).toBeNull();
    await expect(requireUser()).rejects.toThrow('redirect:/login');
    const refused = await authorizeRequest('operator');
    expect('response' in refused && refused.response.status).toBe(401);

    // A token without a session id (as issued before sessions were kept), or another user's session.
    session.sid = '';
    expect(await currentUser()).toBeNull();
    const other = await makeUser(handle.db, 'operator');
    const theirs = await open(other.id, new Date());
    session.sid = theirs.id;
    expect(await currentUser()).toBeNull();
    session.userId = null;
  });

  it('sign-out ends the session for good and is audited', async () => {
    const u = await makeUser(handle.db, 'committee');
    const s = await open(u.id, new Date());
    const before = await lastAuditId();
    await authOptions.events!.signOut!({ token: { uid: u.id, role: 'committee', sid: s.id }, session: null as never });
    expect(await row(s.id)).toMatchObject({ endReason: 'signOut', endedBy: u.id });
    expect(await check(u.id, s.id, new Date())).toBeNull();
    const entries = await entriesAfter(before, u.id);
    expect(entries.map((e) => [e.action, e.userId, e.ip, e.after])).toEqual([['auth.signOut', u.id, '203.0.113.50', { sessionId: s.id }]]);
    // Signing out twice (a replayed sign-out) writes nothing more.
    await authOptions.events!.signOut!({ token: { uid: u.id, role: 'committee', sid: s.id }, session: null as never });
    expect(await entriesAfter(before, u.id)).toHaveLength(1);
  });

  it('an idle session ends after 30 minutes without a request (the default)', async () => {
    await setPolicy(null);
    const u = await makeUser(handle.db, 'operator');
    const s = await open(u.id);
    expect(await check(u.id, s.id, at(29))).not.toBeNull();
    // Used at 29 minutes: the idle clock starts again from there.
    expect(await check(u.id, s.id, at(58))).not.toBeNull();
    expect(await check(u.id, s.id, at(88))).toBeNull();
    expect(await row(s.id)).toMatchObject({ endReason: 'idle' });
    // Ended for good: coming back sooner does not bring it back.
    expect(await check(u.id, s.id, at(60))).toBeNull();
  });

  it('last use is written at most once a minute', async () => {
    const u = await makeUser(handle.db, 'operator');
    const s = await open(u.id);
    await check(u.id, s.id, at(0.5));
    expect((await row(s.id)).lastSeenAt).toEqual(T0);
    await check(u.id, s.id, at(1));
    expect((await row(s.id)).lastSeenAt).toEqual(at(1));
    await check(u.id, s.id, at(1.9));
    expect((await row(s.id)).lastSeenAt).toEqual(at(1));
  });

  it('a session used without pause still ends 8 hours after sign-in', async () => {
    await setPolicy(null);
    const u = await makeUser(handle.db, 'operator');
    const s = await open(u.id);
    for (let m = 10; m < 480; m += 10) expect(await check(u.id, s.id, at(m)), `minute ${m}`).not.toBeNull();
    expect(await check(u.id, s.id, at(480))).toBeNull();
    expect(await row(s.id)).toMatchObject({ endReason: 'expired', expiresAt: at(480) });
  });

  it('the security policy overrides both limits, also for sessions already open', async () => {
    expect(await getSecurityPolicy(handle.db)).toEqual({ passwordComplexity: true, passwordMaxAgeDays: null, sessionIdleMinutes: 30, sessionMaxHours: 8 });
    const u = await makeUser(handle.db, 'operator');
    const before = await open(u.id);
    await setPolicy({ sessionIdleMinutes: 5, sessionMaxHours: 2 });
    try {
      expect(await getSecurityPolicy(handle.db)).toMatchObject({ sessionIdleMinutes: 5, sessionMaxHours: 2 });
      const s = await open(u.id);
      expect((await row(s.id)).expiresAt).toEqual(at(120));
      expect(await check(u.id, s.id, at(4))).not.toBeNull();
      expect(await check(u.id, s.id, at(10))).toBeNull();
      expect(await row(s.id)).toMatchObject({ endReason: 'idle' });
      // Opened under 8 hours, it now ends 2 hours after its start.
      for (let m = 4; m < 120; m += 4) expect(await check(u.id, before.id, at(m)), `minute ${m}`).not.toBeNull();
      expect(await check(u.id, before.id, at(120))).toBeNull();
      // Null columns fall back to the defaults.
      await setPolicy({ sessionIdleMinutes: null, sessionMaxHours: 3 });
      expect(await getSecurityPolicy(handle.db)).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 3 });
    } finally {
      await setPolicy(null);
    }
  });

  it('a deactivated account has no session, whatever its rows say', async () => {
    const u = await makeUser(handle.db, 'operator');
    const s = await open(u.id);
    await handle.db.update(users).set({ active: false }).where(eq(users.id, u.id));
    expect(await check(u.id, s.id, at(1))).toBeNull();
  });
});

describe('ending sessions', () => {
  it('a password change ends the other sessions, not the one in use', async () => {
    const u = await makeUser(handle.db, 'committee');
    const mine = await open(u.id, new Date());
    const laptop = await open(u.id, new Date());
    const phone = await open(u.id, new Date());
    const before = await lastAuditId();
    const r = await changeOwnPassword(
      handle.db,
      actorOf(u),
      { currentPassword: TEST_PASSWORD, newPassword: 'Changed passphrase 1', repeatPassword: 'Changed passphrase 1' },
      mine.id,
    );
    expect(r).toEqual({ endedSessions: 2 });
    expect(await check(u.id, mine.id, new Date())).not.toBeNull();
    expect(await check(u.id, laptop.id, new Date())).toBeNull();
    expect(await check(u.id, phone.id, new Date())).toBeNull();
    expect((await row(laptop.id)).endReason).toBe('passwordChanged');
    const entries = await entriesAfter(before, u.id);
    expect(entries.map((e) => e.action)).toEqual(['user.passwordChanged', 'session.end', 'session.end']);
    expect(
      entries
        .slice(1)
        .map((e) => (e.after as { sessionId: string }).sessionId)
        .sort(),
    ).toEqual([laptop.id, phone.id].sort());
    expect(entries[1]!.after).toMatchObject({ reason: 'passwordChanged' });
    const [stored] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(Date.now() - stored!.passwordChangedAt.getTime()).toBeLessThan(60_000);
  });

  it('a reset and a deactivation by an administrator end every session', async () => {
    const admin = await makeUser(handle.db, 'admin');
    const u = await makeUser(handle.db, 'operator');
    const a = await open(u.id, new Date());
    const b = await open(u.id, new Date());
    await resetPassword(handle.db, actorOf(admin), { userId: u.id });
    expect(await check(u.id, a.id, new Date())).toBeNull();
    expect(await check(u.id, b.id, new Date())).toBeNull();
    expect(await row(a.id)).toMatchObject({ endReason: 'passwordReset', endedBy: admin.id });

    const c = await open(u.id, new Date());
    await setAccountActive(handle.db, actorOf(admin), { userId: u.id, active: false });
    expect(await row(c.id)).toMatchObject({ endReason: 'deactivated', endedBy: admin.id });
    await setAccountActive(handle.db, actorOf(admin), { userId: u.id, active: true });
    expect(await check(u.id, c.id, new Date())).toBeNull();
  });

  it('a user lists and ends their own sessions only; an administrator ends all of an account', async () => {
    const u = await makeUser(handle.db, 'operator');
    const other = await makeUser(handle.db, 'operator');
    const now = new Date();
    const mine = await open(u.id, now);
    const second = await open(u.id, now);
    const theirs = await open(other.id, now);
    expect((await listActiveSessions(handle.db, u.id)).map((s) => s.id).sort()).toEqual([mine.id, second.id].sort());
    // Someone else's session id does nothing.
    expect(await endOwnSession(handle.db, actorOf(u), theirs.id)).toEqual({ ended: 0 });
    expect(await check(other.id, theirs.id, new Date())).not.toBeNull();
    expect(await endOtherOwnSessions(handle.db, actorOf(u), mine.id)).toEqual({ ended: 1 });
    expect((await listActiveSessions(handle.db, u.id)).map((s) => s.id)).toEqual([mine.id]);
    expect(await countActiveSessions(handle.db, other.id)).toBe(1);

    const admin = await makeUser(handle.db, 'admin');
    const before = await lastAuditId();
    expect(await endAllSessionsOf(handle.db, actorOf(admin), u.id)).toEqual({ ended: 1 });
    expect(await countActiveSessions(handle.db, u.id)).toBe(0);
    const entries = await entriesAfter(before, u.id);
    expect(entries.map((e) => [e.action, e.userId, e.after])).toEqual([['session.end', admin.id, { reason: 'admin', sessionId: mine.id }]]);
  });

  it('idle and expired sessions are not listed', async () => {
    const u = await makeUser(handle.db, 'operator');
    await open(u.id, at(0));
    expect(await countActiveSessions(handle.db, u.id, at(29))).toBe(1);
    expect(await countActiveSessions(handle.db, u.id, at(31))).toBe(0);
  });
});

describe('the password policy', () => {
  const change = (u: { id: number; role: Role }, currentPassword: string, newPassword: string, now?: Date, sid: string | null = null) =>
    changeOwnPassword(handle.db, actorOf(u), { currentPassword, newPassword, repeatPassword: newPassword }, sid, now);

  it('asks for three character classes unless the policy turns complexity off', async () => {
    const u = await makeUser(handle.db, 'operator');
    await expect(change(u, TEST_PASSWORD, 'only lower case words')).rejects.toMatchObject({
      fieldErrors: { newPassword: [{ key: 'passwordPolicy.tooSimple' }] },
    });
    await setPolicy({ passwordComplexity: false });
    try {
      await expect(change(u, TEST_PASSWORD, 'only lower case words')).resolves.toEqual({ endedSessions: 0 });
    } finally {
      await setPolicy(null);
    }
  });

  it('a password past the maximum age holds the user at the password page until changed', async () => {
    const u = await makeUser(handle.db, 'operator', { passwordChangedAt: new Date(T0.getTime() - 91 * 86_400_000) });
    const s = await open(u.id);
    expect(await check(u.id, s.id, at(1))).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    await setPolicy({ passwordMaxAgeDays: 90 });
    try {
      expect(await check(u.id, s.id, at(2))).toMatchObject({ mustChangePassword: true, passwordExpired: true });
      await change(u, TEST_PASSWORD, 'A fresh passphrase', at(3), s.id);
      expect(await check(u.id, s.id, at(4))).toMatchObject({ mustChangePassword: false, passwordExpired: false });
      // 90 days later it is due again.
      const later = new Date(at(3).getTime() + 90 * 86_400_000);
      const s2 = await open(u.id, later);
      expect(await check(u.id, s2.id, later)).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    } finally {
      await setPolicy(null);
    }
  });

  it('the current-password check locks after 5 wrong guesses, refuses even the right one while locked, and audits each', async () => {
    const u = await makeUser(handle.db, 'committee');
    const before = await lastAuditId();
    for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) {
      await expect(change(u, `wrong guess ${i}`, 'A new passphrase 9', at(i))).rejects.toMatchObject({ code: 'invalid' });
    }
    const [lock] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `password:${u.id}`));
    expect(lock!.lockedUntil).toEqual(at(PASSWORD_CHECK_LIMIT - 1 + 15));
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(10))).rejects.toMatchObject({
      fieldErrors: { currentPassword: [{ key: 'passwordPolicy.checkLocked' }] },
    });
    const entries = await entriesAfter(before, u.id);
    expect(entries.map((e) => [e.action, e.after])).toEqual([
      ...Array.from({ length: PASSWORD_CHECK_LIMIT - 1 }, () => ['user.passwordCheckFailed', { reason: 'password', locked: false }]),
      ['user.passwordCheckFailed', { reason: 'password', locked: true }],
      ['user.passwordCheckFailed', { reason: 'throttled', locked: true }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('wrong guess');
    // After the lock the right password works, and clears the count.
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(20))).resolves.toEqual({ endedSessions: 0 });
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `password:${u.id}`)),
    ).toEqual([]);
  });

  it('four wrong guesses and a fifth after the window do not lock', async () => {
    const u = await makeUser(handle.db, 'committee');
    for (let i = 0; i < 4; i++) await expect(change(u, 'wrong', 'A new passphrase 9', at(i))).rejects.toMatchObject({ code: 'invalid' });
    await expect(change(u, 'wrong', 'A new passphrase 9', at(16))).rejects.toMatchObject({
      fieldErrors: { currentPassword: [{ key: 'accounts.errors.wrongCurrent' }] },
    });
    await expect(change(u, TEST_PASSWORD, 'A new passphrase 9', at(17))).resolves.toEqual({ endedSessions: 0 });
  });
});
