import { expect, test } from '@playwright/test';
import { storageState } from './accounts';

/**
 * Security headers on every kind of response, and the portal working under its
 * Content-Security-Policy: scripts carry this response's nonce, and no page logs a violation.
 */
const STATIC = ['x-content-type-options', 'referrer-policy', 'x-frame-options'];

function cspOf(headers: Record<string, string>) {
  return Object.fromEntries(
    (headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test('pages, route handlers, redirects and static files carry the security headers', async ({ request, page }) => {
  const login = await request.get('/login');
  const html = await login.text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset, 'a script of the build on the sign-in page').toBeTruthy();
  const responses = {
    page: login,
    api: await request.get('/api/health'),
    redirect: await request.get('/committee', { maxRedirects: 0 }),
    static: await request.get(asset!),
    notFound: await request.get('/no-such-page'),
  };
  for (const [kind, res] of Object.entries(responses)) {
    const h = res.headers();
    expect(h['x-content-type-options'], kind).toBe('nosniff');
    expect(h['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
    expect(h['x-frame-options'], kind).toBe('DENY');
    // The e2e server is the production build: HSTS is on.
    expect(h['strict-transport-security'], kind).toContain('max-age=');
    for (const name of STATIC) expect(h[name], `${kind} ${name}`).toBeTruthy();
  }
  expect(responses.redirect.status()).toBe(307);

  const csp = cspOf(login.headers());
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['script-src']).not.toContain("'unsafe-inline'");
  expect(csp['script-src']).not.toContain("'unsafe-eval'");
  const nonce = csp['script-src']!.find((v: string) => v.startsWith("'nonce-"))!.slice(7, -1);
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  // Every script element of the page carries this response's nonce.
  const scriptNonces = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /nonce="([^"]+)"/.exec(m[0])?.[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // A fresh nonce per response.
  const again = cspOf((await request.get('/login')).headers());
  expect(again['script-src']).not.toEqual(csp['script-src']);
  expect(responses.static.headers()['content-security-policy']).toBeUndefined();
  await page.close();
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('committee') });
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await context.close();
});

for (const { path, as } of [
  { path: '/login', as: null },
  { path: '/committee', as: 'committee' as const },
  { path: '/operator/ventures/150/edit', as: 'operator' as const },
  { path: '/operator/applications/1', as: 'operator' as const },
]) {
  test(`${path} works under the policy without a violation`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: as ? storageState(as) : { cookies: [], origins: [] } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Next's client runtime started (it cannot when its scripts are blocked).
    await page.waitForFunction(() => Boolean((window as { next?: { version?: string } }).next?.version));
    expect(violations).toEqual([]);
    await context.close();
  });
}
