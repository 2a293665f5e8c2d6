// The request id, in plain JavaScript so that the proxy (proxy.ts), the production server
// (scripts/server.mjs) and the app share one definition. Its types: lib/request-id.d.ts.
// Every request gets one: a well-formed `x-request-id` the client or a proxy in front sent, or
// a new UUID. It is passed to the app as that request header, returned as that response header,
// written on the request's log line and audit entries, and shown on error pages.

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and `._:-`, 8 to 64 of them: a UUID, a load balancer's trace id; nothing that could break a log line or a page. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * @param {unknown} value
 * @returns {value is string}
 */
export function isWellFormedRequestId(value) {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/**
 * The id a request goes by: the one it came with when well-formed, otherwise a new one.
 * @param {string | string[] | null | undefined} given
 * @returns {string}
 */
export function requestIdFor(given) {
  const value = Array.isArray(given) ? given[0] : given;
  return isWellFormedRequestId(value) ? value : crypto.randomUUID();
}

/**
 * The request id the proxy or the production server gave the request being served, read from
 * its headers (a `Headers` or Node's header object); null outside a request or when missing.
 * @param {Headers | Record<string, string | string[] | undefined> | null | undefined} headers
 * @returns {string | null}
 */
export function requestIdFrom(headers) {
  if (!headers) return null;
  const value = typeof headers.get === 'function' ? headers.get(REQUEST_ID_HEADER) : headers[REQUEST_ID_HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  return isWellFormedRequestId(first) ? first : null;
}
