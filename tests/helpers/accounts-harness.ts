import { afterAll, beforeAll, expect, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, users } from '@/db/schema';
import { startSession } from '@/db/queries/accounts/sessions';
import type { ActionResult } from '@/lib/server/action';
import type { Role } from '@/lib/roles';
import { openTestDatabase } from './db';
import { enrolledSecondFactor, makeCarrier, makeUser } from './fixtures';

/**
 * The account administration's tests share this file: a fresh database per test file with an
 * administrator, a security administrator and two carriers, and the signed-in user chosen with
 * `as(userId)`. Importing it (before the code under test) mocks the framework's request-bound
 * pieces; the real lib/server/authz reads the users table. The exported `let`s are set before the
 * file's tests run: read them inside tests and hooks.
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
vi.mock('next/headers', () => ({ headers: async () => new Headers({ origin: 'http://portal.test', host: 'portal.test' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
  getLocale: async () => 'zh-CN',
}));

export const actorOf = (u: { id: number; role: Role }) => ({ userId: u.id, role: u.role, ip: null });
/** A fresh sign-in of the user (a new server-side session); returns the session's id. */
export const as = async (userId: number) => {
  const { id } = await startSession(handle.db, { userId, ip: null, userAgent: null });
  resume(userId, id);
  return id;
};
/** Requests with a session begun earlier. */
export const resume = (userId: number, sid: string) => {
  signedIn.userId = userId;
  signedIn.sid = sid;
};
export function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}
export function expectRefused<T>(r: ActionResult<T>, code: string, field?: string, key?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  if (field) expect((r.fieldErrors[field] ?? []).join(' ')).toContain(key ?? '');
}
export async function auditOf(userId: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(userId))))
    .orderBy(auditLog.id);
}
export async function storedUser(id: number) {
  const [u] = await handle.db.select().from(users).where(eq(users.id, id));
  return u!;
}
/** No password in clear and no bcrypt hash anywhere in the account's audit entries. */
export async function expectNoSecrets(userId: number, passwords: string[]) {
  const text = JSON.stringify(await auditOf(userId));
  expect(text).not.toMatch(/\$2[aby]\$/);
  for (const p of passwords) expect(text).not.toContain(p);
  expect(text).not.toMatch(/password"?\s*:\s*"/i);
}

export let adminUser: Awaited<ReturnType<typeof makeUser>>;
export let securityUser: Awaited<ReturnType<typeof makeUser>>;
export let carrierA: number;
export let carrierB: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  adminUser = await makeUser(handle.db, 'admin', enrolledSecondFactor());
  securityUser = await makeUser(handle.db, 'security', enrolledSecondFactor());
  carrierA = (await makeCarrier(handle.db, 'incubator')).id;
  carrierB = (await makeCarrier(handle.db, 'nursery')).id;
});
afterAll(async () => {
  await handle.close();
});
