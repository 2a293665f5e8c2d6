import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storageState } from './accounts';
import { filedRows, fresh, ROUND_TRIP } from './report-grid';

const grid = (page: Page) => page.getByRole('table', { name: /各企业报表$/ });

const cell = (page: Page, venture: string, field: string) => page.getByLabel(`${venture} ${field}`, { exact: true });

test.describe('quarterly reports', () => {
  test.use({ storageState: storageState('operator') });
  // Each test saves through the server several times; a development server compiles on first use.
  test.describe.configure({ timeout: 180_000 });

  test('fills two cells of the grid and saves them', async ({ page }) => {
    await page.goto('/operator/reports');
    await expect(page.getByRole('heading', { level: 1, name: '季度统计报表' })).toBeVisible();
    await expect(page.getByText(/报送截止日期：\d{4}-\d{2}-15/)).toBeVisible();
    const [{ name }] = (await filedRows(grid(page), 1)) as [{ row: Locator; name: string }];
    const revenue = `${fresh(900_000)}.50`;
    const employees = fresh(300);
    await cell(page, name, '营业收入').fill(revenue);
    await cell(page, name, '从业人员').fill(employees);
    await page.getByRole('button', { name: '保存本季度报表' }).click();
    await expect(page.getByRole('status')).toContainText('已保存 1 份报表', ROUND_TRIP);

    await page.reload();
    await expect(cell(page, name, '营业收入')).toHaveValue(revenue);
    await expect(cell(page, name, '从业人员')).toHaveValue(employees);
  });

  test('shows a bad value next to its cell, keeps every input and saves nothing', async ({ page }) => {
    await page.goto('/operator/reports');
    const [a, b] = await filedRows(grid(page), 2);
    const before = await cell(page, b!.name, '从业人员').inputValue();
    const typed = String(Number(before) + 1000 + Number(fresh(500)));
    await cell(page, a!.name, '营业收入').fill('12.345');
    await cell(page, b!.name, '从业人员').fill(typed);
    await page.getByRole('button', { name: '保存本季度报表' }).click();

    await expect(page.getByRole('alert').filter({ hasText: '本次未保存任何数据' })).toBeVisible(ROUND_TRIP);
    const bad = cell(page, a!.name, '营业收入');
    await expect(bad).toHaveAttribute('aria-invalid', 'true');
    await expect(bad).toHaveAccessibleDescription('请输入金额（元），最多两位小数。');
    await expect(bad).toHaveValue('12.345');
    await expect(cell(page, b!.name, '从业人员')).toHaveValue(typed);

    await page.reload();
    await expect(cell(page, b!.name, '从业人员')).toHaveValue(before);
  });

  test('filters the grid to the ventures without a report', async ({ page }) => {
    await page.goto('/operator/reports');
    const missing = page.getByRole('link', { name: /^未报送 \d+ 家$/ });
    if ((await missing.count()) === 0) {
      await expect(page.getByText('本季度应报企业均已报送。')).toBeVisible();
      await page.getByLabel('仅显示未报送的企业').check();
      await page.getByRole('button', { name: '查看' }).click();
      await expect(page).toHaveURL(/missing=1/, ROUND_TRIP);
      await expect(page.getByText(/该载体的企业均已报送/)).toBeVisible();
      return;
    }
    const count = Number((await missing.innerText()).match(/\d+/)![0]);
    await missing.click();
    await expect(page).toHaveURL(/missing=1/, ROUND_TRIP);
    const rows = grid(page).locator('tbody tr');
    await expect(rows).toHaveCount(count);
    for (const text of await rows.locator('th').allInnerTexts()) expect(text).toContain('未报送');
    await expect(page.getByLabel('仅显示未报送的企业')).toBeChecked();
    await page.getByRole('link', { name: '显示全部企业' }).click();
    await expect(page).not.toHaveURL(/missing=1/, ROUND_TRIP);
    expect(await grid(page).locator('tbody tr').count()).toBeGreaterThan(count);
  });

  test('edits one venture on its own page', async ({ page }) => {
    await page.goto('/operator/reports');
    const [{ row, name }] = (await filedRows(grid(page), 1)) as [{ row: Locator; name: string }];
    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name, ROUND_TRIP);
    const rd = `${fresh(500_000)}`;
    await page.getByLabel('研发投入（元）').fill('-1');
    await page.getByRole('button', { name: '保存报表' }).click();
    await expect(page.getByLabel('研发投入（元）')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: '请更正标出的错误' })).toBeVisible(ROUND_TRIP);

    await page.getByLabel('研发投入（元）').fill(rd);
    await page.getByRole('button', { name: '保存报表' }).click();
    await expect(page.getByRole('status')).toContainText('已保存', ROUND_TRIP);
    await expect(page.getByRole('table', { name: /历次季度报表/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByRole('link', { name: '返回季度报表' }).click();
    await expect(cell(page, name, '研发投入')).toHaveValue(rd, ROUND_TRIP);
  });
});
