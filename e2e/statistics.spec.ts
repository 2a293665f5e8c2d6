import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { storageState } from './accounts';

/** For what waits on a server round trip (a navigation, a download). */
const ROUND_TRIP = { timeout: 60_000 };

async function headerOf(download: Download) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  return { sheets: wb.worksheets.map((s) => s.name), header: (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1) };
}

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent('download', ROUND_TRIP), page.getByRole('link', { name: link }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  return headerOf(file);
}

test.describe('annual statistics and summary', () => {
  test.use({ storageState: storageState('committee') });
  test.describe.configure({ timeout: 240_000 });

  test('shows the flagged rows of a year and a carrier, and exports both tables', async ({ page }) => {
    await page.goto('/committee/statistics');
    await expect(page.getByRole('heading', { level: 1, name: '火炬统计年报' })).toBeVisible(ROUND_TRIP);
    const year = await page.getByRole('combobox', { name: '统计年度' }).inputValue();
    await page.getByRole('combobox', { name: '统计年度' }).selectOption(year);

    // The demo network's quarterly figures always leave some rows for the checks to flag.
    const checks = page.getByRole('table', { name: '逻辑校验发现的问题' });
    await expect(checks).toBeVisible();
    const first = checks.getByRole('row').nth(1);
    const label = (await first.getByRole('cell').nth(1).innerText()).trim();
    const reasons = (await first.getByRole('cell').nth(3).innerText()).trim();
    expect(reasons.length).toBeGreaterThan(0);

    // Narrow to the carrier of that row: the row stays flagged, with the same reasons.
    const carrierName = label.includes(' · ') ? label.split(' · ')[1]! : label;
    const select = page.getByRole('combobox', { name: '孵化载体' });
    const option = select.locator('option', { hasText: carrierName }).first();
    await select.selectOption(await option.getAttribute('value'));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/carrier=\d+/, ROUND_TRIP);
    await expect(page).toHaveURL(new RegExp(`year=${year}`));
    const row = page.getByRole('table', { name: '逻辑校验发现的问题' }).getByRole('row').filter({ hasText: label }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText(reasons.split('\n')[0]!);
    await expect(page.getByRole('table', { name: `${year}年孵化载体运营情况表` }).getByRole('row')).toHaveCount(2);

    const carriers = await download(page, '导出载体运营表（.xlsx）');
    expect(carriers.sheets).toEqual(['载体运营表']);
    expect(carriers.header).toEqual(expect.arrayContaining(['载体名称', '当年毕业企业数（个）', '在孵企业营业收入（千元）']));
    const tenants = await download(page, '导出在孵企业表（.xlsx）');
    expect(tenants.sheets).toEqual(['在孵企业表']);
    expect(tenants.header).toEqual(expect.arrayContaining(['企业（团队）名称', '营业收入（千元）', '研究与试验发展经费支出（千元）']));
  });

  test('reads the year summary, and prints it without the navigation', async ({ page }) => {
    await page.goto('/committee/summary');
    const year = await page.getByRole('combobox', { name: '年度', exact: true }).inputValue();
    await expect(page.getByRole('heading', { level: 1, name: `${year}年度孵化网络工作总结` })).toBeVisible(ROUND_TRIP);

    // The paragraph's count of carriers is the total of the table by kind.
    const byKind = page.getByRole('table', { name: '孵化载体情况（按类型）' });
    const total = (await byKind.getByRole('row', { name: /合计/ }).getByRole('cell').first().innerText()).trim();
    await expect(page.getByText(`全区孵化网络共有孵化载体${total}家`)).toBeVisible();
    await expect(page.getByRole('heading', { name: '四、资助专项和预算执行' })).toBeVisible();

    const nav = page.getByRole('navigation', { name: '主导航' });
    const printButton = page.getByRole('button', { name: '打印 / 另存为 PDF' });
    await expect(nav).toBeVisible();
    await expect(printButton).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(nav).toBeHidden();
    await expect(printButton).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: `${year}年度孵化网络工作总结` })).toBeVisible();
    await expect(page.getByRole('table', { name: '年度目标完成情况' }).or(page.getByText('本年度尚未设定年度目标。'))).toBeVisible();
  });
});
