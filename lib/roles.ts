/** Pure role rules, shared by the server and the UI. */
export const ROLES = ['operator', 'committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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

/** A post-sign-in target from the request: only a path on this site, never another origin. */
export function safeCallbackPath(raw: string | null | undefined, fallback: string): string {
  if (!raw) return fallback;
  let path = raw;
  try {
    // next-auth hands back absolute URLs; keep only their path on this site.
    if (/^https?:\/\//i.test(raw)) {
      const u = new URL(raw);
      path = u.pathname + u.search;
    }
  } catch {
    return fallback;
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  if (path.startsWith('/login') || path.startsWith('/api/')) return fallback;
  return path;
}

/** Whether a role may open a path of the portal (used to pick where to land after sign-in). */
export function roleMayOpen(role: Role, path: string): boolean {
  const area = path.split('/')[1] ?? '';
  if (ROLES.includes(area as Role)) return area === role;
  return true;
}
