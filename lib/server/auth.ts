import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import {
  clearSignInFailures,
  isKnownAddress,
  recordFailure,
  throttleKeys,
  throttleVerdict,
  checkSecondFactor,
  signOutSession,
  startSession,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  findUserForSignIn,
} from '@/db/queries/accounts';
import { clientIpFrom } from '../client-ip';
import { authSecret, env } from '../env';
import { countSignInFailure } from '../metrics';
import { requestIdFrom } from '../request-id';
import { safeReturnPath } from '../return-path';
import type { Role } from '../roles';
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
  /** The second factor: a one-time code or a recovery code (db/queries/accounts/second-factor.ts). */
  code: z.string().max(40).optional(),
});

/**
 * Compared against when the email is unknown, so that a sign-in takes the same time
 * whether or not the account exists.
 */
const DUMMY_HASH = '$2b$10$BaqvvZfq5vkUZQU3nXLUUOzg2Xs8EiJ1sJiO2WSfo.LtNjEMTP73q';

/**
 * Thrown from `authorize`: next-auth hands its message to the sign-in form as the error code,
 * `throttled` (a locked pair or address) or `slowed` (the account's growing delay).
 */
export class SignInThrottled extends Error {
  constructor(readonly kind: 'throttled' | 'slowed' = 'throttled') {
    super(kind);
  }
}

/**
 * Checks an email and password (db/queries/accounts/login-throttle.ts has the limits). A locked pair or
 * address is refused before the account is looked up, so that the refusal is the same whether
 * or not it exists; a slowed account is refused too, except from an address it signed in from
 * before. Every outcome is audited (`auth.signIn`, `auth.signInFailed` with the reason class);
 * a failure is counted against the pair, the address and the account, and a success clears
 * the pair's and the account's counters. Each refusal is counted in the metrics by its reason
 * (`signin_failures_total`, lib/metrics.ts); `requestId` goes into the audit entries.
 */
export async function verifyCredentials(db: Db, raw: unknown, ip: string | null = null, now: Date = new Date(), requestId: string | null = null) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    await bcrypt.compare('x', DUMMY_HASH);
    countSignInFailure('invalid');
    return null;
  }
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  const anonymous = { userId: null, role: null, ip, requestId } as const;
  const verdict = await throttleVerdict(db, keys, now);
  let user: Awaited<ReturnType<typeof findUserForSignIn>> | undefined;
  if (verdict) {
    user = verdict.kind === 'account' ? await findUserForSignIn(db, email) : undefined;
    const knownAddress = user ? await isKnownAddress(db, user.id, ip, now) : false;
    if (!knownAddress) {
      await db.transaction((tx) => recordFailedSignIn(tx, anonymous, email, 'throttled', { limit: verdict.kind, until: verdict.until.toISOString() }));
      countSignInFailure(verdict.kind === 'account' ? 'slowed' : 'throttled');
      throw new SignInThrottled(verdict.kind === 'account' ? 'slowed' : 'throttled');
    }
  }
  if (user === undefined) user = await findUserForSignIn(db, email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    const actor = user ? { userId: user.id, role: user.role, ip, requestId } : anonymous;
    const reason = !user ? 'unknown' : !ok ? 'password' : 'inactive';
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys, now, actor);
      await recordFailedSignIn(tx, actor, email, reason);
    });
    countSignInFailure(reason);
    return null;
  }
  // The second factor, once the password is right (throws SecondFactorRefused with next-auth's error code).
  try {
    await checkSecondFactor(db, user, parsed.data.code, ip, now, requestId);
  } catch (e) {
    countSignInFailure('second_factor');
    throw e;
  }
  const signedIn = user;
  await db.transaction(async (tx) => {
    await clearSignInFailures(tx, keys);
    await recordSuccessfulSignIn(tx, { userId: signedIn.id, role: signedIn.role, ip, requestId }, email, now);
  });
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
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
        code: { label: 'Code', type: 'text' },
      },
      authorize: async (credentials, req) => {
        const headers = req?.headers as Record<string, string> | undefined;
        const user = await verifyCredentials(getDb(), credentials, clientIpFrom(headers), new Date(), requestIdFrom(headers));
        // Where the sign-in came from, for its session record when the request's headers are out of reach.
        return user && { ...user, client: sessionClientOf(headers) };
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (after sign-in or sign-out) stays on this site.
    redirect({ url, baseUrl }) {
      const path = safeReturnPath(url, baseUrl);
      return path ? new URL(path, baseUrl).toString() : baseUrl;
    },
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
      await signOutSession(getDb(), { userId: uid, role: token.role as Role, ip: client?.ip ?? null, requestId: client?.requestId ?? null }, sid);
    },
  },
};
