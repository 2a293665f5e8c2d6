import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { currentCode, enterCode, storageState } from './accounts';

/** For what waits on a server round trip (a save, a sign-in, a first compile). */
const ROUND_TRIP = { timeout: 60_000 };
const PASSWORD = 'Committee passphrase 2026!';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function passwordStep(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login**', ROUND_TRIP);
}

/** The administrator makes a committee account; its owner replaces the one-time password. */
async function newCommitteeMember(browser: Browser, email: string) {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/users/new');
  await page.getByLabel('姓名').fill('双因素测试科员');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('角色').selectOption('committee');
  await page.getByRole('button', { name: '创建账户' }).click();
  const shown = page.getByTestId('one-time-password');
  await expect(shown).toBeVisible(ROUND_TRIP);
  const oneTime = (await shown.textContent())!.trim();
  await admin.close();

  // Committee rights take effect once the security administrator approves them.
  const security = await browser.newContext({ storageState: storageState('security') });
  const approver = await security.newPage();
  await approver.goto('/security');
  const row = approver.getByRole('table', { name: '待审批的权限授予' }).getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: '批准' }).click();
  await row.getByRole('button', { name: '批准' }).click();
  await expect(row).toHaveCount(0, ROUND_TRIP);
  await security.close();

  const context = await browser.newContext();
  const user = await context.newPage();
  await passwordStep(user, email, oneTime);
  await user.waitForURL('**/account/password', ROUND_TRIP);
  await user.getByLabel('当前密码').fill(oneTime);
  await user.getByLabel('新密码', { exact: true }).fill(PASSWORD);
  await user.getByLabel('再次输入新密码').fill(PASSWORD);
  await user.getByRole('button', { name: '修改密码' }).click();
  return { context, user };
}

/** next-auth's credentials sign-in in one request, as a script would send it. */
async function scriptSignIn(api: APIRequestContext, fields: Record<string, string>) {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', { form: { csrfToken, ...fields, json: 'true' }, maxRedirects: 0 });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const cookies = (await api.storageState()).cookies.map((c) => c.name);
  return { url: body.url ?? res.headers()['location'] ?? '', signedIn: cookies.some((n) => n.endsWith('session-token')) };
}

test.describe('second factor', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a committee member is held until enrolled, then signs in with a code or a recovery code, each recovery code once', async ({ browser, baseURL }) => {
    const email = `e2e-2fa-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@test.example`;
    const { context, user } = await newCommitteeMember(browser, email);
    // The QR code is inline SVG drawn on the server: nothing the Content-Security-Policy refuses.
    const violations: string[] = [];
    user.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });

    // After the password, the role's second factor: every page leads to its enrolment.
    await user.waitForURL('**/account/two-factor', ROUND_TRIP);
    await expect(user.getByRole('heading', { level: 1, name: '双因素认证' })).toBeVisible();
    await expect(user.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
    await user.goto('/committee/applications');
    await expect(user).toHaveURL(/\/account\/two-factor$/, ROUND_TRIP);
    const api = await playwrightRequest.newContext({ baseURL, storageState: await context.storageState() });
    expect((await api.get('/api/committee/export/carriers', { maxRedirects: 0 })).status()).toBe(403);
    await api.dispose();

    // The enrolment page passes axe in both languages.
    await expect(user.getByRole('img', { name: '用于绑定身份验证器的二维码' })).toBeVisible();
    expect(await seriousViolations(user)).toEqual([]);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
    await user.reload();
    await expect(user.getByRole('heading', { level: 1, name: 'Two-factor authentication' })).toBeVisible(ROUND_TRIP);
    expect(await seriousViolations(user)).toEqual([]);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: baseURL! }]);
    await user.reload();

    // A wrong code is refused next to the field; the code of the secret shown enrols.
    const secret = (await user.getByTestId('totp-secret').getAttribute('data-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await user.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')).toBe(secret);
    const code = currentCode(secret);
    await user.getByLabel('验证码').fill(String((Number(code) + 500_000) % 1_000_000).padStart(6, '0'));
    await user.getByRole('button', { name: '确认绑定' }).click();
    await expect(user.getByText('验证码不正确，请核对手机时间后重新输入。')).toBeVisible(ROUND_TRIP);
    await user.getByLabel('验证码').fill(currentCode(secret));
    await user.getByRole('button', { name: '确认绑定' }).click();
    const list = user.getByRole('list', { name: '恢复码列表' });
    await expect(list).toBeVisible(ROUND_TRIP);
    const recovery = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    for (const c of recovery) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
    expect(violations).toEqual([]);
    await user.getByRole('link', { name: '已妥善保存，进入系统' }).click();
    await user.waitForURL('**/committee', ROUND_TRIP);
    await signOut(user);

    // Signing in asks for the code on a second step; the code of the secret lets them in.
    await passwordStep(user, email);
    await expect(user.getByRole('group', { name: '第二步：输入验证码' })).toBeVisible(ROUND_TRIP);
    expect(await seriousViolations(user)).toEqual([]);
    await enterCode(user, currentCode(secret));
    await user.waitForURL('**/committee', ROUND_TRIP);
    await signOut(user);

    // A recovery code works once.
    await passwordStep(user, email);
    await enterCode(user, recovery[0]!);
    await user.waitForURL('**/committee', ROUND_TRIP);
    await signOut(user);
    await passwordStep(user, email);
    await enterCode(user, recovery[0]!);
    await expect(user.getByRole('alert').filter({ hasText: '验证码或恢复码不正确。' })).toBeVisible(ROUND_TRIP);
    await expect(user).toHaveURL(/\/login/);
    await context.close();

    // A script signs in with the three fields in one request; without the code it is refused.
    const script = await playwrightRequest.newContext({ baseURL });
    const refused = await scriptSignIn(script, { email, password: PASSWORD });
    expect(refused.url).toContain('error=codeRequired');
    expect(refused.signedIn).toBe(false);
    const wrong = await scriptSignIn(script, { email, password: PASSWORD, code: recovery[0]! });
    expect(wrong.url).toContain('error=codeInvalid');
    expect(wrong.signedIn).toBe(false);
    const ok = await scriptSignIn(script, { email, password: PASSWORD, code: currentCode(secret) });
    expect(ok.url).not.toContain('error=');
    expect(ok.signedIn).toBe(true);
    const page = await script.get('/committee', { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    await script.dispose();

    // The administrator resets the second factor: the user must enrol again.
    const admin = await browser.newContext({ storageState: storageState('admin') });
    const adminPage = await admin.newPage();
    await adminPage.goto(`/admin?q=${encodeURIComponent(email)}`);
    await adminPage.getByRole('table').getByRole('link').first().click();
    await adminPage.getByRole('button', { name: '重置双因素认证' }).click();
    await expect(adminPage.getByText('确定重置双因素测试科员的双因素认证吗？')).toBeVisible(ROUND_TRIP);
    await adminPage.getByRole('button', { name: '确认重置' }).click();
    // The card now says the account has no second factor, and offers no reset.
    await expect(adminPage.getByText('未启用。')).toBeVisible(ROUND_TRIP);
    await expect(adminPage.getByRole('button', { name: '重置双因素认证' })).toHaveCount(0);
    await admin.close();

    const again = await browser.newContext();
    const next = await again.newPage();
    await passwordStep(next, email);
    await next.waitForURL('**/account/two-factor', ROUND_TRIP);
    await expect(next.getByTestId('totp-secret')).toBeVisible();
    await again.close();
  });

  test('a demo account signs in over HTTP with email, password and the demo secret’s code in one request', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const r = await scriptSignIn(api, { email: 'committee2@example.org', password: 'demo1234demo', code: currentCode() });
    expect(r.url).not.toContain('error=');
    expect(r.signedIn).toBe(true);
    expect((await api.get('/committee', { maxRedirects: 0 })).status()).toBe(200);
    await api.dispose();
  });
});
