import { expect, test } from '@playwright/test';
import { storageState } from './accounts';

test.use({ storageState: storageState('committee') });

test('the language switch turns the portal to English and back', async ({ page }) => {
  await page.goto('/committee');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('孵化网络总览');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network overview');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('table', { name: /Carriers by kind/ }).first()).toContainText('Incubator');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network overview');
  await page.getByRole('button', { name: /中文/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('孵化网络总览');
});

test('the sign-in page switches language too', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await context.close();
});
