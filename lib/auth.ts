import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { clearAccountFailures, isThrottled, recordFailure, throttleKeys } from '@/db/queries/login-throttle';
import { signOutSession, startSession } from '@/db/queries/sessions';
import { findUserForSignIn, recordSignIn } from '@/db/queries/users';
import { authSecret, env } from './env';
import type { Role } from './roles';
import { currentSessionClient, sessionClientOf, type SessionClient } from './session-client';

/**
 * The longest any session may last (the policy allows up to 24 hours). Each token is issued to
 * expire at its own session's absolute end, never later (see `tokenMaxAge`).
 */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * The lifetime to give a token re-issued now: next-auth re-issues it with a full lifetime on
 * every read of the session; capped at the server-side session's end, refreshing never
 * extends it.
 */
export function tokenMaxAge(token: Record<string, unknown> | undefined, maxAge: number, nowSeconds = Math.floor(Date.now() / 1000)): number {
  const end = Number(token?.sessionEnd);
  if (!Number.isFinite(end)) return maxAge;
  return Math.min(maxAge, end - nowSeconds);
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Compared against when the email is unknown, so that a sign-in takes the same time
 * whether or not the account exists.
 */
const DUMMY_HASH = '$2b$10$BaqvvZfq5vkUZQU3nXLUUOzg2Xs8EiJ1sJiO2WSfo.LtNjEMTP73q';

/** Thrown from `authorize`: next-auth hands its message to the sign-in form as the error code. */
export class SignInThrottled extends Error {
  constructor() {
    super('throttled');
  }
}

/**
 * Checks an email and password. Refuses (SignInThrottled) while the account's or the address's
 * failures are over the limit, before looking the account up, so that the refusal is the same
 * whether or not the account exists. A failure is counted against both; a success clears the
 * account's counter.
 */
export async function verifyCredentials(db: DbOrTx, raw: unknown, ip: string | null = null, now: Date = new Date()) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    await bcrypt.compare('x', DUMMY_HASH);
    return null;
  }
  const keys = throttleKeys(parsed.data.email, ip);
  if (await isThrottled(db, keys.map((k) => k.key), now)) throw new SignInThrottled();
  const user = await findUserForSignIn(db, parsed.data.email);
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await recordFailure(db, keys, now);
    return null;
  }
  await clearAccountFailures(db, parsed.data.email);
  await recordSignIn(db, user.id);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}

/** The client's address as the reverse proxy reports it (the first X-Forwarded-For hop). */
export function requestIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = first(headers?.['x-forwarded-for'])?.split(',')[0]?.trim();
  return forwarded || first(headers?.['x-real-ip'])?.trim() || null;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // Session cookies are httpOnly and SameSite=Lax (next-auth's defaults) and Secure over HTTPS.
  useSecureCookies: env.secureCookies,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: {
    maxAge: SESSION_MAX_AGE_SECONDS,
    encode: (params) => encode({ ...params, maxAge: tokenMaxAge(params.token, params.maxAge ?? SESSION_MAX_AGE_SECONDS) }),
  },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: async (credentials, req) => {
        const user = await verifyCredentials(getDb(), credentials, requestIp(req?.headers as Record<string, string> | undefined));
        // Where the sign-in came from, for its session record when the request's headers are out of reach.
        return user && { ...user, client: sessionClientOf(req?.headers as Record<string, string> | undefined) };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A successful sign-in opens a server-side session; the token carries only its id.
        const uid = Number(user.id);
        const client = (await currentSessionClient()) ?? (user as { client?: SessionClient }).client ?? { ip: null, userAgent: null };
        const session = await startSession(getDb(), { userId: uid, ...client });
        token.uid = uid;
        token.role = (user as { role?: string }).role;
        token.sid = session.id;
        token.sessionEnd = Math.floor(session.expiresAt.getTime() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: number }).id = token.uid as number;
        (session.user as { role?: string }).role = token.role as string;
        (session.user as { sid?: string }).sid = token.sid as string;
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const uid = Number(token?.uid);
      const sid = typeof token?.sid === 'string' ? token.sid : null;
      if (!Number.isInteger(uid) || !sid) return;
      const client = await currentSessionClient();
      await signOutSession(getDb(), { userId: uid, role: token.role as Role, ip: client?.ip ?? null }, sid);
    },
  },
};
