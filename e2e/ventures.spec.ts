import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const table = (page: Page) => page.getByRole('table', { name: '创业项目列表' });
/** The profile form of the edit page (its messages; the financing section has its own). */
const profile = (page: Page) => page.getByRole('form', { name: '项目信息' });

/** The link of the first venture the list shows with these params. */
async function firstVenture(page: Page, query = '') {
  await page.goto(`/operator/ventures${query}`);
  const link = table(page).locator('tbody tr').first().getByRole('link').first();
  return { name: (await link.innerText()).trim(), href: (await link.getAttribute('href'))! };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test.describe('ventures', () => {
  test.use({ storageState: storageState('operator') });

  test('searches by name and filters by stage', async ({ page }) => {
    const { name } = await firstVenture(page, '?sort=name&dir=desc');
    await page.getByLabel('名称或统一社会信用代码').fill(name);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(table(page).getByRole('link', { name, exact: true })).toBeVisible();
    for (const text of await table(page).locator('tbody tr td:first-child a').allInnerTexts()) expect(text).toContain(name);

    await page.getByRole('link', { name: '清除筛选' }).click();
    await page.getByLabel('阶段').selectOption('nursery');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/stage=nursery/);
    const stages = await table(page).locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set(['苗圃培育']));

    await page.getByLabel('名称或统一社会信用代码').fill(unique('无此项目'));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('没有符合条件的创业项目')).toBeVisible();
  });

  test('exports what the filtered list shows', async ({ page }) => {
    await page.goto('/operator/ventures?stage=nursery&size=100');
    const listed = (await table(page).locator('tbody tr td:first-child a').allInnerTexts()).map((n) => n.trim());
    expect(listed.length).toBeGreaterThan(0);
    const link = page.getByRole('link', { name: '导出 Excel' });
    await expect(link).toHaveAttribute('href', /^\/api\/operator\/export\/ventures\?.*stage=nursery/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const nameColumn = (ws.getRow(1).values as unknown[]).indexOf('项目名称 (Name)');
    const exported: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) exported.push(String(row.getCell(nameColumn).value));
    });
    expect(exported.sort()).toEqual([...listed].sort());
  });

  test('sorts by a column and keeps the filters', async ({ page }) => {
    await page.goto('/operator/ventures?stage=incubating');
    await table(page)
      .getByRole('link', { name: /入驻日期/ })
      .click();
    await expect(page).toHaveURL(/stage=incubating/);
    await expect(page).toHaveURL(/sort=entered&dir=asc/);
    const dates = await table(page).locator('tbody tr td:nth-child(5)').allInnerTexts();
    expect(dates).toEqual([...dates].sort());
    await table(page)
      .getByRole('link', { name: /入驻日期/ })
      .click();
    await expect(page).toHaveURL(/sort=entered&dir=desc/);
  });

  test('opens a venture, edits it and sees the change; adds and removes a financing event', async ({ page }) => {
    test.slow(); // several saves and page loads in one story
    const { name, href } = await firstVenture(page, '?stage=incubating');
    await table(page).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { name: '入驻记录' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '编辑信息' }).click();
    await expect(page).toHaveURL(`${href}/edit`);
    expect(await seriousViolations(page)).toEqual([]);
    const field = unique('工业视觉');
    // The technical field is chosen from the Torch statistics' list; a choice other than the current one.
    const technicalField = page.getByLabel('技术领域');
    const choice = (await technicalField.inputValue()) === 'aerospace' ? '环境保护' : '航空航天';
    await technicalField.selectOption({ label: choice });
    await page.getByRole('button', { name: '保存' }).click();
    await expect(profile(page).getByRole('status')).toHaveText('已保存。');

    const investor = unique('浦东天使');
    await page.getByLabel('到账日期').fill('2025-03-01');
    await page.getByLabel('金额（元）').fill('1,234,567.89');
    await page.getByLabel('投资方').fill(investor);
    await page.getByRole('button', { name: '添加融资记录' }).click();
    const row = page.getByRole('row').filter({ hasText: investor });
    await expect(row).toContainText('123.46');
    await row.getByRole('button', { name: '删除' }).click();
    await row.getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByText('已删除该融资记录。')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: investor })).toHaveCount(0);

    // The profile form shares the version the financing changes moved on.
    await page.getByLabel('创始人').fill(`${field} 创始团队`);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(profile(page).getByRole('status')).toHaveText('已保存。');

    await page.getByRole('link', { name: '返回详情' }).click();
    const details = page.locator('dl');
    await expect(details.getByText(choice, { exact: true })).toBeVisible();
    await expect(details.getByText(`${field} 创始团队`)).toBeVisible();
    // The venture's history lists the changes, the technical field by its label.
    const history = page.getByRole('region', { name: '变更记录' });
    await expect(history.getByText(choice, { exact: true }).first()).toBeVisible();
    await expect(history.getByText(`${field} 创始团队`, { exact: true }).first()).toBeVisible();
  });

  test('refuses an incomplete exit event next to the field and keeps the input', async ({ page }) => {
    const { href } = await firstVenture(page, '?stage=incubating&sort=founded');
    await page.goto(`${href}/edit`);
    await page.getByLabel('并购或上市', { exact: true }).selectOption('listed');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(profile(page).getByRole('alert')).toContainText('请更正');
    const date = page.getByLabel('并购或上市日期');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('此项为必填项。')).toBeVisible();
    await expect(page.getByLabel('并购或上市', { exact: true })).toHaveValue('listed');
  });

  test('a stale save gets the conflict message and keeps the input', async ({ page, browser }) => {
    test.slow(); // two browser contexts
    const { href } = await firstVenture(page, '?stage=incubating&sort=entered&dir=desc');
    const other = await browser.newContext({ storageState: storageState('operator') });
    const second = await other.newPage();
    await page.goto(`${href}/edit`);
    await second.goto(`${href}/edit`);

    await page.getByLabel('创始人').fill(unique('先保存'));
    await page.getByRole('button', { name: '保存' }).click();
    await expect(profile(page).getByRole('status')).toHaveText('已保存。');

    const mine = unique('后保存');
    await second.getByLabel('创始人').fill(mine);
    await second.getByLabel('技术领域').selectOption({ label: '新材料' });
    await second.getByRole('checkbox', { name: '博士' }).check();
    await second.getByRole('button', { name: '保存' }).click();
    await expect(profile(second).getByRole('alert')).toContainText('该记录已被他人修改');
    await expect(second.getByLabel('创始人')).toHaveValue(mine);
    await expect(second.getByLabel('技术领域')).toHaveValue('new_materials');
    await expect(second.getByRole('checkbox', { name: '博士' })).toBeChecked();
    await other.close();
  });

  test('another operator’s venture is not found', async ({ page, browser }) => {
    const other = await browser.newContext({ storageState: storageState('operator2') });
    const theirs = await other.newPage();
    await theirs.goto('/operator/ventures');
    const href = await theirs.getByRole('table', { name: '创业项目列表' }).locator('tbody tr a').first().getAttribute('href');
    await other.close();
    expect(href).toMatch(/^\/operator\/ventures\/\d+$/);
    for (const path of [href!, `${href}/edit`]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    }
  });
});
