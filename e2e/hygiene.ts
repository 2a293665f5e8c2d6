import { expect, type APIResponse } from '@playwright/test';

/** The token the e2e server gives HEALTH_TOKEN (scripts/e2e-server.mjs). */
export const HEALTH_TOKEN = process.env.HEALTH_TOKEN ?? 'e2e-health-token-e2e-health-token-0001';

/** The headers every response carries (lib/security-headers.ts, and scripts/server.mjs for what it refuses itself). */
export function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h['content-security-policy'], `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(h['x-frame-options'], `${what}: frame options`).toBe('DENY');
  expect(h['referrer-policy'], `${what}: referrer policy`).toBe('strict-origin-when-cross-origin');
}
