import 'server-only';
import { inArray, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { notFound } from '@/lib/errors';
import { scopeIncludesCarrier, type Scope } from '@/lib/roles';

/**
 * Narrowing to the caller's carriers. Every query of operator data goes through one of these,
 * with the scope from the session (lib/server/authz scopeFor), never from the request.
 */
export function carrierCondition(scope: Scope, column: AnyColumn): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.carrierIds.length === 0) return sql`false`;
  return inArray(column, scope.carrierIds);
}

/** Throws notFound (never "forbidden", which would confirm that the record exists). */
export function assertCarrierInScope(scope: Scope, carrierId: number): void {
  if (!scopeIncludesCarrier(scope, carrierId)) throw notFound();
}

/** Only operators change their carriers' data; committee scope reads all but writes none here. */
export function assertOperatorOf(scope: Scope, carrierId: number): void {
  if (scope.kind !== 'carriers' || !scope.carrierIds.includes(carrierId)) throw notFound();
}
