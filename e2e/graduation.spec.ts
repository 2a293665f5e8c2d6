import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storageState } from './accounts';

test.use({ storageState: storageState('operator') });

const number = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

/** The figure on a dashboard card, found by the start of its label. */
function figure(page: Page, label: RegExp): Locator {
  return page.getByRole('main').getByRole('link', { name: label });
}

/** The total under a paginated list ("第 1 / 1 页，共 N 条"). */
async function listTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: '分页' }).locator('span').first().innerText();
  return Number(/共\s*(\d+)\s*条/.exec(text)?.[1] ?? NaN);
}

test.describe('operator dashboard', () => {
  test('each figure leads to the filtered list behind it', async ({ page }) => {
    await page.goto('/operator');
    await expect(page.getByRole('heading', { level: 1, name: '运营方工作台' })).toBeVisible();

    const overdue = number(await figure(page, /^孵化期限已超期/).innerText());
    await figure(page, /^孵化期限已超期/).click();
    await expect(page).toHaveURL(/\/operator\/limits\?status=overdue$/);
    expect(await listTotal(page)).toBe(overdue);

    await page.goto('/operator');
    const candidates = number(await figure(page, /^毕业候选/).innerText());
    await figure(page, /^毕业候选/).click();
    await expect(page).toHaveURL(/\/operator\/graduations$/);
    await expect(page.getByRole('link', { name: `毕业候选（${candidates}）` })).toHaveAttribute('aria-current', 'page');

    await page.goto('/operator');
    const pending = number(await figure(page, /^待科委核验的毕业/).innerText());
    await figure(page, /^待科委核验的毕业/).click();
    await expect(page).toHaveURL(/\/operator\/graduations\?view=recorded&status=pending$/);
    expect(await listTotal(page)).toBe(pending);

    await page.goto('/operator');
    await figure(page, /^在孵企业/).click();
    await expect(page).toHaveURL(/\/operator\/ventures\?stage=incubating$/);

    await page.goto('/operator');
    await figure(page, /^有入驻预警的项目/).click();
    await expect(page).toHaveURL(/\/operator\/ventures\?warnings=1$/);

    await page.goto('/operator');
    await figure(page, /季度未报表/).click();
    await expect(page).toHaveURL(/\/operator\/reports\?year=\d{4}&quarter=[1-4]&missing=1$/);

    await page.goto('/operator');
    const incubator = page.locator('main section').filter({ hasText: '孵化器' });
    await incubator.getByRole('link', { name: /在孵项目/ }).click();
    await expect(page).toHaveURL(/\/operator\/ventures\?carrier=\d+&stage=incubating$/);
  });

  test('narrows to one carrier with the selector', async ({ page }) => {
    await page.goto('/operator');
    const select = page.getByLabel('查看载体');
    const nursery = await select.locator('option', { hasText: '苗圃' }).getAttribute('value');
    await select.selectOption(nursery!);
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(new RegExp(`/operator\\?carrier=${nursery}$`));
    await expect(page.locator('main section')).toHaveCount(1);
    await expect(page.locator('main section h2')).toContainText('苗圃');
    // A nursery's own figures, narrowed to it; no incubation time limits.
    await expect(figure(page, /^苗圃在孵团队/)).toHaveAttribute('href', `/operator/ventures?stage=nursery&carrier=${nursery}`);
    await expect(figure(page, /^孵化期限已超期/)).toHaveCount(0);
  });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test.describe('graduations', () => {
  test('the record form has no serious accessibility violations, in Chinese and English', async ({ page, context, baseURL }) => {
    await page.goto('/operator/graduations');
    const link = page
      .getByRole('table', { name: '毕业候选企业' })
      .getByRole('link', { name: /^登记毕业：/ })
      .first();
    const href = await link.getAttribute('href');
    for (const locale of ['zh-CN', 'en']) {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await page.goto(href!);
      await expect(page.getByRole('button', { name: /^(提交毕业登记|Record graduation)$/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
    await context.clearCookies({ name: 'NEXT_LOCALE' });
  });

  test('records a graduation with a PDF for the first candidate, which then waits for verification', async ({ page, request }) => {
    await page.goto('/operator/graduations');
    const firstRow = page.getByRole('table', { name: '毕业候选企业' }).locator('tbody tr').first();
    await expect(firstRow, 'the demo network has graduation candidates').toBeVisible();
    const name = (await firstRow.locator('td').first().getByRole('link').innerText()).trim();
    await firstRow.getByRole('link', { name: `登记毕业：${name}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

    const evidence = `e2e 毕业证明 ${Date.now()}`;
    await page.getByLabel('证明说明').fill(evidence);
    // An executable renamed .pdf is refused by its content; what was typed stays.
    await page
      .getByLabel('证明材料')
      .setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
    await page.getByRole('button', { name: '提交毕业登记' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('请更正标出的错误');
    await expect(page.getByText('文件“certificate.pdf”不是 PDF、PNG 或 JPEG 文件')).toBeVisible();
    await expect(page.getByLabel('证明材料')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('证明说明')).toHaveValue(evidence);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.getByLabel('证明材料').setInputFiles({ name: '高新技术企业证书.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: '提交毕业登记' }).click();
    await expect(page).toHaveURL(/\/operator\/graduations\?view=recorded&status=pending&recorded=\d+$/);
    await expect(page.getByRole('status')).toContainText('已登记毕业，待科委核验');
    const row = page.getByRole('table', { name: '已登记的毕业' }).locator('tbody tr', { hasText: name }).first();
    await expect(row).toContainText('待科委核验');
    const file = row.getByRole('link', { name: /下载 高新技术企业证书\.pdf/ });
    const download = await request.get((await file.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

    // No longer a candidate, and no longer incubating.
    await page.goto('/operator/graduations');
    await expect(page.getByRole('table', { name: '毕业候选企业' }).getByRole('link', { name, exact: true })).toHaveCount(0);
  });

  test('another operator gets 404 for this operator’s evidence files', async ({ page, browser }) => {
    await page.goto('/operator/graduations?view=recorded');
    const files = page.locator('a[href^="/api/operator/graduation-files/"]');
    test.skip((await files.count()) === 0, 'no evidence file recorded yet');
    const href = await files.first().getAttribute('href');
    const other = await browser.newContext({ storageState: storageState('operator2') });
    const res = await other.request.get(href!);
    expect(res.status()).toBe(404);
    await other.close();
  });
});

test.describe('incubation limits', () => {
  test('lists the overdue tenants, each linking to its venture', async ({ page }) => {
    await page.goto('/operator/limits');
    await page.getByRole('link', { name: /^已超期（\d+）$/ }).click();
    await expect(page).toHaveURL(/\/operator\/limits\?status=overdue$/);
    const rows = page.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      await expect(row).toContainText('已超期');
      await expect(row.getByRole('link').first()).toHaveAttribute('href', /^\/operator\/ventures\/\d+$/);
    }
    await rows.first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/operator\/ventures\/\d+$/);
  });
});
