import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from './accounts';

test.use({ storageState: storageState('committee') });
// Each test changes data through server actions and opens several pages; a busy dev server is slow.
test.setTimeout(240_000);
const SLOW = { timeout: 60_000 };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * operator1 records the graduation of its first candidate, so that the committee has a fresh
 * pending one to decide on; null when operator1 has no candidate left (then the demo's pending
 * graduations are used).
 */
async function recordAsOperator(browser: Browser): Promise<string | null> {
  const context = await browser.newContext({ storageState: storageState('operator') });
  const page = await context.newPage();
  try {
    await page.goto('/operator/graduations');
    const firstRow = page.getByRole('table', { name: '毕业候选企业' }).locator('tbody tr').first();
    if ((await firstRow.count()) === 0) return null;
    const name = (await firstRow.locator('td').first().getByRole('link').innerText()).trim();
    await firstRow.getByRole('link', { name: `登记毕业：${name}` }).click();
    await page.getByLabel('证明说明').waitFor(SLOW);
    await page.getByLabel('证明说明').fill(`e2e 科委核验用证明 ${Date.now()}`);
    await page.getByLabel('证明材料').setInputFiles({ name: '证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '提交毕业登记' }).click();
    await expect(page).toHaveURL(/\/operator\/graduations\?view=recorded/, SLOW);
    return name;
  } finally {
    await context.close();
  }
}

/** A pending graduation's card: the one of `name`, or else the first one not in `skip`. */
async function pendingCard(page: Page, name: string | null, skip: string[]) {
  await page.goto('/committee/graduations?status=pending&size=100');
  if (name) return { name, card: page.getByRole('article', { name, exact: true }) };
  const headings = await page.getByRole('article').getByRole('heading', { level: 2 }).allInnerTexts();
  const pick = headings.map((h) => h.trim()).find((h) => !skip.includes(h));
  expect(pick, 'the demo network has pending graduations').toBeTruthy();
  return { name: pick!, card: page.getByRole('article', { name: pick!, exact: true }) };
}

test('find a carrier, open it, change its level and change it back', async ({ page }) => {
  await page.goto('/committee/carriers');
  await expect(page.getByRole('heading', { level: 1, name: '孵化载体' })).toBeVisible();
  await page.getByLabel('名称或运营主体').fill('软件园孵化器');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/q=/);
  const table = page.getByRole('table', { name: '孵化载体及其主要指标' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('link', { name: '浦东软件园孵化器' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '浦东软件园孵化器' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '国家级孵化器条件核对' })).toBeVisible();
  await expect(page.getByRole('table', { name: /国家级孵化器各项条件/ }).locator('tbody tr')).toHaveCount(14);

  const level = page.getByLabel('认定级别');
  const original = await level.inputValue();
  const changed = original === 'municipal' ? 'district' : 'municipal';
  await level.selectOption(changed);
  await page.getByRole('button', { name: '保存认定信息' }).click();
  await expect(page.getByRole('status').filter({ hasText: '认定信息已保存' })).toBeVisible(SLOW);
  await expect(page.getByText(changed === 'municipal' ? /孵化器 · 市级/ : /孵化器 · 区级/)).toBeVisible(SLOW);

  await level.selectOption(original);
  await page.getByRole('button', { name: '保存认定信息' }).click();
  await expect(page.getByRole('status').filter({ hasText: '认定信息已保存' })).toBeVisible(SLOW);
  await page.reload();
  await expect(page.getByLabel('认定级别')).toHaveValue(original);
});

test('verify one pending graduation and reject another with a reason', async ({ page, browser }) => {
  const recorded = [await recordAsOperator(browser), await recordAsOperator(browser)];

  const first = await pendingCard(page, recorded[0] ?? null, []);
  await expect(first.card.getByRole('table', { name: /毕业条件：申报与数据核对/ })).toBeVisible();
  await first.card.getByRole('button', { name: '核验通过' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已核验通过' }).first()).toBeVisible(SLOW);
  await expect(page).toHaveURL(/decided=verified/);
  await expect(page.getByRole('article', { name: first.name, exact: true })).toHaveCount(0);

  const second = await pendingCard(page, recorded[1] ?? null, [first.name]);
  // A rejection needs its reason.
  await second.card.getByRole('button', { name: '退回' }).click();
  await expect(second.card.getByLabel('退回原因')).toHaveAttribute('aria-invalid', 'true', SLOW);
  const reason = `e2e 退回：证明材料不全 ${Date.now()}`;
  await second.card.getByLabel('退回原因').fill(reason);
  await second.card.getByRole('button', { name: '退回' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已退回' }).first()).toBeVisible(SLOW);

  await page.goto('/committee/graduations?status=rejected&size=100');
  await expect(page.getByRole('article', { name: second.name, exact: true }).first()).toContainText(reason);
  await page.goto('/committee/graduations?status=verified&size=100');
  await expect(page.getByRole('article', { name: first.name, exact: true }).first()).toBeVisible();
});

test('open each warnings tab', async ({ page }) => {
  await page.goto('/committee/warnings');
  const tabs = page.getByRole('navigation', { name: '预警类型' });
  for (const [label, type] of [
    ['入驻预警', 'admission'],
    ['孵化超期', 'overdue'],
    ['报表缺报', 'missing_reports'],
  ] as const) {
    await tabs.getByRole('link', { name: new RegExp(`^${label}`) }).click();
    await expect(page).toHaveURL(new RegExp(`type=${type}`));
    await expect(tabs.getByRole('link', { name: new RegExp(`^${label}`) })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: `${label}列表` }).or(page.getByText(/没有|均已报送/))).toBeVisible();
  }
});

test('on English pages the warnings and graduations name carriers as the carrier pages do, in English', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  for (const path of [
    '/committee/warnings?type=admission',
    '/committee/warnings?type=overdue',
    '/committee/warnings?type=missing_reports',
    '/committee/graduations',
  ]) {
    await page.goto(path);
    const carrierLinks = page.locator('main a[href^="/committee/carriers/"]');
    const names = await carrierLinks.allInnerTexts();
    expect(names.length, `${path} lists carriers`).toBeGreaterThan(0);
    // Every demo carrier has an English name, so no carrier is named in Chinese here.
    expect(
      names.filter((n) => /\p{Script=Han}/u.test(n)),
      path,
    ).toEqual([]);
  }
});
