import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';

const number = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

async function carrierNames(page: Page) {
  await page.goto('/operator');
  return page.locator('main section h2').allInnerTexts();
}

test.describe('operator', () => {
  test.use({ storageState: storageState('operator') });

  test('sees their incubator and nursery with ventures by stage', async ({ page }) => {
    await page.goto('/operator');
    const cards = page.locator('main section');
    await expect(cards).toHaveCount(2);
    await expect(cards.filter({ hasText: '孵化器' })).toHaveCount(1);
    await expect(cards.filter({ hasText: '创业苗圃' })).toHaveCount(1);
    for (const card of await cards.all()) {
      const counts = await card.locator('tbody td:last-child').allInnerTexts();
      expect(counts.length).toBeGreaterThan(0);
      expect(counts.reduce((a, c) => a + number(c), 0)).toBeGreaterThan(0);
    }
  });

  test('is refused the committee and admin areas', async ({ page }) => {
    for (const path of ['/committee', '/admin']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
    }
  });

  test('does not see another operator’s carrier', async ({ page, browser }) => {
    const mine = await carrierNames(page);
    const other = await browser.newContext({ storageState: storageState('operator2') });
    const theirs = await carrierNames(await other.newPage());
    await other.close();
    expect(theirs).toHaveLength(1);
    for (const name of theirs) expect(mine).not.toContain(name);
  });
});

test.describe('committee', () => {
  test.use({ storageState: storageState('committee') });

  test('sees carriers by kind across the network on the dashboard', async ({ page }) => {
    await page.goto('/committee');
    await expect(page.getByRole('heading', { level: 1, name: '孵化网络总览' })).toBeVisible();
    const kinds = page.getByRole('table', { name: /各类载体/ }).first();
    await expect(kinds.locator('tbody tr')).toHaveCount(3);
    const kindSum = (await kinds.locator('tbody td:nth-child(2)').allInnerTexts()).reduce((a, c) => a + number(c), 0);
    expect(kindSum).toBeGreaterThanOrEqual(12);
  });

  test('is refused the admin area', async ({ page }) => {
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
  });
});

test.describe('admin', () => {
  test.use({ storageState: storageState('admin') });

  test('sees the accounts and can filter them', async ({ page }) => {
    await page.goto('/admin');
    const table = page.getByRole('table', { name: '账户管理' });
    for (const email of ['admin@example.org', 'committee2@example.org', 'operator1@example.org']) {
      await expect(table.getByRole('cell', { name: email, exact: true })).toBeVisible();
    }
    await page.getByRole('combobox', { name: '角色' }).selectOption('committee');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/role=committee/);
    await expect(table.getByRole('row')).toHaveCount(4);
    await page.getByRole('searchbox').or(page.getByLabel('姓名 / 电子邮箱')).fill('nobody-matches-this');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('没有符合条件的账户')).toBeVisible();
  });

  test('is refused the operator area', async ({ page }) => {
    const res = await page.goto('/operator');
    expect(res?.status()).toBe(403);
  });
});

test('health tells a visitor that the portal is up, and nothing more (details: e2e/request-hygiene.spec.ts)', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'up' });
});
