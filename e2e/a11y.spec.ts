import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';
import { PAGES } from './pages';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const { path, as } of PAGES) {
  for (const locale of ['zh-CN', 'en']) {
    test(`${path} as ${as ?? 'visitor'} in ${locale} has no serious accessibility violations`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({
        storageState: as ? storageState(as) : { cookies: [], origins: [] },
      });
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
}
