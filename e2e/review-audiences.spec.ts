import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, storageState, type AccountKey } from './accounts';
import { attachAllAndSubmit, startDraft } from './subsidy-flow';

/**
 * Internal review stays internal (docs/review-audiences.md). Operator 1 applies; committee1 accepts
 * and reviews, committee2 reviews as well, committee3 approves and committee1 pays (with three
 * committee members no one is left to inspect: reviewers and the decider may not). Then every page
 * and export the operator can open of the application is read, as HTML and as the file's cells:
 * none holds the reviewers' names, scores, recommendations, recommended amounts, internal comments
 * or the committee's addresses, while the committee's own page and export hold all of them.
 */
test.describe.configure({ mode: 'serial' });

/** The demo committee members' names (db/seed/carriers.ts). */
const COMMITTEE_NAMES = ['王敏', '李强', '陈静'];
const COMMITTEE_EMAILS = [ACCOUNTS.committee, ACCOUNTS.committee2, ACCOUNTS.committee3];
const run = Date.now().toString(36);
const INTERNAL_1 = `内部评审意见甲-${run}`;
const INTERNAL_2 = `内部评审意见乙-${run}`;
/** Recommended amounts in yuan, and as fen in the audit entries. */
const RECOMMENDED = [
  { yuan: '93700', fen: '9370000', wan: '9.37 万元' },
  { yuan: '87600', fen: '8760000', wan: '8.76 万元' },
];
const SCORES = ['83', '71'];
const ACCEPT_NOTE = `材料齐全，予以受理（${run}）。`;
const DECISION_REASON = `经审议同意立项，核定资助 10 万元（${run}）。`;
const VOUCHER = `E2E-AUD-${run}`;
/** A client address as the audit table shows it. */
const AN_ADDRESS = /\b\d{1,3}(\.\d{1,3}){3}\b|::1|::ffff:/;

async function as(browser: Browser, who: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(who) });
  return context.newPage();
}

const done = (page: Page) => expect(page.getByText('已办理。')).toBeVisible();

async function openApplication(page: Page, id: number) {
  await page.goto(`/committee/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('资助申请 ');
}

async function review(page: Page, score: string, recommendation: string, yuan: string, comment: string) {
  await page.getByLabel('评分（0–100）').fill(score);
  await page.getByLabel('评审建议').selectOption(recommendation);
  await page.getByLabel('建议金额（元，可选）').fill(yuan);
  await page.getByLabel('评审意见（可选）').fill(comment);
  await page.getByRole('button', { name: '提交评审' }).click();
  await done(page);
}

/** The internal values found in a text (an HTML page or a file's cells). */
function internalIn(text: string, { amountsAsWan = true } = {}): string[] {
  const found: string[] = [];
  for (const v of [...COMMITTEE_NAMES, ...COMMITTEE_EMAILS, INTERNAL_1, INTERNAL_2, ...RECOMMENDED.map((r) => r.fen)]) if (text.includes(v)) found.push(v);
  if (amountsAsWan) for (const r of RECOMMENDED) if (text.includes(r.wan)) found.push(r.wan);
  // The audit log words a review as "评分：83 分，评审建议：建议资助…"; its raw form is `"score":83,"recommendation":"fund"`.
  for (const s of SCORES) if (new RegExp(`(score|评分)\\W{1,12}${s}\\b`).test(text)) found.push(`score ${s}`);
  if (/recommendation\W{1,12}fund|评审建议：建议/.test(text)) found.push('recommendation');
  return found;
}

async function cellsOf(request: APIRequestContext, path: string): Promise<string[][]> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  // Empty cells are holes in `values`: Array.from reads them as undefined.
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

/** The columns of the audit export (lib/server/audit-view/export.ts). */
const USER = 1;
const ACTION_CODE = 4;
const IP = 9;

let id = 0;

test('the workflow: submitted, accepted, reviewed twice, approved, paid', async ({ browser }) => {
  test.slow();
  const operator = await as(browser, 'operator');
  id = await startDraft(operator, /创业苗圃项目资助/, `评审保密检查（${run}）`, '150000');
  await attachAllAndSubmit(operator);

  const c1 = await as(browser, 'committee');
  await openApplication(c1, id);
  await c1.getByLabel('受理意见（可选）').fill(ACCEPT_NOTE);
  await c1.getByRole('button', { name: '受理', exact: true }).click();
  await done(c1);
  await review(c1, SCORES[0]!, 'fund_reduced', RECOMMENDED[0]!.yuan, INTERNAL_1);

  const c2 = await as(browser, 'committee2');
  await openApplication(c2, id);
  await review(c2, SCORES[1]!, 'fund', RECOMMENDED[1]!.yuan, INTERNAL_2);

  const c3 = await as(browser, 'committee3');
  await openApplication(c3, id);
  const decide = c3.getByRole('form', { name: '立项决定' });
  await decide.getByLabel('立项金额（元）').fill('100000');
  await decide.getByLabel('验收期限').fill(new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10));
  await decide.getByLabel('立项意见（可选）').fill(DECISION_REASON);
  await decide.getByRole('button', { name: '立项', exact: true }).click();
  await done(c3);

  await openApplication(c1, id);
  const payForm = c1.getByRole('form', { name: '拨付' });
  await payForm.getByLabel('拨付金额（元）').fill('100000');
  await payForm.getByLabel('凭证号').fill(VOUCHER);
  await payForm.getByRole('button', { name: '拨付', exact: true }).click();
  await payForm.getByRole('button', { name: '确认拨付' }).click();
  await done(c1);
  await expect(c1.getByText('已拨付', { exact: true }).first()).toBeVisible();
  for (const p of [operator, c1, c2, c3]) await p.context().close();
});

test('no page and no export of the operator holds an internal value of the review', async ({ browser }) => {
  expect(id, 'the workflow test ran').toBeGreaterThan(0);
  const operator = await as(browser, 'operator');
  const pages = [
    `/operator/applications/${id}`,
    `/operator/applications`,
    `/operator/audit?entity=application&entityId=${id}`,
    `/operator/audit`,
    `/operator/audit?action=application.review`,
    `/notifications`,
  ];
  for (const path of pages) {
    const res = await operator.request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(internalIn(html, { amountsAsWan: path.includes(String(id)) }), path).toEqual([]);
  }

  // The application's page: what was decided and why, the money, and the committee by its role.
  await operator.goto(`/operator/applications/${id}`);
  const main = operator.getByRole('main');
  await expect(main).toContainText(DECISION_REASON);
  await expect(main).toContainText(ACCEPT_NOTE);
  await expect(main).toContainText(VOUCHER);
  await expect(main).toContainText('科委工作人员');
  const history = operator.getByRole('table', { name: '变更记录' });
  await expect(history).toContainText('批准申报');
  await expect(history).not.toContainText('录入评审意见');
  // The action codes are for the readers of the whole log, not the operator.
  await expect(history.locator('[title^="application."]')).toHaveCount(0);
  const byCommittee = history.getByRole('row').filter({ hasText: '科委工作人员' });
  expect(await byCommittee.count()).toBeGreaterThanOrEqual(3);
  for (const row of await byCommittee.all()) await expect(row).not.toContainText(AN_ADDRESS);
  // The operator's own steps keep their name and address.
  await expect(history.getByRole('row').filter({ hasText: '提交申报' })).toContainText(AN_ADDRESS);

  // The reviews are not among the log's actions, the committee's members not among its users.
  await operator.goto('/operator/audit');
  await expect(operator.getByLabel('操作', { exact: true }).locator('option[value="application.review"]')).toHaveCount(0);
  const people = await operator.getByLabel('操作人', { exact: true }).locator('option').allTextContents();
  expect(people.filter((p) => COMMITTEE_NAMES.some((n) => p.includes(n)))).toEqual([]);

  // The export of the operator's log: the same entries, the same redaction.
  const cells = await cellsOf(operator.request, `/api/operator/export/audit?entity=application&entityId=${id}`);
  const body = cells.slice(1);
  expect(internalIn(cells.flat().join('\n')), 'operator export').toEqual([]);
  expect(body.map((r) => r[ACTION_CODE])).toEqual(
    expect.arrayContaining(['application.submit', 'application.accept', 'application.approve', 'application.pay']),
  );
  expect(body.map((r) => r[ACTION_CODE])).not.toContain('application.review');
  const committeeRows = body.filter((r) => r[USER] === '科委工作人员');
  expect(committeeRows.length).toBeGreaterThanOrEqual(3);
  for (const r of committeeRows) expect(r[IP], r.join(' | ')).toBe('');
  await operator.context().close();
});

test("the committee's page and export keep the reviews, the people and their addresses", async ({ browser }) => {
  expect(id, 'the workflow test ran').toBeGreaterThan(0);
  const c3 = await as(browser, 'committee3');
  const html = await (await c3.request.get(`/committee/applications/${id}`)).text();
  // The reviews' table gives the recommended amounts in 万元 in its heading.
  for (const v of [...COMMITTEE_NAMES, INTERNAL_1, INTERNAL_2, '9.37', '8.76']) expect(html.includes(v), v).toBe(true);

  const cells = await cellsOf(c3.request, `/api/committee/export/audit?entity=application&entityId=${id}`);
  const text = cells.flat().join('\n');
  for (const v of [...COMMITTEE_NAMES, RECOMMENDED[0]!.wan, RECOMMENDED[1]!.wan]) expect(text, v).toContain(v);
  expect(internalIn(text)).toEqual(expect.arrayContaining(['score 83', 'score 71', 'recommendation']));
  const reviews = cells.filter((r) => r[ACTION_CODE] === 'application.review');
  expect(reviews.map((r) => r[USER]).sort()).toEqual(['李强', '王敏'].sort());
  for (const r of reviews) expect(r[IP]).toMatch(AN_ADDRESS);
  await c3.context().close();
});
