/** Pure role rules, shared by the server and the UI. */
export const ROLES = ['operator', 'committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Scope = { kind: 'all' } | { kind: 'carriers'; carrierIds: number[] } | { kind: 'none' };

export function homeFor(role: Role): string {
  return `/${role}`;
}

/** Whether a scope lets its holder read a carrier's private data. */
export function scopeIncludesCarrier(scope: Scope, carrierId: number): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return scope.carrierIds.includes(carrierId);
}

/** Whether a role may open a path of the portal (used to pick where to land after sign-in). */
export function roleMayOpen(role: Role, path: string): boolean {
  const area = path.split('/')[1] ?? '';
  if (ROLES.includes(area as Role)) return area === role;
  return true;
}
