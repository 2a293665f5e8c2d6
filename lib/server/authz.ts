import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { authenticateSession, carrierIdsOfOperator, type AuthUser } from '@/db/queries/accounts';
import { authOptions } from './auth';
import { homeFor, roleRequiresSecondFactor, type Role, type Scope } from '../roles';

export { homeFor, type Role, type Scope };

/**
 * The signed-in user as the users table has them now, for a session that is still open: a
 * deactivated account, a changed role, an ended session (sign-out, password change, an
 * administrator) or one past its idle or absolute limit takes effect on the very next request,
 * whatever the session token says. A password past its maximum age counts as one that must
 * be changed.
 */
export const currentUser = cache(async (): Promise<AuthUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: number; sid?: string } | undefined;
  const id = Number(claims?.id);
  if (!Number.isInteger(id) || id <= 0 || typeof claims?.sid !== 'string' || !claims.sid) return null;
  return authenticateSession(getDb(), { userId: id, sessionId: claims.sid });
});

/** Where a user who must change their password is sent, whatever they asked for. */
export const PASSWORD_PAGE = '/account/password';

/** Where a user whose role requires a second factor is held until they have enrolled one. */
export const TWO_FACTOR_PAGE = '/account/two-factor';

/** Whether the user's role requires a second factor they have not enrolled yet. */
export function mustEnrolSecondFactor(user: Pick<AuthUser, 'role' | 'totpEnabledAt'>): boolean {
  return roleRequiresSecondFactor(user.role) && !user.totpEnabledAt;
}

/**
 * For the second-factor page and its actions only: the signed-in user, even one who has not
 * enrolled the second factor their role requires; the password page comes first.
 */
export async function requireEnrolling(): Promise<AuthUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return user;
}

/**
 * For the password page and its action only: the signed-in user, even one who must still
 * change the password they were given; a visitor without a valid session goes to sign-in.
 */
export async function requireSignedIn(): Promise<AuthUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

/**
 * For pages and server actions: sends a visitor without a valid session to sign-in, and a
 * user with a one-time password to the password page until they have changed it, and a user
 * whose role requires a second factor to its enrolment until they have one.
 */
export async function requireUser(): Promise<AuthUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  if (mustEnrolSecondFactor(user)) redirect(TWO_FACTOR_PAGE);
  return user;
}

/** Where a user whose rights await the security administrator's approval is sent. */
export const RIGHTS_PENDING_PAGE = '/account/rights';

/**
 * For pages and server actions: refuses (403) a user whose role is not among `roles`, and sends
 * a user whose grant of rights still awaits the security administrator to the page that says so:
 * the role's pages and actions open only once the grant is approved.
 */
export async function requireRole(...roles: Role[]): Promise<AuthUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  if (user.rightsPending) redirect(RIGHTS_PENDING_PAGE);
  return user;
}

/** The carriers whose private data the user may see, from the database, never from the request. */
export const scopeFor = cache(async (user: AuthUser): Promise<Scope> => {
  if (user.rightsPending) return { kind: 'none' };
  if (user.role === 'operator') return { kind: 'carriers', carrierIds: await carrierIdsOfOperator(getDb(), user.id) };
  if (user.role === 'committee') return { kind: 'all' };
  return { kind: 'none' };
});

/** For route handlers: a user, or the response to send instead (401 / 403). */
export async function authorizeRequest(...roles: Role[]): Promise<{ user: AuthUser } | { response: Response }> {
  const user = await currentUser();
  if (!user) return { response: Response.json({ error: 'unauthenticated' }, { status: 401 }) };
  if (user.mustChangePassword) return { response: Response.json({ error: 'passwordChangeRequired' }, { status: 403 }) };
  if (mustEnrolSecondFactor(user)) return { response: Response.json({ error: 'secondFactorRequired' }, { status: 403 }) };
  if (roles.length && !roles.includes(user.role)) {
    return { response: Response.json({ error: 'forbidden' }, { status: 403 }) };
  }
  if (user.rightsPending) return { response: Response.json({ error: 'rightsPending' }, { status: 403 }) };
  return { user };
}
