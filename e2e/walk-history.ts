import { expect, type Browser, type Page } from '@playwright/test';
import { storageState, type AccountKey } from './accounts';
import { attachAllAndSubmit, startDraft } from './subsidy-flow';

/**
 * A history for the walk to read: the demo network starts with an empty audit log, so before the
 * walk an application goes the whole way through the browser (operator 1 drafts and submits it
 * with its documents; committee1 accepts and reviews it with a score and a recommendation;
 * committee2 decides; committee1 pays part of it). The audit log, the record's timeline and the
 * notifications then hold every kind of change the walk must read in words.
 */
const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function as(browser: Browser, baseURL: string, who: AccountKey): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: storageState(who) });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: baseURL }]);
  return context.newPage();
}

const done = (page: Page) => expect(page.getByText('已办理。')).toBeVisible();

export async function makeHistory(browser: Browser, baseURL: string) {
  const operator = await as(browser, baseURL, 'operator');
  const id = await startDraft(operator, /创业苗圃项目资助/, '苗圃团队原型验证（走查）', '150000');
  await attachAllAndSubmit(operator);
  const url = `/committee/applications/${id}`;

  const c1 = await as(browser, baseURL, 'committee');
  await c1.goto(url);
  await c1.getByRole('button', { name: '受理', exact: true }).click();
  await done(c1);
  await c1.getByLabel('评分（0–100）').fill('86');
  await c1.getByLabel('评审建议').selectOption('fund_reduced');
  await c1.getByLabel('建议金额（元，可选）').fill('100000');
  await c1.getByLabel('评审意见（可选）').fill('技术路线清晰，建议减额资助。');
  await c1.getByRole('button', { name: '提交评审' }).click();
  await done(c1);

  const c2 = await as(browser, baseURL, 'committee2');
  await c2.goto(url);
  const decide = c2.getByRole('form', { name: '立项决定' });
  await decide.getByLabel('立项金额（元）').fill('100000');
  await decide.getByLabel('验收期限').fill(shanghaiDay(200));
  await decide.getByLabel('立项意见（可选）').fill('同意立项。');
  await decide.getByRole('button', { name: '立项', exact: true }).click();
  await done(c2);

  await c1.goto(url);
  const pay = c1.getByRole('form', { name: '拨付' });
  await pay.getByLabel('拨付金额（元）').fill('60000');
  // A voucher number is registered once: a retried walk pays with a new one.
  await pay.getByLabel('凭证号').fill(`WALK-${Date.now().toString(36).toUpperCase()}`);
  await pay.getByRole('button', { name: '拨付', exact: true }).click();
  await pay.getByRole('button', { name: '确认拨付' }).click();
  await done(c1);

  for (const page of [operator, c1, c2]) await page.context().close();
  return id;
}
