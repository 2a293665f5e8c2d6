import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from './accounts';

/** For what waits on a server round trip (a save, a sign-in, a first compile). */
const ROUND_TRIP = { timeout: 60_000 };
const CARRIER = '浦东软件园孵化器';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function openAccount(page: Page, email: string) {
  await page.goto(`/admin?q=${encodeURIComponent(email)}`);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByText(email)).toBeVisible(ROUND_TRIP);
}

async function asAdmin(browser: Browser) {
  const context = await browser.newContext({ storageState: storageState('admin') });
  return { context, page: await context.newPage() };
}

test.describe('account administration', () => {
  // The spec makes its own account (a unique email per run) and never touches the demo accounts.
  test.describe.configure({ timeout: 300_000 });

  test('an operator is created, changes the one-time password, is deactivated and reactivated', async ({ browser }) => {
    const email = `e2e-op-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@test.example`;
    const admin = await asAdmin(browser);

    // The administrator creates an operator bound to one carrier and reads the one-time password.
    await admin.page.goto('/admin');
    await admin.page.getByRole('link', { name: '新建账户' }).click();
    await expect(admin.page.getByRole('heading', { level: 1, name: '新建账户' })).toBeVisible(ROUND_TRIP);
    await admin.page.getByLabel('姓名').fill('测试运营员');
    await admin.page.getByLabel('电子邮箱').fill(email);
    await expect(admin.page.getByLabel('角色')).toHaveValue('operator');
    await admin.page.getByRole('button', { name: '创建账户' }).click();
    await expect(admin.page.getByText('运营方账户须至少绑定一个载体。')).toBeVisible(ROUND_TRIP);
    await expect(admin.page.getByLabel('电子邮箱')).toHaveValue(email);
    await admin.page.getByLabel(CARRIER, { exact: true }).check();
    await admin.page.getByRole('button', { name: '创建账户' }).click();
    const shown = admin.page.getByTestId('one-time-password');
    await expect(shown).toBeVisible(ROUND_TRIP);
    const oneTime = (await shown.textContent())!.trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);

    // The new user signs in and is held at the password page until they change it.
    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signIn(user, email, oneTime);
    await user.waitForURL('**/account/password', ROUND_TRIP);
    await expect(user.getByText('您使用一次性密码登录')).toBeVisible();
    await expect(user.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
    await user.goto('/operator/ventures');
    await expect(user).toHaveURL(/\/account\/password$/, ROUND_TRIP);

    await user.getByLabel('当前密码').fill(oneTime);
    await user.getByLabel('新密码', { exact: true }).fill(email.toUpperCase());
    await user.getByLabel('再次输入新密码').fill(email.toUpperCase());
    await user.getByRole('button', { name: '修改密码' }).click();
    await expect(user.getByText('密码不能与电子邮箱相同。')).toBeVisible(ROUND_TRIP);

    const chosen = 'my own passphrase 2026';
    await user.getByLabel('新密码', { exact: true }).fill(chosen);
    await user.getByLabel('再次输入新密码').fill(chosen);
    await user.getByRole('button', { name: '修改密码' }).click();
    await user.waitForURL('**/operator', ROUND_TRIP);
    await expect(user.getByRole('heading', { level: 1, name: '运营方工作台' })).toBeVisible(ROUND_TRIP);

    // The administrator deactivates the account, after confirming.
    await openAccount(admin.page, email);
    await admin.page.getByRole('button', { name: '停用账户…' }).click();
    await expect(admin.page.getByText('确定停用测试运营员的账户？')).toBeVisible();
    await admin.page.getByRole('button', { name: '确定停用' }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: '账户已停用。' })).toBeVisible(ROUND_TRIP);

    // The user's next page load goes to sign-in, and signing in is refused.
    await user.goto('/operator');
    await expect(user).toHaveURL(/\/login/, ROUND_TRIP);
    await signIn(user, email, chosen);
    await expect(user.getByRole('alert').filter({ hasText: '账户已停用' })).toBeVisible(ROUND_TRIP);

    // The reactivation waits for the security administrator: until approved, sign-in is still refused.
    await admin.page.getByRole('button', { name: '重新启用账户' }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: '已提交申请，须经安全管理员批准后生效。' })).toBeVisible(ROUND_TRIP);
    await userContext.clearCookies();
    await signIn(user, email, chosen);
    await expect(user.getByRole('alert').filter({ hasText: '账户已停用' })).toBeVisible(ROUND_TRIP);

    const securityContext = await browser.newContext({ storageState: storageState('security') });
    const security = await securityContext.newPage();
    await security.goto('/security');
    const row = security.getByRole('table', { name: '待审批的权限授予' }).getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('重新启用（载体运营方）', ROUND_TRIP);
    await row.getByRole('button', { name: '批准' }).click();
    await row.getByRole('button', { name: '批准' }).click();
    await expect(row).toHaveCount(0, ROUND_TRIP);
    await securityContext.close();

    // Approved, they sign in afresh with their own password and land on their home.
    await signIn(user, email, chosen);
    await user.waitForURL('**/operator', ROUND_TRIP);

    await userContext.close();
    await admin.context.close();
  });
});
