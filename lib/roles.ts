import { ROLES, type Role } from './domain/vocabulary';

/** Pure role rules, shared by the server and the UI; the roles themselves are in the vocabulary. */
export { ROLES, type Role };

/**
 * The three administrators (三员分立): the system administrator ('admin': accounts and carrier
 * bindings), the security administrator (grants of rights, lockouts, the security policy) and
 * the audit administrator (reads the audit log, changes nothing). One role per account, so no
 * account holds two of them, nor committee or operator rights besides.
 */
export const ADMINISTRATOR_ROLES = ['admin', 'security', 'auditor'] as const satisfies readonly Role[];

/**
 * Whether giving an account this role takes the security administrator's approval first:
 * committee rights decide public money, administrator rights govern the portal. Operator
 * rights are bound to the operator's own carriers and are granted at once.
 */
export function roleNeedsApproval(role: Role): boolean {
  return role !== 'operator';
}

export type Scope = { kind: 'all' } | { kind: 'carriers'; carrierIds: number[] } | { kind: 'none' };

export function homeFor(role: Role): string {
  return `/${role}`;
}

/**
 * Roles that reach their pages only with a second factor enrolled: every role but the
 * carrier operators' (for whom it is optional), so that committee staff and every kind of
 * administrator are covered as roles are added.
 */
export function roleRequiresSecondFactor(role: Role): boolean {
  return role !== 'operator';
}

/** Whether a scope lets its holder read a carrier's private data. */
export function scopeIncludesCarrier(scope: Scope, carrierId: number): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.carrierIds.includes(carrierId);
}

/** Whether a role may open a path of the portal (used to pick where to land after sign-in). */
export function roleMayOpen(role: Role, path: string): boolean {
  // The area is the first segment of the path alone (`/committee?x` is the committee's area).
  const area = path.split(/[?#]/)[0]!.split('/')[1] ?? '';
  if (ROLES.includes(area as Role)) return area === role;
  return true;
}
