import 'server-only';
import { headers } from 'next/headers';

/** Where a sign-in came from, as recorded with its session and shown on the sessions page. */
export type SessionClient = { ip: string | null; userAgent: string | null };

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The client's address for the session record and the sign-out entry. The one place that
 * decides it here, so that it follows the portal's rule for addresses behind proxies.
 */
export function sessionClientIp(h: HeaderBag): string | null {
  const forwarded = header(h, 'x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || header(h, 'x-real-ip')?.trim() || null;
}

export function sessionClientOf(h: HeaderBag): SessionClient {
  return { ip: sessionClientIp(h), userAgent: header(h, 'user-agent') ?? null };
}

/** The client of the request being served, or null outside a request. */
export async function currentSessionClient(): Promise<SessionClient | null> {
  try {
    return sessionClientOf(await headers());
  } catch {
    return null;
  }
}
