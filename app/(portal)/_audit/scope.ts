import 'server-only';
import { auditScope } from '@/db/queries/audit-log';
import type { AuthUser } from '@/db/queries/users';
import { scopeFor } from '@/lib/authz';

/** The part of the audit log a signed-in user reads (from the session, never from the request). */
export async function auditScopeOf(user: AuthUser) {
  return auditScope(user.role, await scopeFor(user));
}
