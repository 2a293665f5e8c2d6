import { expect, test } from '@playwright/test';
import { PUBLIC_FILES } from '../tests/authz/http-matrix';
import { storageState } from './accounts';
import { expectSecurityHeaders } from './hygiene';

/**
 * public/: the favicon, the logo and robots.txt are served to anyone, signed in or not, with the
 * security headers, and never sent to sign-in; the logo shows in the portal's header and on the
 * sign-in page, with its text alternative in each language.
 */
for (const who of ['anonymous', 'operator'] as const) {
  test(`the public files are served to ${who === 'anonymous' ? 'a visitor' : 'a signed-in user'}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: who === 'anonymous' ? { cookies: [], origins: [] } : storageState('operator'),
    });
    for (const file of PUBLIC_FILES) {
      const res = await request.get(file.path, { maxRedirects: 0 });
      expect(res.status(), file.path).toBe(200);
      expect(res.headers()['content-type'], file.path).toContain(file.contentType);
      const h = res.headers();
      expect(h['x-content-type-options'], file.path).toBe('nosniff');
      expect(h['x-frame-options'], file.path).toBe('DENY');
      expect(h['referrer-policy'], file.path).toBe('strict-origin-when-cross-origin');
      expect(h['strict-transport-security'], file.path).toContain('max-age=');
    }
    expect(await (await request.get('/robots.txt')).text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    await request.dispose();
  });
}

test('the favicon is the portal mark, and the security headers stay on an icon the proxy sees', async ({ request, page }) => {
  await page.goto('/login');
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  expect(icons).toEqual(expect.arrayContaining(['/favicon.ico', '/icon.svg']));
  expectSecurityHeaders(await request.get('/icon.svg'), '/icon.svg');
});

for (const [locale, alt] of [
  ['zh-CN', '平台标志'],
  ['en', 'Portal logo'],
] as const) {
  test(`the logo shows on the sign-in page and in the header (${locale})`, async ({ browser, baseURL }) => {
    const cookie = { name: 'NEXT_LOCALE', value: locale, url: baseURL! };
    for (const [who, path] of [
      ['anonymous', '/login'],
      ['operator', '/operator'],
    ] as const) {
      const context = await browser.newContext({ storageState: who === 'anonymous' ? { cookies: [], origins: [] } : storageState(who) });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      await page.goto(path);
      const logo = page.getByRole('img', { name: alt });
      await expect(logo).toBeVisible();
      // Loaded under the Content-Security-Policy, not a broken image.
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await context.close();
    }
  });
}
