import 'server-only';
import { headers } from 'next/headers';
import { clientIpFrom } from '../client-ip';
import { requestIdFrom } from '../request-id';

/** Where a sign-in came from, as recorded with its session and shown on the sessions page. */
export type SessionClient = { ip: string | null; userAgent: string | null };

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The client's address (lib/client-ip.ts decides it) and its browser, for the session record. */
export function sessionClientOf(h: HeaderBag): SessionClient {
  return { ip: clientIpFrom(h), userAgent: header(h, 'user-agent') ?? null };
}

/** The client of the request being served (and the request's id), or null outside a request. */
export async function currentSessionClient(): Promise<(SessionClient & { requestId: string | null }) | null> {
  try {
    const h = await headers();
    return { ...sessionClientOf(h), requestId: requestIdFrom(h) };
  } catch {
    return null;
  }
}
