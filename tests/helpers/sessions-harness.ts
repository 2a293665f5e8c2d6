import type { Role } from '@/lib/roles';
import { afterAll, beforeAll, vi } from 'vitest';
import { and, eq, gt, max } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, securityPolicy, userSessions } from '@/db/schema';
import { authenticateSession, startSession } from '@/db/queries/accounts/sessions';
import { announcePeerHeader } from '@/lib/client-ip';
import { openTestDatabase } from './db';

// As the portal's server does: the socket's address arrives in x-portal-peer.
announcePeerHeader();

/**
 * The session tests share this file (tests/integration/sessions.test.ts, password-policy.test.ts).
 * Importing it first mocks the framework's request-bound pieces and opens a database per test file;
 * `handle` is set before the file's tests run. Server-side sessions: a sign-in opens a session row, every request checks it (ended, idle,
 * past its absolute end), sign-out and password changes end sessions for good; the password
 * policy (complexity, maximum age) and the throttled current-password check. Time is injected.
 */
/** Who the mocked next-auth session says is signed in. */
const signedIn = vi.hoisted(() => ({ userId: null as number | null, sid: '' }));
export const session = signedIn;
export let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next-auth', () => ({ getServerSession: async () => (signedIn.userId ? { user: { id: signedIn.userId, sid: signedIn.sid } } : null) }));
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

export const { authOptions, tokenMaxAge, SESSION_MAX_AGE_SECONDS } = await import('@/lib/server/auth');
export const { authorizeRequest, currentUser, requireUser } = await import('@/lib/server/authz');

export const T0 = new Date('2026-12-01T01:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
export const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: '192.0.2.10' });

export async function row(id: string) {
  const [r] = await handle.db.select().from(userSessions).where(eq(userSessions.id, id));
  return r!;
}
export async function setPolicy(p: Partial<typeof securityPolicy.$inferInsert> | null) {
  await handle.db.delete(securityPolicy).where(eq(securityPolicy.id, 1));
  if (p) await handle.db.insert(securityPolicy).values({ id: 1, ...p });
}
export const open = (userId: number, now = T0) => startSession(handle.db, { userId, ip: '198.51.100.1', userAgent: 'test' }, now);
export const check = (userId: number, sessionId: string, now: Date) => authenticateSession(handle.db, { userId, sessionId }, now);
export async function entriesAfter(id: number, userId: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, id), eq(auditLog.entityId, String(userId))))
    .orderBy(auditLog.id);
}
export async function lastAuditId() {
  const [r] = await handle.db.select({ id: max(auditLog.id) }).from(auditLog);
  return r?.id ?? 0;
}

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});
