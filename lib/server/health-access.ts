import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { currentUser, mustEnrolSecondFactor } from './authz';
import { env } from '../env';
import type { Role } from '../roles';

/**
 * Who reads the details of /api/health (database mode, migrations): monitoring with the token
 * from HEALTH_TOKEN (`Authorization: Bearer …`), and a signed-in system administrator, whose
 * duty the running system is. Everyone else learns only whether the portal is up.
 * docs/request-hygiene.md
 */
export const HEALTH_DETAIL_ROLES: readonly Role[] = ['admin'];

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/** The two values compared in constant time (as digests, so that their lengths do not show either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The bearer token of the request, when it carries one. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer[ ]+([\x21-\x7e]{1,512})$/i.exec(header.trim());
  return m ? m[1]! : null;
}

export async function mayReadHealthDetails(request: Request, token: string | undefined = env.healthToken): Promise<boolean> {
  const given = bearerToken(request);
  if (given !== null && token !== undefined && sameSecret(given, token)) return true;
  // A visitor without a session cookie costs no session lookup.
  if (!SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) return false;
  const user = await currentUser().catch(() => null);
  return !!user && HEALTH_DETAIL_ROLES.includes(user.role) && !user.mustChangePassword && !mustEnrolSecondFactor(user) && !user.rightsPending;
}
