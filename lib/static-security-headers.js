// The security headers that do not change per request, in plain JavaScript so that next.config.js
// (static files), the proxy (through lib/security-headers.ts) and scripts/server.mjs (what it
// refuses before Next) share one definition. Its types: lib/static-security-headers.d.ts.

/**
 * Headers that do not change per request; HSTS only in production (served over HTTPS).
 * @param {boolean} production
 * @returns {{ key: string; value: string }[]}
 */
export function staticSecurityHeaders(production) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
  ];
}
