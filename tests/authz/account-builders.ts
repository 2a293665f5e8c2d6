import { eq } from 'drizzle-orm';
import { startSession } from '@/db/queries/accounts/sessions';
import { loginThrottle, rightsGrants, securityPolicy, users } from '@/db/schema';
import { signPendingEnrolment } from '@/lib/second-factor-enrolment';
import { newTotpSecret, totpCode } from '@/lib/totp';
import { enrolledSecondFactor, makeUser, TEST_PASSWORD } from '../helpers/fixtures';
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

/** The security administrator's calls: a grant requested by the system administrator for a fresh account. */
const SECURITY = 'security@example.org';

async function pendingGrant(w: Parameters<HappyBuilder>[0]): Promise<number> {
  const [admin] = await w.db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN));
  const u = await makeUser(w.db, 'committee', { email: fresh(), rightsPending: true });
  const [g] = await w.db
    .insert(rightsGrants)
    .values({ userId: u.id, kind: 'role', role: 'committee', previousRole: null, requestedBy: admin!.id })
    .returning({ id: rightsGrants.id });
  return g!.id;
}

export const approveGrant: HappyBuilder = async (w) => ({ userEmail: SECURITY, input: formData({ grantId: await pendingGrant(w) }) });

export const rejectGrant: HappyBuilder = async (w) => ({
  userEmail: SECURITY,
  input: formData({ grantId: await pendingGrant(w), reason: '岗位职责与所申请权限不符。' }),
});

export const releaseThrottle: HappyBuilder = async (w) => {
  const key = `pair:${fresh()}|203.0.113.9`;
  await w.db.insert(loginThrottle).values({ key, failures: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) });
  return { userEmail: SECURITY, input: formData({ key }) };
};

export const saveSecurityPolicy: HappyBuilder = async (w) => {
  const [row] = await w.db.select().from(securityPolicy).where(eq(securityPolicy.id, 1));
  // A maximum age other than the present one, so that the save changes something.
  const days = (row?.passwordMaxAgeDays ?? 0) >= 365 ? 90 : (row?.passwordMaxAgeDays ?? 89) + 1;
  return {
    userEmail: SECURITY,
    input: formData({ passwordComplexity: 'on', passwordMaxAgeDays: days, sessionIdleMinutes: '', sessionMaxHours: '', version: row?.version ?? 0 }),
  };
};

/** A user with a session on another device, to end. */
async function userWithSession(w: Parameters<HappyBuilder>[0], role: 'operator' | 'committee') {
  // Committee staff sign in with the second factor enrolled.
  const u = await makeUser(w.db, role, { email: fresh(), ...(role === 'committee' ? enrolledSecondFactor() : {}) });
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
