import { expect, test, type Page } from '@playwright/test';
import { buildCreditCode } from '../lib/domain/credit-code';
import { storageState } from './accounts';

/**
 * A venture passing from operator 1's incubator to operator 2's (docs/data-ownership.md): the
 * admission form refuses an entry date inside the earlier stay and says why; afterwards operator 1
 * reads its own period read-only instead of a 404, and cannot open the edit page.
 */
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const freshCode = () => buildCreditCode('91', '310115', `MQ${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`);

async function fillCompany(page: Page, carrier: string, name: string, code: string, enteredOn: string) {
  await page.goto('/operator/ventures/new');
  await page.getByRole('radio', { name: /^企业/ }).check();
  const carrierSelect = page.getByLabel('入驻载体');
  if (await carrierSelect.isVisible()) await carrierSelect.selectOption({ label: carrier });
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByLabel('成立日期').fill('2025-01-01');
  await page.getByLabel('所属行业').selectOption('software');
  await page.getByLabel('入驻日期').fill(enteredOn);
  await page.getByLabel('使用面积（m²）').fill('100');
  await page.getByLabel('工位数').fill('5');
  await page.getByRole('button', { name: '登记入驻' }).click();
}

test('a venture that moved on: no back-dating, and the earlier carrier keeps its period read-only', async ({ browser }) => {
  const one = await browser.newContext({ storageState: storageState('operator') });
  const two = await browser.newContext({ storageState: storageState('operator2') });
  const p1 = await one.newPage();
  const p2 = await two.newPage();
  const name = unique('交接测试企业');
  const code = freshCode();

  await fillCompany(p1, '浦东软件园孵化器', name, code, '2025-03-01');
  await expect(p1.getByRole('status')).toContainText(`“${name}”已登记入驻`);
  const id = Number((await p1.getByRole('link', { name: '查看项目详情' }).getAttribute('href'))!.split('/').pop());
  await p1.goto(`/operator/ventures/${id}/exit`);
  await p1.getByRole('radio', { name: /^迁往其他载体/ }).check();
  await p1.getByLabel('结束日期').fill('2025-09-01');
  await p1.getByRole('button', { name: '下一步：确认' }).click();
  await p1.getByRole('button', { name: '确认结束入驻' }).click();
  await expect(p1.getByRole('status')).toContainText('已结束');

  // Operator 2: an entry date inside operator 1's stay is refused with the day it ended.
  await fillCompany(p2, '张江药谷孵化器', name, code, '2025-08-01');
  await expect(p2.getByText('该企业上一段在孵已于 2025-09-01 结束，新的入驻日期不得早于该日。')).toBeVisible();
  await p2.getByLabel('入驻日期').fill('2025-09-01');
  await p2.getByRole('button', { name: '登记入驻' }).click();
  await expect(p2.getByRole('status')).toContainText(`“${name}”已登记入驻`);

  // Operator 1: its own period, read-only, with the notice; the edit page does not exist for it.
  const page = await p1.goto(`/operator/ventures/${id}`);
  expect(page?.status()).toBe(200);
  await expect(p1.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(p1.getByText('该企业已不在贵单位载体在孵')).toBeVisible();
  await expect(p1.getByRole('link', { name: '编辑信息' })).toHaveCount(0);
  expect((await p1.goto(`/operator/ventures/${id}/edit`))?.status()).toBe(404);
  // Operator 2 sees the venture and its own stay, nothing of operator 1's.
  await p2.goto(`/operator/ventures/${id}`);
  await expect(p2.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(p2.getByText('浦东软件园孵化器')).toHaveCount(0);
  await one.close();
  await two.close();
});
