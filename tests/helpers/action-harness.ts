import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { DatabaseHandle } from '@/db/connect';
import { users } from '@/db/schema';
import { MESSAGE_FILES } from '@/lib/i18n/files';
import { announcePeerHeader } from '@/lib/client-ip';
import type { Role } from '@/lib/roles';

/**
 * Calls the real server actions and route handlers from vitest, with the real lib/server/action.ts and
 * lib/server/authz.ts: only the framework's request-bound pieces are replaced. A test file wires them
 * with one line each, e.g.
 *   vi.mock('next-auth', async () => (await import('../helpers/action-harness')).nextAuthMock);
 * and chooses the caller with `signInAs(email)` / `signOut()`.
 */
export const CLIENT_IP = '203.0.113.7';
// The requests below carry the peer header, as behind the portal's production server.
announcePeerHeader();

type State = { handle: DatabaseHandle | null; userId: number | null; sessionId: string | null; cookies: Map<string, string> };
const state: State = { handle: null, userId: null, sessionId: null, cookies: new Map() };

// forbidden() is an experimental interrupt that Next enables through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

export function useDatabase(handle: DatabaseHandle) {
  state.handle = handle;
}

export function database() {
  if (!state.handle) throw new Error('No test database: call useDatabase(handle) first');
  return state.handle.db;
}

export async function userByEmail(email: string): Promise<{ id: number; role: Role }> {
  const [u] = await database().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`No user ${email}`);
  return u;
}

/** Signs in as the user: a fresh server-side session, as a real sign-in opens. */
export async function signInAs(email: string): Promise<{ id: number; role: Role; sessionId: string }> {
  const u = await userByEmail(email);
  const { startSession } = await import('@/db/queries/accounts/sessions');
  const session = await startSession(database(), { userId: u.id, ip: CLIENT_IP, userAgent: 'vitest' });
  state.userId = u.id;
  state.sessionId = session.id;
  return { ...u, sessionId: session.id };
}

export function signOut() {
  state.userId = null;
  state.sessionId = null;
}

export const cookieJar = () => state.cookies;

export const nextAuthMock = {
  getServerSession: async () => (state.userId === null ? null : { user: { id: state.userId, sid: state.sessionId } }),
  default: () => undefined,
};

export const dbClientMock = { getDb: () => database() };

export const nextHeadersMock = {
  // A request from a page of this site, from CLIENT_IP (the socket's address as the portal's
  // server passes it on); the forged X-Forwarded-For must be ignored (no trusted proxies).
  headers: async () =>
    new Headers({
      'x-portal-peer': CLIENT_IP,
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-host': 'evil.example',
      origin: 'https://portal.test',
      host: 'portal.test',
    }),
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void state.cookies.set(name, value),
    delete: (name: string) => void state.cookies.delete(name),
  }),
};

export const nextCacheMock = { revalidatePath: () => undefined, revalidateTag: () => undefined };

let messages: Record<string, unknown> | null = null;
async function zhMessages() {
  messages ??= Object.assign({}, ...(await Promise.all(MESSAGE_FILES.map((f) => import(`@/messages/zh-CN/${f}.json`)))).map((m) => m.default));
  return messages!;
}

export const nextIntlServerMock = {
  getTranslations: async (arg?: string | { namespace?: string }) => {
    const namespace = typeof arg === 'string' ? arg : arg?.namespace;
    return createTranslator({ locale: 'zh-CN', messages: await zhMessages(), namespace: namespace as never });
  },
  getLocale: async () => 'zh-CN',
};

/** What a Next interrupt thrown by a call was: a redirect (with its target), a 403, or nothing. */
export async function interruptOf(
  call: () => Promise<unknown>,
): Promise<{ kind: 'none'; value: unknown } | { kind: 'redirect' | 'forbidden' | 'other'; digest: string }> {
  try {
    return { kind: 'none', value: await call() };
  } catch (e) {
    const digest = String((e as { digest?: unknown })?.digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', digest };
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return { kind: 'forbidden', digest };
    throw e;
  }
}
