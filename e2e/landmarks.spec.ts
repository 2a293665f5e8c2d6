import { expect, test } from '@playwright/test';
import { storageState, type AccountKey } from './accounts';

/**
 * The not-found and refusal pages have exactly one main landmark, inside the portal (a record
 * that does not exist, a page of another role) and outside it (an address that matches nothing).
 */
const CASES: { what: string; path: string; as: AccountKey | null; heading: string }[] = [
  { what: 'a venture that does not exist', path: '/operator/ventures/99999999', as: 'operator', heading: '页面不存在' },
  { what: 'an address that matches nothing, signed in', path: '/no-such-page', as: 'operator', heading: '页面不存在' },
  { what: 'an address that matches nothing, signed out', path: '/no-such-page', as: null, heading: '页面不存在' },
  { what: 'an address under the portal that matches nothing', path: '/operator/no-such-page', as: 'operator', heading: '页面不存在' },
  { what: "another role's page", path: '/committee', as: 'operator', heading: '无权访问' },
];

for (const c of CASES) {
  test(`${c.what} (${c.path}) has one main landmark`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: c.as ? storageState(c.as) : { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(c.path);
    await expect(page.getByRole('heading', { level: 1, name: c.heading })).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.locator('main main')).toHaveCount(0);
    await context.close();
  });
}
