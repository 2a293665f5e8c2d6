import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { clearAccountFailures, isThrottled, recordFailure, throttleKeys } from '@/db/queries/login-throttle';
import { checkSecondFactor } from '@/db/queries/second-factor';
import { findUserForSignIn, recordSignIn } from '@/db/queries/users';
import { authSecret, env } from './env';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  /** The second factor: a one-time code or a recovery code (db/queries/second-factor.ts). */
  code: z.string().max(40).optional(),
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
  // The second factor, once the password is right (throws SecondFactorRefused with next-auth's error code).
  await checkSecondFactor(db, user, parsed.data.code, ip, now);
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
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Code', type: 'text' },
      },
      authorize: (credentials, req) => verifyCredentials(getDb(), credentials, requestIp(req?.headers as Record<string, string> | undefined)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
        // When this session began; sessions begun before an account's `sessionsValidAfter` end.
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: number }).id = token.uid as number;
        (session.user as { role?: string }).role = token.role as string;
        (session.user as { signedInAt?: number }).signedInAt = token.signedInAt as number;
      }
      return session;
    },
  },
};
