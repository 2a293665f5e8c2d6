import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState, type AccountKey } from './accounts';

/** For what waits on a server round trip (a save, a navigation). */
const ROUND_TRIP = { timeout: 30_000 };

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const NURSERY = '浦东软件园创业苗圃'; // operator1's
const PHARMA = '张江药谷孵化器'; // operator2's

async function as(browser: Browser, key: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(key) });
  return context.newPage();
}

/** Changes a carrier's contact person to `contact` and back, through its profile form; gives the carrier's id. */
async function touchContact(page: Page, carrier: string, contact: string): Promise<number> {
  await page.goto('/operator/carriers');
  await page.getByRole('table', { name: '我运营的孵化载体' }).getByRole('link', { name: carrier, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: carrier })).toBeVisible(ROUND_TRIP);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const field = page.getByLabel('联系人姓名');
  const original = await field.inputValue();
  for (const value of [contact, original]) {
    await field.fill(value);
    await page.getByRole('button', { name: '保存资料' }).click();
    await expect(page.getByRole('status')).toHaveText('载体资料已保存。', ROUND_TRIP);
  }
  return id;
}

test.describe.serial('audit log', () => {
  // Several saves and first compilations of a development server.
  test.describe.configure({ timeout: 240_000 });
  const mine = unique('审计甲');
  const theirs = unique('审计乙');
  let pharmaId = 0;

  test('an operator sees their own carriers’ entries only, and the carrier page its history', async ({ browser }) => {
    const other = await as(browser, 'operator2');
    pharmaId = await touchContact(other, PHARMA, theirs);
    await other.context().close();

    const page = await as(browser, 'operator');
    await touchContact(page, NURSERY, mine);
    await page.reload();
    const history = page.getByRole('table', { name: '变更记录' });
    await expect(history).toContainText(mine);
    await expect(history).toContainText('修改载体资料');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '操作日志' }).click();
    const log = page.getByRole('table', { name: '操作日志记录' });
    await expect(log).toContainText(mine, ROUND_TRIP);
    await expect(log).not.toContainText(theirs);
    await expect(page.getByRole('main')).not.toContainText(PHARMA);

    // Naming the other operator's carrier or record in the address shows nothing of it.
    for (const query of [`carrier=${pharmaId}`, `entity=carrier&entityId=${pharmaId}`]) {
      await page.goto(`/operator/audit?${query}`);
      await expect(page.getByText('没有符合条件的记录')).toBeVisible(ROUND_TRIP);
      await expect(page.getByRole('main')).not.toContainText(theirs);
    }
    await page.context().close();
  });

  test('the committee filters by record type and sees every carrier’s entries', async ({ browser }) => {
    const page = await as(browser, 'committee');
    await page.goto('/committee/audit');
    await page.getByRole('combobox', { name: '对象', exact: true }).selectOption({ label: '载体' });
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/entity=carrier/, ROUND_TRIP);
    const log = page.getByRole('table', { name: '操作日志记录' });
    await expect(log).toContainText(mine);
    await expect(log).toContainText(theirs);
    const records = await log.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(records.length).toBeGreaterThan(3);
    // A carrier is named, under its record type, never by its id.
    expect(records.every((r) => /^载体\n./.test(r) && !r.includes('#'))).toBe(true);
    // The action code is not shown, but the committee finds it on hover.
    await expect(log).not.toContainText('carrier.updateProfile');
    await expect(log.locator('[title="carrier.updateProfile"]').first()).toBeAttached();

    await page.getByLabel('对象编号').fill(String(pharmaId));
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`entityId=${pharmaId}`), ROUND_TRIP);
    await expect(log).toContainText(theirs);
    await expect(log).not.toContainText(mine);
    await page.context().close();
  });

  test('the carrier page of the committee shows the carrier’s history', async ({ browser }) => {
    const page = await as(browser, 'committee');
    await page.goto(`/committee/carriers/${pharmaId}`);
    await expect(page.getByRole('table', { name: '变更记录' })).toContainText(theirs, ROUND_TRIP);
    await page.getByRole('link', { name: /在操作日志中查看/ }).click();
    await expect(page).toHaveURL(new RegExp(`/committee/audit\\?entity=carrier&entityId=${pharmaId}`), ROUND_TRIP);
    await page.context().close();
  });

  test('the audit administrator sees the viewer with the export; the system administrator has none', async ({ browser }) => {
    const admin = await as(browser, 'admin');
    await admin.goto('/admin');
    await expect(admin.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(['账户管理']);
    await admin.context().close();

    const page = await as(browser, 'auditor');
    await page.goto('/');
    await expect(page).toHaveURL(/\/auditor$/, ROUND_TRIP);
    await expect(page.getByRole('heading', { level: 1, name: '操作日志' })).toBeVisible(ROUND_TRIP);
    await expect(page.getByRole('table', { name: '操作日志记录' })).toContainText(theirs);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.context().close();
  });
});
