import { expect, request as httpRequest, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import { ACCOUNTS, DEMO_PASSWORD, enterCode, storageState } from './accounts';

/**
 * Server-side sessions over HTTP against the production build. Each test signs in afresh in a
 * context of its own (never signing out the shared sessions of e2e/.auth), and a password is
 * only ever changed on an account the test makes.
 */
const ROUND_TRIP = { timeout: 60_000 };
const SECRET = process.env.NEXTAUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only';
const SESSION_COOKIE = 'next-auth.session-token';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  // The demo accounts have the second factor (the demo secret's code); a new operator has none.
  const code = page.getByLabel('验证码', { exact: true });
  await Promise.race([page.waitForURL((url) => !url.pathname.startsWith('/login'), ROUND_TRIP), code.waitFor(ROUND_TRIP)]);
  if (await code.isVisible()) await enterCode(page);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), ROUND_TRIP);
}

async function freshContext(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const c = (await context.cookies()).find((x) => x.name === SESSION_COOKIE);
  expect(c, 'a session cookie').toBeTruthy();
  return c!.value;
}

/** A bare HTTP client that sends exactly this cookie and follows no redirect. */
async function replay(baseURL: string, cookie: string, path: string) {
  const client = await httpRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  try {
    const r = await client.get(path, { maxRedirects: 0 });
    return { status: r.status(), location: r.headers()['location'] ?? '' };
  } finally {
    await client.dispose();
  }
}

test.describe('server-side sessions', () => {
  test.describe.configure({ timeout: 300_000 });

  test('after sign-out the old session cookie opens nothing, neither pages nor exports', async ({ browser, baseURL }) => {
    const { context, page } = await freshContext(browser, ACCOUNTS.operator);
    const cookie = await sessionCookie(context);
    expect(await replay(baseURL!, cookie, '/operator')).toMatchObject({ status: 200 });
    expect((await replay(baseURL!, cookie, '/api/operator/export/ventures')).status).toBe(200);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login**', ROUND_TRIP);

    const pageAfter = await replay(baseURL!, cookie, '/operator');
    expect(pageAfter.status).toBe(307);
    expect(pageAfter.location).toMatch(/\/login/);
    expect((await replay(baseURL!, cookie, '/api/operator/export/ventures')).status).toBe(401);
    expect((await replay(baseURL!, cookie, '/api/operator/export/reports')).status).toBe(401);
    await context.close();

    // The shared session of the same account, signed in before, is untouched.
    const shared = await browser.newContext({ storageState: storageState('operator') });
    const sharedPage = await shared.newPage();
    await sharedPage.goto('/operator');
    await expect(sharedPage).toHaveURL(/\/operator$/);
    await shared.close();
  });

  test('refreshing the session twenty times does not move its end', async ({ browser }) => {
    const { context, page } = await freshContext(browser, ACCOUNTS.operator2);
    const first = await decode({ token: await sessionCookie(context), secret: SECRET });
    expect(first?.sid).toBeTruthy();
    const end = Number(first!.sessionEnd);
    expect(Number(first!.exp)).toBeLessThanOrEqual(end);
    expect(end - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(8 * 3600);

    for (let i = 0; i < 20; i++) expect((await page.request.get('/api/auth/session')).status()).toBe(200);
    const after = await decode({ token: await sessionCookie(context), secret: SECRET });
    expect(after?.sid).toBe(first!.sid);
    expect(Number(after!.sessionEnd)).toBe(end);
    // Re-issued, the token still expires when the session does, not eight hours from now.
    expect(Number(after!.exp)).toBeLessThanOrEqual(end);

    // The sessions page shows the same absolute end.
    await page.goto('/account/sessions');
    const current = page.getByRole('row').filter({ hasText: '当前会话' });
    await expect(current).toHaveCount(1);
    await context.close();
  });

  test('a password change ends the other sessions; the sessions page lists and ends sessions; the current-password check is throttled', async ({ browser }) => {
    const email = `e2e-sess-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}@test.example`;

    // An administrator makes a throwaway account.
    const admin = await browser.newContext({ storageState: storageState('admin') });
    const adminPage = await admin.newPage();
    await adminPage.goto('/admin/users/new');
    await adminPage.getByLabel('姓名').fill('会话测试员');
    await adminPage.getByLabel('电子邮箱').fill(email);
    await adminPage.getByLabel('浦东软件园孵化器', { exact: true }).check();
    await adminPage.getByRole('button', { name: '创建账户' }).click();
    const shown = adminPage.getByTestId('one-time-password');
    await expect(shown).toBeVisible(ROUND_TRIP);
    const oneTime = (await shown.textContent())!.trim();

    // First sign-in: a new password that is too simple is refused, a compliant one accepted.
    const a = await freshContext(browser, email, oneTime);
    await a.page.waitForURL('**/account/password', ROUND_TRIP);
    await a.page.getByLabel('当前密码').fill(oneTime);
    await a.page.getByLabel('新密码', { exact: true }).fill('only lower case words');
    await a.page.getByLabel('再次输入新密码').fill('only lower case words');
    await a.page.getByRole('button', { name: '修改密码' }).click();
    await expect(a.page.getByText('密码须至少包含小写字母、大写字母、数字和其他字符')).toBeVisible(ROUND_TRIP);
    const first = 'Session test phrase 1';
    await a.page.getByLabel('新密码', { exact: true }).fill(first);
    await a.page.getByLabel('再次输入新密码').fill(first);
    await a.page.getByRole('button', { name: '修改密码' }).click();
    await a.page.waitForURL('**/operator', ROUND_TRIP);

    // A second device signs in; both are listed, this one marked.
    const b = await freshContext(browser, email, first);
    const c = await freshContext(browser, email, first);
    await a.page.goto('/account/sessions');
    await expect(a.page.getByRole('heading', { level: 1, name: '登录会话' })).toBeVisible();
    const rows = a.page.getByRole('region', { name: '活动会话' }).getByRole('row');
    await expect(rows).toHaveCount(4); // the header and three sessions
    await expect(rows.filter({ hasText: '当前会话' })).toHaveCount(1);

    // Ending one other session (after confirming) signs that device out.
    const other = rows
      .filter({ has: a.page.getByRole('button', { name: /^结束会话/ }) })
      .filter({ hasNotText: '当前会话' })
      .first();
    await other.getByRole('button', { name: /^结束会话/ }).click();
    await a.page.getByRole('button', { name: '确定结束' }).click();
    await expect(rows).toHaveCount(3, ROUND_TRIP);
    const stillIn = async (p: Page) => {
      await p.goto('/operator');
      return !new URL(p.url()).pathname.startsWith('/login');
    };
    const signedIn = [await stillIn(b.page), await stillIn(c.page)];
    expect(signedIn.filter(Boolean)).toHaveLength(1);
    const survivor = signedIn[0] ? b : c;

    // A password change in one session ends the other at its next request; this one goes on.
    await a.page.goto('/account/password');
    const second = 'Session test phrase 2';
    await a.page.getByLabel('当前密码').fill(first);
    await a.page.getByLabel('新密码', { exact: true }).fill(second);
    await a.page.getByLabel('再次输入新密码').fill(second);
    await a.page.getByRole('button', { name: '修改密码' }).click();
    await a.page.waitForURL('**/operator', ROUND_TRIP);
    await survivor.page.goto('/operator');
    await expect(survivor.page).toHaveURL(/\/login/, ROUND_TRIP);
    await a.page.goto('/account/sessions');
    await expect(a.page.getByRole('region', { name: '活动会话' }).getByRole('row')).toHaveCount(2);
    await expect(a.page.getByText('除当前会话外，没有其他活动会话。')).toBeVisible();

    // Six wrong current passwords, then the right one is refused while the check is locked.
    await a.page.goto('/account/password');
    for (let i = 0; i < 6; i++) {
      await a.page.getByLabel('当前密码').fill(`wrong guess ${i}`);
      await a.page.getByLabel('新密码', { exact: true }).fill('Session test phrase 3');
      await a.page.getByLabel('再次输入新密码').fill('Session test phrase 3');
      await a.page.getByRole('button', { name: '修改密码' }).click();
      await expect(a.page.getByText(i < 4 ? '当前密码不正确。' : '修改密码已暂停15分钟').first()).toBeVisible(ROUND_TRIP);
    }
    await a.page.getByLabel('当前密码').fill(second);
    await a.page.getByRole('button', { name: '修改密码' }).click();
    await expect(a.page.getByText('修改密码已暂停15分钟').first()).toBeVisible(ROUND_TRIP);
    await expect(a.page).toHaveURL(/\/account\/password$/);
    await a.page.reload();
    await expect(a.page.getByRole('alert').filter({ hasText: '修改密码已暂停，请于' })).toBeVisible();

    // The administrator sees the account's one active session and ends it.
    await adminPage.goto(`/admin?q=${encodeURIComponent(email)}`);
    await adminPage.getByRole('table').getByRole('link').first().click();
    await expect(adminPage.getByText('该账户当前有1个活动会话。')).toBeVisible(ROUND_TRIP);
    await adminPage.getByRole('button', { name: '结束全部会话…' }).click();
    await adminPage.getByRole('button', { name: '确定结束全部会话' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: '已结束1个会话。' })).toBeVisible(ROUND_TRIP);
    await a.page.goto('/operator');
    await expect(a.page).toHaveURL(/\/login/, ROUND_TRIP);

    for (const ctx of [a.context, b.context, c.context, admin]) await ctx.close();
  });
});
