import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';

/** For what waits on a server round trip (a save, a navigation). */
const ROUND_TRIP = { timeout: 30_000 };

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const NURSERY = '浦东软件园创业苗圃';

async function openProfile(page: Page) {
  await page.goto('/operator/carriers');
  await page.getByRole('table', { name: '我运营的孵化载体' }).getByRole('link', { name: NURSERY, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NURSERY })).toBeVisible(ROUND_TRIP);
}

test.describe('carrier profile', () => {
  test.use({ storageState: storageState('operator') });
  // Each test saves through the server several times; a development server compiles on first use.
  test.describe.configure({ timeout: 180_000 });

  test('lists the operator’s carriers and saves an edited profile', async ({ page }) => {
    await openProfile(page);
    const original = { contact: await page.getByLabel('联系人姓名').inputValue(), workstations: await page.getByLabel('工位数').inputValue() };
    const contact = unique('联系人');
    const workstations = String(100 + Math.floor(Math.random() * 200));
    await page.getByLabel('联系人姓名').fill(contact);
    await page.getByLabel('工位数').fill(workstations);
    await page.getByLabel('金融科技').check();
    await page.getByRole('button', { name: '保存资料' }).click();
    await expect(page.getByRole('status')).toHaveText('载体资料已保存。', ROUND_TRIP);

    await page.reload();
    await expect(page.getByLabel('联系人姓名')).toHaveValue(contact);
    await expect(page.getByLabel('工位数')).toHaveValue(workstations);
    await expect(page.getByLabel('金融科技')).toBeChecked();
    // Put the demo carrier back as it was.
    await page.getByLabel('金融科技').uncheck();
    await page.getByLabel('联系人姓名').fill(original.contact);
    await page.getByLabel('工位数').fill(original.workstations);
    await page.getByRole('button', { name: '保存资料' }).click();
    await expect(page.getByRole('status')).toHaveText('载体资料已保存。', ROUND_TRIP);
  });

  test('refuses an incubation area larger than the total and keeps the input', async ({ page }) => {
    await openProfile(page);
    const total = Number(await page.getByLabel('总面积（m²）').inputValue());
    const publicService = Number(await page.getByLabel('公共服务场地面积（m²）').inputValue());
    const contact = unique('未保存');
    await page.getByLabel('孵化场地面积（m²）').fill(String(total + 1));
    await page.getByLabel('联系人姓名').fill(contact);
    await page.getByRole('button', { name: '保存资料' }).click();

    const incubation = page.getByLabel('孵化场地面积（m²）');
    await expect(page.getByRole('alert').filter({ hasText: '请更正标出的错误' })).toBeVisible(ROUND_TRIP);
    await expect(incubation).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`不能大于 ${Math.max(0, total - publicService)}。`)).toBeVisible();
    await expect(incubation).toHaveValue(String(total + 1));
    await expect(page.getByLabel('联系人姓名')).toHaveValue(contact);

    await page.reload();
    await expect(page.getByLabel('联系人姓名')).not.toHaveValue(contact);
  });

  test('shows the committee’s accreditation read-only', async ({ page }) => {
    await openProfile(page);
    const accreditation = page.locator('section').filter({ hasText: '认定信息' });
    await expect(accreditation.getByText('创业苗圃', { exact: true })).toBeVisible();
    await expect(accreditation.getByText('市级', { exact: true })).toBeVisible();
    for (const label of ['类型', '认定级别', '状态', '载体名称', '运营主体', '所在片区']) {
      await expect(page.getByLabel(label, { exact: true })).toHaveCount(0);
    }
    await expect(page.locator('[name="kind"], [name="level"], [name="name"], [name="zone"]')).toHaveCount(0);
  });
});
