import { expect, test, type Browser } from '@playwright/test';
import { OPERATOR_ROUTES } from '../tests/integration/isolation/routes';
import { storageState } from './accounts';

/**
 * Operator 1 guesses the addresses of operator 2's records: every probe of the route table
 * (tests/integration/isolation/routes.ts) with operator 2's venture and carrier ids.
 */
type Foreign = { venture: number; ventureName: string; carrier: number; carrierName: string; application: number };

async function operator2Records(browser: Browser): Promise<Foreign> {
  const context = await browser.newContext({ storageState: storageState('operator2') });
  const page = await context.newPage();
  await page.goto('/operator/ventures?sort=name&dir=asc');
  const venture = page.getByRole('table', { name: '创业项目列表' }).locator('tbody tr').first().getByRole('link').first();
  const ventureHref = (await venture.getAttribute('href'))!;
  const ventureName = (await venture.innerText()).trim();
  await page.goto('/operator/carriers');
  const carrier = page.locator('main a[href^="/operator/carriers/"]').first();
  const carrierHref = (await carrier.getAttribute('href'))!;
  const carrierName = (await carrier.innerText()).trim();
  await page.goto('/operator/applications');
  const application = page.getByRole('table', { name: '资助申请列表' }).locator('tbody tr').first().getByRole('link').first();
  const applicationHref = (await application.getAttribute('href'))!;
  await context.close();
  return {
    venture: Number(/\/operator\/ventures\/(\d+)$/.exec(ventureHref)![1]),
    ventureName,
    carrier: Number(/\/operator\/carriers\/(\d+)$/.exec(carrierHref)![1]),
    carrierName,
    application: Number(/\/operator\/applications\/(\d+)$/.exec(applicationHref)![1]),
  };
}

test.describe('an operator guessing another carrier’s addresses', () => {
  test.use({ storageState: storageState('operator') });

  test('gets 404 or a page with nothing of the other carrier', async ({ browser, page }) => {
    test.slow(); // one request per probe
    const b = await operator2Records(browser);
    expect(b.ventureName.length).toBeGreaterThan(0);
    expect(b.carrierName.length).toBeGreaterThan(0);
    // The probes reach operator 2's records for operator 2 (so a 404 below means refused, not missing).
    const own = await browser.newContext({ storageState: storageState('operator2') });
    expect((await own.request.get(`/operator/ventures/${b.venture}`)).status()).toBe(200);
    expect((await own.request.get(`/operator/carriers/${b.carrier}`)).status()).toBe(200);
    expect((await own.request.get(`/operator/applications/${b.application}`)).status()).toBe(200);
    await own.close();

    const probes = OPERATOR_ROUTES.flatMap((r) => (r.probes ?? []).map((p) => ({ file: r.file, path: p.path(b), expect: p.expect })));
    expect(probes.length).toBeGreaterThan(10);
    for (const probe of probes) {
      const res = await page.request.get(probe.path, { maxRedirects: 0 });
      const what = `${probe.file}: ${probe.path}`;
      if (probe.expect === 'notFound') {
        expect(res.status(), what).toBe(404);
      } else {
        expect(res.status(), what).toBe(200);
      }
      const body = await res.text();
      expect(body.includes(b.ventureName), `${what} shows ${b.ventureName}`).toBe(false);
      expect(body.includes(b.carrierName), `${what} shows ${b.carrierName}`).toBe(false);
    }
  });
});
