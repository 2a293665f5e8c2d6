import { requestHostFrom } from './client-ip';

/**
 * A state-changing request must come from a page of this site: its Origin names this host.
 * A cross-site form or script cannot forge the Origin header, and a request without one
 * (or with the opaque "null" origin of a sandboxed frame) is refused.
 * The host is the one the client asked for (lib/client-ip.ts): the Host header, or
 * X-Forwarded-Host only when it comes from a trusted reverse proxy (TRUSTED_PROXIES).
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = requestHostFrom(headers);
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === host.split(',')[0]!.trim().toLowerCase();
  } catch {
    return false;
  }
}
