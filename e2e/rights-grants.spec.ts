import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { currentCode, storageState, type AccountKey } from './accounts';

/**
 * Three administrators (三员分立), in the browser against the production build: the system
 * administrator creates a committee account; it cannot use committee rights until the security
 * administrator approves the grant; the audit administrator sees both steps and can change nothing.
 */
const ROUND_TRIP = { timeout: 60_000 };

async function as(browser: Browser, key: AccountKey) {
  const context = await browser.newContext({ storageState: storageState(key) });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Axe on the page as it stands, in Chinese and in English (the pages with data the demo lacks). */
async function expectAccessible(page: Page, baseURL: string) {
  for (const locale of ['en', 'zh-CN']) {
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
    await page.reload();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${locale})`);
    expect(serious, page.url()).toEqual([]);
  }
}

test.describe.configure({ timeout: 300_000 });

test('a committee account is closed until the security administrator approves it; the audit administrator sees both steps', async ({
  browser,
  baseURL,
  playwright,
}) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const email = `e2e-committee-${stamp}@test.example`;
  const name = `新委员${stamp}`;

  // The system administrator creates the account and reads its one-time password.
  const admin = await as(browser, 'admin');
  await admin.goto('/admin/users/new');
  await admin.getByLabel('姓名').fill(name);
  await admin.getByLabel('电子邮箱').fill(email);
  await admin.getByLabel('角色').selectOption('committee');
  await admin.getByRole('button', { name: '创建账户' }).click();
  const shown = admin.getByTestId('one-time-password');
  await expect(shown).toBeVisible(ROUND_TRIP);
  await expect(admin.getByText('已提交申请，须经安全管理员批准后生效。')).toBeVisible();
  const oneTime = (await shown.textContent())!.trim();

  // The new member signs in, changes the password, and finds the committee's pages closed.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, email, oneTime);
  await member.waitForURL('**/account/password', ROUND_TRIP);
  const chosen = `Own passphrase ${stamp}`;
  await member.getByLabel('当前密码').fill(oneTime);
  await member.getByLabel('新密码', { exact: true }).fill(chosen);
  await member.getByLabel('再次输入新密码').fill(chosen);
  await member.getByRole('button', { name: '修改密码' }).click();
  // Committee staff sign in with a second factor: its enrolment comes next, with the secret shown.
  await member.waitForURL('**/account/two-factor', ROUND_TRIP);
  const secret = (await member.getByTestId('totp-secret').getAttribute('data-secret'))!;
  await member.getByLabel('验证码').fill(currentCode(secret));
  await member.getByRole('button', { name: '确认绑定' }).click();
  await expect(member.getByRole('list', { name: '恢复码列表' })).toBeVisible(ROUND_TRIP);
  await member.getByRole('link', { name: '已妥善保存，进入系统' }).click();
  await member.waitForURL('**/account/rights', ROUND_TRIP);
  await expect(member.getByRole('heading', { level: 1, name: '您的权限正在等待审批' })).toBeVisible();
  await expect(member.getByRole('status')).toContainText('科委工作人员');
  await expect(member.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  for (const path of ['/committee', '/committee/applications', '/committee/applications/22']) {
    await member.goto(path);
    await expect(member).toHaveURL(/\/account\/rights$/, ROUND_TRIP);
  }
  expect((await member.request.get('/api/committee/export/queue')).status()).toBe(403);
  await expectAccessible(member, baseURL!);

  // The security administrator sees the request. Their approval, captured on its way, is replayed
  // as the audit administrator and as the system administrator: both are refused.
  const security = await as(browser, 'security');
  await security.goto('/security');
  const row = () => security.getByRole('table', { name: '待审批的权限授予' }).getByRole('row').filter({ hasText: email });
  await expect(row()).toContainText(`新建账户：授予科委工作人员权限`, ROUND_TRIP);
  await expect(row()).toContainText('系统管理员');
  await expectAccessible(security, baseURL!);

  let approval: { headers: Record<string, string>; body: Buffer } | null = null;
  await security.route('**/security', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      approval = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await row().getByRole('button', { name: '批准' }).click();
  await expect(row().getByText(`确认批准${name}的授权申请？`)).toBeVisible();
  await row().getByRole('button', { name: '批准' }).click();
  await expect.poll(() => approval !== null, ROUND_TRIP).toBe(true);
  await security.unroute('**/security');

  const captured = approval as unknown as { headers: Record<string, string>; body: Buffer };
  const replay = {
    'next-action': captured.headers['next-action']!,
    'content-type': captured.headers['content-type']!,
    origin: baseURL!,
    accept: 'text/x-component',
  };
  for (const key of ['auditor', 'admin'] as const) {
    const request = await playwright.request.newContext({ baseURL, storageState: storageState(key) });
    const res = await request.post('/security', { headers: replay, data: captured.body, maxRedirects: 0 });
    expect(res.status(), `${key} replaying the approval`).toBe(403);
    await request.dispose();
  }
  await member.goto('/committee');
  await expect(member).toHaveURL(/\/account\/rights$/, ROUND_TRIP);

  // Now the security administrator approves for real.
  await security.goto('/security');
  await row().getByRole('button', { name: '批准' }).click();
  await row().getByRole('button', { name: '批准' }).click();
  await expect(row()).toHaveCount(0, ROUND_TRIP);

  await member.goto('/committee/applications');
  await expect(member).toHaveURL(/\/committee\/applications$/, ROUND_TRIP);
  await expect(member.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect((await member.request.get('/api/committee/export/queue')).status()).toBe(200);

  // The audit administrator reads both steps, and has no way to change anything.
  const auditor = await as(browser, 'auditor');
  for (const [action, actor] of [
    ['rights.request', '系统管理员'],
    ['rights.approve', '安全管理员'],
  ] as const) {
    await auditor.goto(`/auditor?action=${action}&entity=user`);
    const entries = auditor.getByRole('table', { name: '操作日志记录' });
    await expect(entries.getByRole('row').filter({ hasText: actor }).first()).toBeVisible(ROUND_TRIP);
  }
  await expect(auditor.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(['审计日志']);
  // The page's only form is the filter (a GET); its only buttons are the filter's.
  await expect(auditor.locator('main form:not([method="get"])')).toHaveCount(0);
  const buttons = await auditor.locator('main button').count();
  expect(buttons).toBeGreaterThan(0);
  await expect(auditor.locator('main form[method="get"] button')).toHaveCount(buttons);
  for (const path of ['/admin', '/security', '/security/policy', '/committee', '/admin/users/new']) {
    expect((await auditor.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  expect((await auditor.request.post('/api/operator/import', { headers: { origin: baseURL! } })).status()).toBe(403);

  for (const p of [admin, security, auditor]) await p.context().close();
  await memberContext.close();
});

test('the security administrator sees a locked sign-in and releases it; the audit administrator reads the release', async ({ browser, baseURL }) => {
  const email = `e2e-locked-${Date.now().toString(36)}@test.example`;
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  for (let i = 0; i < 5; i++) {
    await signIn(visitor, email, `wrong password ${i}`);
    await expect(visitor.getByRole('alert')).toBeVisible(ROUND_TRIP);
  }

  const security = await as(browser, 'security');
  await security.goto('/security');
  const rows = security.getByRole('table', { name: '存在登录失败记录的对象' }).getByRole('row').filter({ hasText: email });
  await expect(rows.first()).toBeVisible(ROUND_TRIP);
  await expect(rows.filter({ hasText: '锁定至' }).first()).toBeVisible();
  await expectAccessible(security, baseURL!);
  // Every key of the email (per account, or per account and address) is released, and so is the
  // count of this test's address, so that the failures do not add up for the specs that follow.
  const table = security.getByRole('table', { name: '存在登录失败记录的对象' });
  for (const matching of [rows, table.getByRole('row').filter({ has: security.getByRole('cell', { name: 'IP 地址', exact: true }) })]) {
    while ((await matching.count()) > 0) {
      const before = await matching.count();
      await matching
        .first()
        .getByRole('button', { name: `解除 ${await matching.first().getByRole('cell').nth(1).innerText()}` })
        .click();
      await expect(matching).toHaveCount(before - 1, ROUND_TRIP);
    }
  }

  const auditor = await as(browser, 'auditor');
  await auditor.goto('/auditor?action=auth.release');
  await expect(auditor.getByRole('table', { name: '操作日志记录' }).getByRole('row').filter({ hasText: email }).first()).toBeVisible(ROUND_TRIP);

  for (const p of [security, auditor]) await p.context().close();
  await visitorContext.close();
});
