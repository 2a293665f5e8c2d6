import { expect, type Page } from '@playwright/test';
import { buildCreditCode } from '../lib/domain/credit-code';

export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** A valid credit code with a random organisation code (digits after two letters, so no forbidden letters). */
export const freshCode = (letters = 'ME') => buildCreditCode('91', '310115', `${letters}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`);

/** Operator 1 admits a new company to its incubator through the form; returns the venture's id. */
export async function admitCompany(page: Page, name: string, code: string, carrier = '浦东软件园孵化器') {
  await page.goto('/operator/ventures/new');
  await page.getByRole('radio', { name: /^企业/ }).check();
  await page.getByLabel('入驻载体').selectOption({ label: carrier });
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByLabel('成立日期').fill('2025-09-01');
  await page.getByLabel('所属行业').selectOption('software');
  await page.getByLabel('入驻日期').fill('2025-10-01');
  await page.getByLabel('使用面积（m²）').fill('120');
  await page.getByLabel('工位数').fill('10');
  await page.getByRole('button', { name: '登记入驻' }).click();
  await expect(page.getByRole('status')).toContainText(`“${name}”已登记入驻`);
  const href = await page.getByRole('link', { name: '查看项目详情' }).getAttribute('href');
  return Number(href!.split('/').pop());
}
