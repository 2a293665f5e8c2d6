import { env } from './env';
import { clientAddress, effectiveHost } from './trusted-proxies';

/**
 * The one reader of the client's address and requested host.
 *
 * Next.js hands route handlers and actions no socket address, and fills X-Forwarded-For only
 * when the client did not send one, so a forged header would reach the app. The production
 * server (`scripts/server.mjs`) therefore removes any `x-portal-*` header the client sent and
 * sets `x-portal-peer` to the socket's address; from it and TRUSTED_PROXIES this module works
 * out the client. Without that server (`next dev`) the peer is unknown: the address is null
 * and the host is the Host header, never a forwarded one.
 */
export const PEER_HEADER = 'x-portal-peer';
const SERVER_MARK = Symbol.for('incubator-portal.peer-header');

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined | null;

function read(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(v) ? v.join(',') : v) ?? null;
}

/** Whether this process runs behind the portal's own server, which sets the peer header. */
export function peerHeaderIsSet(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

function peerOf(headers: HeaderBag): string | null {
  return peerHeaderIsSet() ? read(headers, PEER_HEADER) : null;
}

/** The client's address for throttling and the audit log; null when it cannot be known. */
export function clientIpFrom(headers: HeaderBag): string | null {
  return clientAddress(env.trustedProxies, peerOf(headers), read(headers, 'x-forwarded-for'));
}

/** The host the client asked for, for the same-origin check. */
export function requestHostFrom(headers: HeaderBag): string | null {
  return effectiveHost(env.trustedProxies, peerOf(headers), read(headers, 'host'), read(headers, 'x-forwarded-host'));
}

/** Declares that this process's requests carry the peer header (the production server and tests). */
export function announcePeerHeader(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}
