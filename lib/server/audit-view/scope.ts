import 'server-only';
import { auditScope } from '@/db/queries/oversight';
import type { AuthUser } from '@/db/queries/accounts';
import { scopeFor } from '@/lib/server/authz';

/** The part of the audit log a signed-in user reads (from the session, never from the request). */
export async function auditScopeOf(user: AuthUser) {
  return auditScope(user.role, await scopeFor(user));
}
