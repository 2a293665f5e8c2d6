import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { admitCompany, freshCode, unique } from './admission-flow';
import { signInWithDemoCode, storageState } from './accounts';

const INCUBATOR = '浦东软件园孵化器';
const NURSERY = '浦东软件园创业苗圃';

async function endStay(page: Page, ventureId: number, reason: string) {
  await page.goto(`/operator/ventures/${ventureId}/exit`);
  await page.getByRole('radio', { name: new RegExp(`^${reason}`) }).check();
  await page.getByRole('button', { name: '下一步：确认' }).click();
  await expect(page.getByRole('heading', { name: '请确认结束入驻' })).toBeFocused();
  await page.getByRole('button', { name: '确认结束入驻' }).click();
  await expect(page.getByRole('status')).toContainText('已结束');
}

async function seriousViolations(page: Page) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function signIn(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await signInWithDemoCode(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

test.describe('residency', () => {
  test.use({ storageState: storageState('operator') });

  test('admits a new company into the incubator and finds it on its page', async ({ page }) => {
    const name = unique('入驻测试企业');
    const id = await admitCompany(page, name, freshCode());
    await page.getByRole('link', { name: '查看项目详情' }).click();
    await expect(page).toHaveURL(new RegExp(`/operator/ventures/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(INCUBATOR).first()).toBeVisible();
  });

  test('names the wrong check character and keeps the input', async ({ page }) => {
    const good = freshCode();
    const wrongLast = good.endsWith('0') ? '1' : '0';
    const bad = good.slice(0, 17) + wrongLast;
    await page.goto('/operator/ventures/new');
    const name = unique('校验测试企业');
    await page.getByLabel('企业名称').fill(name);
    await page.getByLabel('统一社会信用代码').fill(bad);
    await page.getByLabel('成立日期').fill('2025-09-01');
    await page.getByLabel('所属行业').selectOption('ai');
    await page.getByRole('button', { name: '登记入驻' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '请更正标出的错误' })).toBeVisible();
    const code = page.getByLabel('统一社会信用代码');
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`第 18 位应为“${good[17]}”，实际为“${wrongLast}”`)).toBeVisible();
    await expect(code).toHaveValue(bad);
    await expect(page.getByLabel('企业名称')).toHaveValue(name);
    expect(await seriousViolations(page)).toEqual([]);

    await code.fill(`${good.slice(0, 7)}S${good.slice(8)}`);
    await page.getByRole('button', { name: '登记入驻' }).click();
    await expect(page.getByText('第 8 位字符“S”不允许')).toBeVisible();
  });

  test('admits a team into the nursery, then records its incorporation', async ({ page }) => {
    const team = unique('测试创业团队');
    await page.goto('/operator/ventures/new');
    await page.getByRole('radio', { name: /^创业团队/ }).check();
    await expect(page.getByLabel('统一社会信用代码')).toHaveCount(0);
    await expect(page.getByLabel('入驻载体')).toHaveValue(/\d+/);
    await expect(page.getByLabel('入驻载体').locator('option:checked')).toHaveText(NURSERY);
    await page.getByLabel('团队名称').fill(team);
    await page.getByLabel('所属行业').selectOption('ai');
    await page.getByLabel('入驻日期').fill('2025-08-01');
    await page.getByRole('button', { name: '登记入驻' }).click();
    await expect(page.getByRole('status')).toContainText(`“${team}”已登记入驻`);
    const href = await page.getByRole('link', { name: '查看项目详情' }).getAttribute('href');

    await page.goto(`${href}/incorporate`);
    await expect(page.getByRole('heading', { level: 1, name: '团队注册成立公司' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const company = `${team}有限公司`;
    await page.getByLabel('企业名称').fill(company);
    await page.getByLabel('统一社会信用代码').fill(freshCode());
    await page.getByLabel('成立日期').fill('2025-10-10');
    await page.getByLabel('入驻日期').fill('2025-11-01');
    await page.getByLabel('进入的孵化器').selectOption({ label: INCUBATOR });
    await page.getByRole('button', { name: '办理转入孵化器' }).click();
    await expect(page.getByRole('status')).toContainText(`“${company}”已转为企业并进入孵化器`);
    await page.getByRole('link', { name: '查看项目详情' }).click();
    await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
  });

  test('ends a stay only after an explicit confirmation', async ({ page }) => {
    const id = await admitCompany(page, unique('退出测试企业'), freshCode());
    await page.goto(`/operator/ventures/${id}/exit`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /^主动退出/ }).check();
    await page.getByRole('button', { name: '下一步：确认' }).click();
    await expect(page.getByRole('heading', { name: '请确认结束入驻' })).toBeVisible();
    await expect(page.getByText('此操作难以撤销')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '返回修改' }).click();
    await expect(page.getByRole('radio', { name: /^主动退出/ })).toBeChecked();
    await endStay(page, id, '主动退出');
    const res = await page.goto(`/operator/ventures/${id}/exit`);
    expect(res?.status()).toBe(404);
  });

  test('an accelerator admits a graduate by its credit code', async ({ page, browser }) => {
    test.slow(); // two accounts and four changes
    const code = freshCode();
    const id = await admitCompany(page, unique('毕业测试企业'), code);
    await endStay(page, id, '毕业');

    await page.goto('/operator/ventures/admit-graduate');
    await expect(page.getByText('只有加速器的运营方可以接收毕业企业')).toBeVisible();

    const { context, page: acc } = await signIn(browser, 'operator5@example.org');
    await acc.goto('/operator/ventures/admit-graduate');
    expect(await seriousViolations(acc)).toEqual([]);
    await acc.getByLabel('统一社会信用代码').fill(freshCode());
    await acc.getByRole('button', { name: '接收入驻' }).click();
    await expect(acc.getByText('没有找到使用该统一社会信用代码的企业')).toBeVisible();

    await acc.getByLabel('统一社会信用代码').fill(code);
    await acc.getByLabel('使用面积（m²）').fill('600');
    await acc.getByRole('button', { name: '接收入驻' }).click();
    await expect(acc.getByRole('status')).toContainText('已接收入驻');
    await expect(acc.getByRole('link', { name: '查看项目详情' })).toHaveAttribute('href', `/operator/ventures/${id}`);
    await context.close();
  });
});
