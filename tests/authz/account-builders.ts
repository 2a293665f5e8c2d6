import { eq } from 'drizzle-orm';
import { startSession } from '@/db/queries/sessions';
import { users } from '@/db/schema';
import { makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import { formData, type HappyBuilder } from './walk-world';

/** The walk's calls of the administrator's and everyone's account actions, on accounts made for them. */
const ADMIN = 'admin@example.org';
let n = 0;
const fresh = () => `walk-account-${Date.now()}-${++n}@example.org`;

export const createAccount: HappyBuilder = async () => ({
  userEmail: ADMIN,
  input: formData({ name: '走查账户', email: fresh(), role: 'operator', carrierIds: ['1'] }),
});

export const updateAccount: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'committee', { email: fresh() });
  const [row] = await w.db.select({ updatedAt: users.updatedAt }).from(users).where(eq(users.id, u.id));
  return {
    userEmail: ADMIN,
    input: formData({ userId: u.id, version: row!.updatedAt.toISOString(), name: '改名后的账户', email: u.email, role: 'committee' }),
  };
};

export const deactivateAccount: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'committee', { email: fresh() });
  return { userEmail: ADMIN, input: formData({ userId: u.id, active: 'false' }) };
};

export const resetPassword: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'operator', { email: fresh() });
  return { userEmail: ADMIN, input: formData({ userId: u.id }) };
};

export const changeOwnPassword: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'committee', { email: fresh() });
  return {
    userEmail: u.email,
    input: formData({ currentPassword: TEST_PASSWORD, newPassword: 'A new long passphrase', repeatPassword: 'A new long passphrase' }),
  };
};

/** A user with a session on another device, to end. */
async function userWithSession(w: Parameters<HappyBuilder>[0], role: 'operator' | 'committee') {
  const u = await makeUser(w.db, role, { email: fresh() });
  const other = await startSession(w.db, { userId: u.id, ip: '198.51.100.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/127.0' });
  return { u, other };
}

export const endOwnSession: HappyBuilder = async (w) => {
  const { u, other } = await userWithSession(w, 'committee');
  return { userEmail: u.email, input: formData({ sessionId: other.id }) };
};

export const endOtherOwnSessions: HappyBuilder = async (w) => {
  const { u } = await userWithSession(w, 'operator');
  return { userEmail: u.email, input: formData({}) };
};

export const endUserSessions: HappyBuilder = async (w) => {
  const { u } = await userWithSession(w, 'committee');
  return { userEmail: ADMIN, input: formData({ userId: u.id }) };
};
