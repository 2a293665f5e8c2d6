import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { findUserForSignIn, recordSignIn } from '@/db/queries/users';
import { authSecret } from './env';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Compared against when the email is unknown, so that a sign-in takes the same time
 * whether or not the account exists.
 */
const DUMMY_HASH = '$2b$10$BaqvvZfq5vkUZQU3nXLUUOzg2Xs8EiJ1sJiO2WSfo.LtNjEMTP73q';

export async function verifyCredentials(db: DbOrTx, raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    await bcrypt.compare('x', DUMMY_HASH);
    return null;
  }
  const user = await findUserForSignIn(db, parsed.data.email);
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  await recordSignIn(db, user.id);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: (credentials) => verifyCredentials(getDb(), credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: number }).id = token.uid as number;
        (session.user as { role?: string }).role = token.role as string;
      }
      return session;
    },
  },
};
