import { homeFor, roleMayOpen, type Role } from './roles';

/** Stands for this site when its public address is not configured; never leaves the server. */
const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

/** Characters a return path must not carry, raw or percent-encoded: controls, backslash, slash in disguise. */
const RAW_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const ENCODED_FORBIDDEN = /%(2f|5c|[01][0-9a-f]|7f)/i;
const NOT_A_DESTINATION = /^\/(login|api)(\/|$)/i;

function originOf(siteOrigin: string | undefined): string {
  if (!siteOrigin) return PLACEHOLDER_ORIGIN;
  try {
    return new URL(siteOrigin).origin;
  } catch {
    return PLACEHOLDER_ORIGIN;
  }
}

/**
 * A `next` or `callbackUrl` value as a path on this site, or null when it is anything else.
 * The value is resolved against the site's own origin with the URL parser (as a browser would
 * resolve a Location header) and accepted only when the result is same-origin, carries no
 * user info, and neither the value nor the resulting path holds control characters,
 * backslashes or encoded slashes. Sign-in and route handlers are never destinations.
 * What comes back is plain ASCII (the parser percent-encodes the rest), so it is always a
 * valid Location header.
 */
export function safeReturnPath(raw: unknown, siteOrigin?: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  if (raw !== raw.trim() || RAW_FORBIDDEN.test(raw) || ENCODED_FORBIDDEN.test(raw)) return null;
  const origin = originOf(siteOrigin);
  let url: URL;
  try {
    url = new URL(raw, `${origin}/`);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.username || url.password) return null;
  const path = url.pathname + url.search;
  // Dot segments can fold into a leading "//" (`/.//evil`), which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  if (RAW_FORBIDDEN.test(path) || ENCODED_FORBIDDEN.test(url.pathname) || /[^\x21-\x7e]/.test(path)) return null;
  if (NOT_A_DESTINATION.test(url.pathname)) return null;
  return path;
}

/** Where a signed-in user goes: the requested path when it is safe and theirs to open, else their home. */
export function returnPathFor(role: Role, raw: unknown, siteOrigin?: string): string {
  const path = safeReturnPath(raw, siteOrigin);
  return path && roleMayOpen(role, path) ? path : homeFor(role);
}
