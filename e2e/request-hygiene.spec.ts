import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { admitCompany, freshCode, unique } from './admission-flow';
import { storageState } from './accounts';
import { expectSecurityHeaders, HEALTH_TOKEN } from './hygiene';
import { pdf, startDraft, upload } from './subsidy-flow';

/**
 * Names stay honest, and the smaller promises of docs/request-hygiene.md, over HTTP against
 * the production build: names with invisible or text-direction characters are refused, a
 * download is named for the type of its bytes, opening the notifications changes nothing
 * until the user marks them read, and /api/health tells a visitor only up or down.
 */
test.describe('names', () => {
  test.use({ storageState: storageState('operator') });

  test('a venture’s founders or an investor with a text-direction or zero-width character is refused with a message', async ({ page }) => {
    // A venture of its own: the demo's tenants may have graduated or left in other specs.
    const id = await admitCompany(page, unique('名称测试企业'), freshCode('MN'));
    await page.goto(`/operator/ventures/${id}/edit`);
    const field = page.getByLabel('创始人');
    await field.fill('工业视觉\u202Eexe.fdp');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('含有不可见字符或文字方向控制字符（U+202E）').first()).toBeVisible();
    await expect(field).toHaveValue('工业视觉\u202Eexe.fdp');

    await page.getByLabel('到账日期').fill('2025-03-01');
    await page.getByLabel('金额（元）').fill('1000');
    await page.getByLabel('投资方').fill('浦东\u200B天使');
    await page.getByRole('button', { name: '添加融资记录' }).click();
    await expect(page.getByText('含有不可见字符或文字方向控制字符（U+200B）').first()).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '浦东天使' })).toHaveCount(0);
  });
});

/** The bell's count of unread notifications (0 when it shows none). */
async function unreadCount(page: Page): Promise<number> {
  await page.goto('/operator');
  const bell = page.getByRole('link', { name: /^通知(：\d+ 条未读)?$/ });
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/：(\d+) 条未读/.exec(name)?.[1] ?? 0);
}

/** How many `notification.read` entries the audit log holds, as the audit administrator reads it. */
async function readEntries(page: Page): Promise<number> {
  const res = await page.request.get('/auditor?action=notification.read');
  expect(res.status()).toBe(200);
  const m = /共 (\d+) 条/.exec(await res.text());
  return Number(m?.[1] ?? 0);
}

test.describe('an application’s documents and the notifications it brings', () => {
  test.use({ storageState: storageState('operator') });

  test('a PDF uploaded as evil.html is served as evil.pdf; opening the notifications marks nothing read; marking does, with an entry', async ({
    page,
    browser,
  }) => {
    test.slow();
    await startDraft(page, /创业苗圃项目资助/, '苗圃团队原型验证（文件名）', '100000');
    const refNo = (await page.getByRole('heading', { level: 1 }).innerText()).replace('申请 ', '').trim();

    // HTML behind PDF magic bytes, under an .html name; and a right-to-left override in a name.
    const html = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n');
    await upload(page, { name: 'evil.html', mimeType: 'text/html', buffer: html }, '团队负责人身份证明');
    await expect(page.getByRole('link', { name: 'evil.pdf', exact: true })).toBeVisible();
    await upload(page, { ...pdf('x'), name: 'invoice\u202Efdp.html' }, '项目计划书');
    await expect(page.getByRole('link', { name: 'invoicefdp.pdf', exact: true })).toBeVisible();
    await expect(page.getByText('\u202E')).toHaveCount(0);

    for (const [name, type, body] of [
      ['evil.pdf', 'application/pdf', html],
      ['invoicefdp.pdf', 'application/pdf', pdf('x').buffer],
    ] as const) {
      const href = (await page.getByRole('link', { name, exact: true }).getAttribute('href'))!;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(type);
      expect(res.headers()['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
      expect(Buffer.from(await res.body()).equals(body)).toBe(true);
    }
    await upload(page, pdf('推荐意见.pdf'), '苗圃推荐意见');
    await expect(page.getByRole('link', { name: '推荐意见.pdf' })).toBeVisible();
    await attachAllAndSubmitReady(page);

    // The submission brought the operator a notification. Opening the page, however often, changes nothing.
    const auditor = await browser.newContext({ storageState: storageState('auditor') });
    const auditorPage = await auditor.newPage();
    const entriesBefore = await readEntries(auditorPage);
    const unread = await unreadCount(page);
    expect(unread).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      const res = await page.request.get('/notifications');
      expect(res.status()).toBe(200);
    }
    await page.goto('/notifications');
    const notice = `资助申请 ${refNo} 状态变为：已提交`;
    await expect(page.getByRole('link', { name: notice })).toBeVisible();
    // The page with its buttons, in both languages, to the accessibility rules.
    for (const locale of ['en', 'zh-CN']) {
      await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: page.url() }]);
      await page.goto('/notifications?page=1');
      await expect(page.getByRole('button', { name: locale === 'en' ? /^Mark as read: / : /^标为已读：/ }).first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(
        results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
        locale,
      ).toEqual([]);
    }
    expect(await unreadCount(page)).toBe(unread);
    expect(await readEntries(auditorPage)).toBe(entriesBefore);

    // Marking one read is an action of its own, audited once.
    await page.goto('/notifications');
    await page.getByRole('button', { name: `标为已读：${notice}` }).click();
    await expect(page.getByRole('button', { name: `标为已读：${notice}` })).toHaveCount(0);
    expect(await unreadCount(page)).toBe(unread - 1);
    expect(await readEntries(auditorPage)).toBe(entriesBefore + 1);

    // And all of them at once.
    await page.goto('/notifications');
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('所有通知已标为已读。')).toBeVisible();
    expect(await unreadCount(page)).toBe(0);
    expect(await readEntries(auditorPage)).toBe(entriesBefore + (unread > 1 ? 2 : 1));
    await auditor.close();
  });
});

/** Submits the draft whose required documents are all attached. */
async function attachAllAndSubmitReady(page: Page) {
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('status').filter({ hasText: '申请已提交' })).toBeVisible();
}

test.describe('/api/health', () => {
  test('tells a visitor, a forged cookie and an operator only whether the portal is up', async ({ playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const forged = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: 'next-auth.session-token=forged', authorization: 'Bearer wrong-token-wrong-token-wrong-token-0' },
    });
    const operator = await playwright.request.newContext({ baseURL, storageState: storageState('operator') });
    const security = await playwright.request.newContext({ baseURL, storageState: storageState('security') });
    for (const [who, context] of [
      ['visitor', visitor],
      ['forged', forged],
      ['operator', operator],
      ['security', security],
    ] as const) {
      const res = await context.get('/api/health');
      expect(res.status(), who).toBe(200);
      expect(await res.json(), who).toEqual({ status: 'up' });
      expectSecurityHeaders(res, who);
      await context.dispose();
    }
  });

  test('tells the system administrator and the holder of HEALTH_TOKEN the details', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: storageState('admin') });
    const monitor = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${HEALTH_TOKEN}` },
    });
    for (const [who, context] of [
      ['admin', admin],
      ['token', monitor],
    ] as const) {
      const res = await context.get('/api/health');
      expect(res.status(), who).toBe(200);
      expect(await res.json(), who).toMatchObject({ status: 'up', database: 'embedded', migrations: { current: true } });
      expectSecurityHeaders(res, who);
      await context.dispose();
    }
  });
});
