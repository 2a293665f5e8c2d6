import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { signPendingEnrolment } from '@/lib/second-factor-enrolment';
import { newTotpSecret, totpCode } from '@/lib/totp';
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
    input: formData({ currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase', repeatPassword: 'a new long passphrase' }),
  };
};

/** A user who opened the enrolment page: the signed secret as the page renders it, and its current code. */
export const enrolSecondFactor: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'committee', { email: fresh() });
  const secret = newTotpSecret();
  return { userEmail: u.email, input: formData({ ...signPendingEnrolment(u.id, secret, new Date()), code: totpCode(secret, new Date()) }) };
};

export const regenerateRecoveryCodes: HappyBuilder = async (w) => {
  const secret = newTotpSecret();
  const u = await makeUser(w.db, 'committee', { email: fresh(), totpSecret: secret, totpEnabledAt: new Date() });
  return { userEmail: u.email, input: formData({ code: totpCode(secret, new Date()) }) };
};

export const resetSecondFactor: HappyBuilder = async (w) => {
  const u = await makeUser(w.db, 'committee', { email: fresh(), totpSecret: newTotpSecret(), totpEnabledAt: new Date() });
  return { userEmail: ADMIN, input: formData({ userId: u.id }) };
};
