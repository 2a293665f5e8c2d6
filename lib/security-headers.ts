/**
 * The security headers of every response. Pure functions, so that the proxy (which sets the
 * per-request Content-Security-Policy) and next.config.ts (static assets) share one definition.
 */

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

/** Headers that do not change per request; HSTS only in production (served over HTTPS). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
  ];
}

/** A fresh, unguessable nonce for one response. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
