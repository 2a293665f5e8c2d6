import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storageState } from './accounts';
import { filedRows, fresh, ROUND_TRIP } from './report-grid';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
/** A small laptop or a tablet held sideways: here the grid is wider than its box and scrolls sideways. */
const SMALL = { width: 1024, height: 768 };
const WIDE = { width: 1920, height: 1080 };

/** The figures of a quarterly report as the grid labels them. */
const FIGURES = ['营业收入', '净利润', '研发投入', '纳税额', '融资额', '从业人员', '知识产权申请数', '知识产权授权数', '发明专利数'];

const gridForm = (page: Page) => page.getByRole('form', { name: /各企业报表$/ });
const cell = (page: Page, venture: string, field: string) => page.getByLabel(`${venture} ${field}`, { exact: true });

/** No serious or critical WCAG 2.1 AA violation on the page as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

/** The page is no wider than the window: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Whether the grid's box scrolls sideways (its table is wider than the box). */
const scrollsSideways = (page: Page) =>
  gridForm(page)
    .locator('table')
    .evaluate((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth);

/** Where an input's cell is, and the part of the grid's box that the sticky name column and header leave visible. */
const cellBox = (input: Locator) =>
  input.evaluate((el) => {
    const container = el.closest('table')!.parentElement!;
    const sticky = container.querySelector('[data-sticky-column]')!.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    const td = el.closest('td')!.getBoundingClientRect();
    return {
      left: td.left,
      right: td.right,
      top: td.top,
      bottom: td.bottom,
      visibleLeft: sticky.right,
      visibleRight: c.left + container.clientLeft + container.clientWidth,
      visibleTop: sticky.bottom,
      visibleBottom: Math.min(c.top + container.clientTop + container.clientHeight, window.innerHeight),
    };
  });

/** Whether an input's cell is visible sideways: inside the grid's box and right of the sticky name column. */
async function clearSideways(input: Locator) {
  const box = await cellBox(input);
  return box.left >= box.visibleLeft - 1 && box.right <= box.visibleRight + 1;
}

/**
 * The cell of an input lies inside the grid's visible area and right of the sticky name column
 * (which would hide it) and below the sticky header, within a pixel.
 */
async function expectClearOfStickyColumn(input: Locator) {
  const box = await cellBox(input);
  expect(box.left).toBeGreaterThanOrEqual(box.visibleLeft - 1);
  expect(box.right).toBeLessThanOrEqual(box.visibleRight + 1);
  expect(box.top).toBeGreaterThanOrEqual(box.visibleTop - 1);
  expect(box.bottom).toBeLessThanOrEqual(box.visibleBottom + 1);
}

test.describe('narrow and wide screens', () => {
  test.use({ storageState: storageState('operator') });
  test.describe.configure({ timeout: 180_000 });

  test('on a phone the navigation folds into a menu and the grid is one card per venture', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/operator');
    const menu = page.getByRole('button', { name: '菜单' });
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    await expectNoSidewaysScroll(page);

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: '季度报表' })).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    // The role badge and the account's links keep their words on one line.
    for (const link of await page.locator('header a:visible, header span.rounded').all()) {
      const { height, lineHeight } = await link.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      }));
      expect(height).toBeLessThan(lineHeight * 2);
    }
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/grid-390-menu.png', fullPage: true });
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    await menu.click();
    await nav.getByRole('link', { name: '季度报表' }).click();
    await expect(page).toHaveURL(/\/operator\/reports/, ROUND_TRIP);
    await expect(page.getByRole('heading', { level: 1, name: '季度统计报表' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();

    // Each venture is a card: every figure with its label and input, and no sideways scrolling.
    await expect(page.locator('thead')).toBeHidden();
    const [{ row, name }] = (await filedRows(gridForm(page), 1)) as [{ row: Locator; name: string }];
    for (const figure of FIGURES) {
      await expect(row.locator('label').filter({ hasText: figure })).toBeVisible();
      await expect(cell(page, name, figure)).toBeVisible();
    }
    const card = (await row.boundingBox())!;
    expect(card.width).toBeLessThanOrEqual(PHONE.width);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/grid-390.png', fullPage: false });
    await expectAccessible(page);

    const employees = fresh(300);
    await cell(page, name, '从业人员').fill(employees);
    await cell(page, name, '研发投入').fill('-25');
    await page.getByRole('button', { name: '保存本季度报表' }).click();
    const bad = cell(page, name, '研发投入');
    await expect(bad).toHaveAccessibleDescription('金额不能为负数。', ROUND_TRIP);
    await expect(bad).toBeFocused();
    await expect(bad).toBeInViewport();
    await page.screenshot({ path: '/tmp/grid-390-error.png', fullPage: false });

    await bad.fill('2500');
    await page.getByRole('button', { name: '保存本季度报表' }).click();
    await expect(page.getByRole('status')).toContainText('已保存 1 份报表', ROUND_TRIP);
    await page.reload();
    await expect(cell(page, name, '从业人员')).toHaveValue(employees);
    await expect(cell(page, name, '研发投入')).toHaveValue('2500');

    // In English the longer name of the portal wraps beside the menu button.
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(80);
    await expectNoSidewaysScroll(page);
  });

  for (const [size, sideways] of [
    [LAPTOP, false],
    [SMALL, true],
  ] as const) {
    test(`at ${size.width} px a refused save brings each invalid cell out from under the sticky column`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/operator/reports');
      // At 1366 px all nine figures fit beside the names; narrower, the grid scrolls sideways.
      expect(await scrollsSideways(page)).toBe(sideways);
      await expect(page.getByRole('button', { name: '菜单' })).toBeHidden();
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
      const [a, b] = await filedRows(gridForm(page), 2);
      // A negative amount in the first column of one row, then a negative count in the last column
      // of another: typing there scrolls the grid to its right end, under the name column's shadow.
      await cell(page, a!.name, '营业收入').fill('-1200.50');
      await cell(page, b!.name, '融资额').fill('-300');
      await cell(page, b!.name, '发明专利数').fill('-2');
      const revenue = cell(page, a!.name, '营业收入');
      // Where the grid scrolls, the first cell now lies under the name column or beyond the box.
      expect(await clearSideways(revenue)).toBe(!sideways);
      await page.getByRole('button', { name: '保存本季度报表' }).click();

      await expect(revenue).toHaveAccessibleDescription('金额不能为负数。', ROUND_TRIP);
      await expect(cell(page, b!.name, '融资额')).toHaveAccessibleDescription('金额不能为负数。');
      await expect(cell(page, b!.name, '发明专利数')).toHaveAccessibleDescription('不能小于 0。');
      await expect(revenue).toBeFocused();
      await expectClearOfStickyColumn(revenue);
      await page.screenshot({ path: `/tmp/grid-${size.width}-error.png` });

      // The list names the venture and the figure; its link brings the cell into view and focuses it.
      const list = page.getByRole('list').filter({ hasText: '金额不能为负数' });
      await expect(list.getByRole('listitem')).toHaveText([
        `${a!.name} · 营业收入：金额不能为负数。`,
        `${b!.name} · 融资额：金额不能为负数。`,
        `${b!.name} · 发明专利数：不能小于 0。`,
      ]);
      await list.getByRole('link', { name: `${b!.name} · 发明专利数` }).click();
      const last = cell(page, b!.name, '发明专利数');
      await expect(last).toBeFocused();
      await expectClearOfStickyColumn(last);
      await list.getByRole('link', { name: `${a!.name} · 营业收入` }).click();
      await expect(revenue).toBeFocused();
      await expectClearOfStickyColumn(revenue);
      await page.screenshot({ path: `/tmp/grid-${size.width}-link.png` });

      // Nothing was saved.
      await page.reload();
      await expect(cell(page, a!.name, '营业收入')).not.toHaveValue('-1200.50');
    });
  }

  test('at 1920 px the header and the grid keep the wide layout', async ({ page }) => {
    await page.setViewportSize(WIDE);
    await page.goto('/operator/reports');
    await expect(page.getByRole('button', { name: '菜单' })).toBeHidden();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '季度报表' })).toBeVisible();
    await expect(page.getByRole('table', { name: /各企业报表$/ })).toBeVisible();
    await expect(page.locator('thead')).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/grid-1920.png' });
  });
});
