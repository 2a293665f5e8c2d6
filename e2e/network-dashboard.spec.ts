import { expect, test } from '@playwright/test';
import { storageState } from './accounts';

/**
 * The committee's network overview: the year and a filter stay in the address, the figures
 * and charts follow them, a chart's table opens and exports, a figure leads to its list, and
 * a target is added and changed on the targets page.
 */
const ROUND_TRIP = { timeout: 30_000 };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

test.use({ storageState: storageState('committee') });
test.describe.configure({ timeout: 180_000 });

test('filters the overview by year and zone, shows charts and tables, exports and links on', async ({ page }) => {
  const year = thisYear - 1;
  await page.goto('/committee');
  await expect(page.getByRole('heading', { level: 1, name: '孵化网络总览' })).toBeVisible();
  const filters = page.getByRole('search', { name: '筛选总览' });
  await filters.getByLabel('年度').selectOption(String(year));
  await filters.getByLabel('所在区域').selectOption('张江');
  await filters.getByRole('button', { name: '应用' }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}.*zone=${encodeURIComponent('张江')}`), ROUND_TRIP);
  await expect(filters.getByLabel('年度')).toHaveValue(String(year));
  await expect(page.getByText('当前筛选：张江。')).toBeVisible();

  // Headline figures, each a link to the list behind it.
  const network = page.getByRole('region', { name: '载体与项目' });
  await expect(network.getByRole('link', { name: /孵化载体/ })).toHaveAttribute('href', /\/committee\/carriers\?zone=/);
  await expect(network.getByRole('link', { name: /毕业企业/ })).toHaveAttribute('href', `/committee/graduations?status=verified&year=${year}`);

  // A chart, then its table behind the disclosure, then the table's export.
  const stagesChart = page.getByRole('img', { name: '图表：在驻项目阶段' });
  await expect(stagesChart.locator('svg.recharts-surface').first()).toBeVisible(ROUND_TRIP);
  await page.locator('summary', { hasText: '在驻项目阶段' }).click();
  const table = page.getByRole('table', { name: '在驻项目阶段' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('cell', { name: '在孵' })).toBeVisible();
  const exportLink = page.getByRole('link', { name: /导出 Excel\s*:\s*在驻项目阶段/ });
  const href = (await exportLink.getAttribute('href'))!;
  expect(href).toContain('table=stages');
  expect(href).toContain(`year=${year}`);
  expect(href).toContain(`zone=${encodeURIComponent('张江')}`);
  const download = await page.request.get(href, ROUND_TRIP);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('spreadsheetml');
  expect(download.headers()['content-disposition']).toMatch(/^attachment;.*\.xlsx/);
  expect((await download.body()).subarray(0, 2).toString()).toBe('PK');

  // The review queue's link keeps the year and the zone.
  await page.getByRole('link', { name: '打开申请队列 →' }).click();
  await expect(page).toHaveURL(/\/committee\/applications\?year=\d{4}&zone=/, ROUND_TRIP);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('adds a target and changes it on the targets page', async ({ page }) => {
  const metric = `e2e_${unique()}`;
  await page.goto('/committee');
  await page.getByRole('link', { name: '管理年度目标' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '年度目标' })).toBeVisible(ROUND_TRIP);

  const create = page.getByRole('form', { name: '新增目标' });
  await create.getByLabel('年度').fill('2090');
  await create.getByLabel('指标代码').fill(metric);
  await create.getByLabel('目标下限').fill('10');
  await create.getByLabel('单位').fill('个');
  await create.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status')).toBeVisible(ROUND_TRIP);
  await page.goto('/committee/targets?year=2090');
  const row = page.getByRole('row').filter({ hasText: metric });
  await expect(row).toContainText('≥ 10', ROUND_TRIP);

  await row.getByRole('link', { name: `修改目标：${metric}（2090年）` }).click();
  const edit = page.getByRole('form', { name: `修改目标：${metric}（2090年）` });
  await expect(edit.getByLabel('目标下限')).toHaveValue('10', ROUND_TRIP);
  await edit.getByLabel('目标下限').fill('12');
  await edit.getByLabel('目标上限（可选）').fill('8');
  await edit.getByRole('button', { name: '保存' }).click();
  // A maximum below the minimum is refused next to the field, and the input is kept.
  await expect(edit.getByLabel('目标上限（可选）')).toHaveAttribute('aria-invalid', 'true', ROUND_TRIP);
  await expect(edit.getByText('目标上限不得低于下限。')).toBeVisible();
  await expect(edit.getByLabel('目标下限')).toHaveValue('12');
  await edit.getByLabel('目标上限（可选）').fill('20');
  await edit.getByRole('button', { name: '保存' }).click();
  // The saved range is what the list shows (the edit form, and its message, close with the save).
  await expect(page.getByRole('row').filter({ hasText: metric })).toContainText('12 – 20', ROUND_TRIP);
});
