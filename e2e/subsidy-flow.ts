import { expect, type Page } from '@playwright/test';

/** What an operator does to apply for a subsidy, shared by the operator's and the committee's specs. */

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };
export const pdf = (name: string): UploadFile => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
});

/**
 * Opens a new draft in the open programme named, for the first applicant that has not applied
 * yet (so that every run, and every retry, applies afresh), with one performance indicator.
 * Returns the application's id.
 */
export async function startDraft(page: Page, programme: RegExp, purpose: string, yuan: string): Promise<number> {
  await page.goto('/operator/applications/programmes');
  const region = page.getByRole('region', { name: programme });
  await expect(region.getByText('单项资助上限')).toBeVisible();
  // A programme with many applicants keeps its list folded.
  if ((await region.locator('details').getAttribute('open')) === null) await region.locator('summary').click();
  await region
    .getByRole('link', { name: /^申报：/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '新建资助申请' })).toBeVisible();
  await expect(page.getByLabel('专项')).toHaveValue(/\d+/);
  await expect(page.getByLabel('申报企业')).not.toHaveValue('');
  await page.getByLabel('申请用途').fill(purpose);
  await page.getByLabel('申请金额（元）').fill(yuan);
  await page.getByRole('button', { name: '添加指标' }).click();
  await page.getByLabel('指标 1 名称').fill('完成产品原型');
  await page.getByLabel('指标 1 单位').fill('个');
  await page.getByLabel('指标 1 目标值').fill('1');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/operator\/applications\/\d+\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: '草稿已保存' })).toBeVisible();
  return Number(/applications\/(\d+)/.exec(page.url())![1]);
}

/** Uploads one file as the document type chosen (by its label), or the first one still missing. */
export async function upload(page: Page, file: UploadFile, documentLabel?: string) {
  if (documentLabel) await page.getByLabel('材料类型').selectOption({ label: documentLabel });
  await page.getByLabel('文件', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: '上传', exact: true }).click();
}

/** Attaches a PDF for every required document the programme names, then submits. */
export async function attachAllAndSubmit(page: Page) {
  const required = await page.getByRole('heading', { name: '专项要求的材料' }).locator('xpath=following-sibling::ul/li').count();
  expect(required).toBeGreaterThan(0);
  for (let i = 1; i <= required; i++) {
    await upload(page, pdf(`材料${i}.pdf`));
    await expect(page.getByRole('link', { name: `材料${i}.pdf` })).toBeVisible();
  }
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('status').filter({ hasText: '申请已提交' })).toBeVisible();
}
