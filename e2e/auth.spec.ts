import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, enterCode } from './accounts';

async function signIn(page: import('@playwright/test').Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

test.describe('sign-in', () => {
  test('lists the demo accounts on the embedded demo database', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: '演示账户' })).toBeVisible();
    for (const email of Object.values(ACCOUNTS)) await expect(page.getByText(email, { exact: true })).toBeVisible();
    await expect(page.getByText('committee3@example.org', { exact: true })).toBeVisible();
  });

  test('each role lands in its own area', async ({ page }) => {
    for (const [email, path, heading] of [
      [ACCOUNTS.operator, '/operator', '运营方工作台'],
      [ACCOUNTS.committee, '/committee', '孵化网络总览'],
      [ACCOUNTS.admin, '/admin', '账户管理'],
    ] as const) {
      await page.context().clearCookies();
      await page.goto('/login');
      await signIn(page, email);
      await enterCode(page);
      await page.waitForURL(`**${path}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
  });

  test('a wrong password is refused with a message and the email is kept', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, ACCOUNTS.committee, 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' })).toBeVisible();
    await expect(page.getByLabel('电子邮箱')).toHaveValue(ACCOUNTS.committee);
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown email gets the same message as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, 'nobody@example.org');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('邮箱或密码不正确，或账户已停用。');
  });

  test('five failures for one email refuse sign-in with a message that does not say whether it exists', async ({ page }) => {
    const email = `no-such-${Date.now()}@example.org`;
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `wrong-password-${i}`);
      await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('邮箱或密码不正确，或账户已停用。');
    }
    await signIn(page, email, 'wrong-password-again');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('登录失败次数过多，请 15 分钟后再试。');
  });

  test('a malformed email is pointed out next to the field', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, 'not-an-email');
    await expect(page.getByText('请输入有效的电子邮箱。')).toBeVisible();
    await expect(page.getByLabel('电子邮箱')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a visitor is sent to sign-in and returned to the page they asked for', async ({ page }) => {
    await page.goto('/admin?role=operator');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%3Frole%3Doperator/);
    await signIn(page, ACCOUNTS.admin);
    await enterCode(page);
    await page.waitForURL('**/admin?role=operator');
    await expect(page.getByRole('combobox', { name: '角色' })).toHaveValue('operator');
  });

  test('sign-out ends the session', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, ACCOUNTS.committee);
    await enterCode(page);
    await page.waitForURL('**/committee');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login**');
    await page.goto('/committee');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a forged session cookie does not open a page', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'next-auth.session-token', value: 'forged', url: baseURL! }]);
    await page.goto('/committee');
    await expect(page).toHaveURL(/\/login/);
  });
});
