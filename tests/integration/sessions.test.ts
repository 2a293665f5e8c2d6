import {
  session,
  handle,
  authOptions,
  tokenMaxAge,
  SESSION_MAX_AGE_SECONDS,
  authorizeRequest,
  currentUser,
  requireUser,
  T0,
  at,
  actorOf,
  row,
  setPolicy,
  open,
  check,
  entriesAfter,
  lastAuditId,
} from '../helpers/sessions-harness';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { userSessions, users } from '@/db/schema';
import { changeOwnPassword, resetPassword, setAccountActive } from '@/db/queries/accounts/accounts';
import { countActiveSessions, endAllSessionsOf, endOtherOwnSessions, endOwnSession, listActiveSessions } from '@/db/queries/accounts/sessions';
import { getSecurityPolicy } from '@/db/queries/accounts/policy-in-force';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';

/** Server-side sessions: opened at sign-in, checked on every request, ended for good (time is injected). */

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
