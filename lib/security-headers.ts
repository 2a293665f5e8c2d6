/**
 * The security headers of every response. Pure functions: the proxy sets the per-request
 * Content-Security-Policy and the static headers, which next.config.js also puts on static files
 * (they live in plain JavaScript, lib/static-security-headers.js, so that it can import them).
 */
export { staticSecurityHeaders } from './static-security-headers';

export type CspOptions = { nonce: string; dev: boolean };

/**
 * Scripts run only from this origin with this request's nonce ('strict-dynamic' lets Next's
 * runtime load its own chunks). Style attributes (charts set widths inline) need
 * 'unsafe-inline' for styles; no script is ever allowed inline without the nonce.
 * The development server also needs eval and a websocket for hot reload.
 */
export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** A fresh, unguessable nonce for one response. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
