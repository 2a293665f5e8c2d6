import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState, type AccountKey } from './accounts';
import { attachAllAndSubmit, startDraft } from './subsidy-flow';

/**
 * The whole subsidy loop in the browser, with three committee members (分权制衡): operator 1
 * submits an application with its documents; committee1 accepts and reviews, committee2
 * decides, committee3 inspects, and someone allowed pays; the operator follows the timeline and
 * the notifications. Each test submits its own application, so a retry starts afresh.
 */
test.describe.configure({ mode: 'serial' });

const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function as(browser: Browser, who: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(who) });
  return context.newPage();
}

/** Operator 1 submits an application to the programme named; returns its committee page's address. */
async function submitted(browser: Browser, programme: RegExp, purpose: string): Promise<{ operator: Page; url: string; refNo: string }> {
  const operator = await as(browser, 'operator');
  const id = await startDraft(operator, programme, purpose, '150000');
  const refNo = (await operator.getByRole('heading', { level: 1 }).innerText()).replace('申请 ', '').trim();
  await attachAllAndSubmit(operator);
  const url = `/committee/applications/${id}`;
  return { operator, url, refNo };
}

async function open(page: Page, url: string, refNo: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`资助申请 ${refNo}`);
}

/** The operator sees the steps in the timeline and the last status change among the notifications. */
async function operatorFollows(operator: Page, id: string, refNo: string, steps: string[], lastStatus: string) {
  await operator.goto(`/operator/applications/${id}`);
  for (const step of steps) await expect(operator.getByText(step).first()).toBeVisible();
  await operator.goto('/notifications');
  await expect(operator.getByRole('link', { name: `资助申请 ${refNo} 状态变为：${lastStatus}` })).toBeVisible();
}

const amount = (page: Page, label: string) =>
  page
    .locator('dl[aria-label="金额"] > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

async function done(page: Page) {
  await expect(page.getByText('已办理。')).toBeVisible();
}

async function acceptAndReview(page: Page) {
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await done(page);
  await expect(page.getByLabel('评分（0–100）')).toBeVisible();
  await page.getByLabel('评分（0–100）').fill('86');
  await page.getByLabel('评审建议').selectOption('fund_reduced');
  await page.getByLabel('建议金额（元，可选）').fill('100000');
  await page.getByLabel('评审意见（可选）').fill('技术路线清晰，建议减额资助。');
  await page.getByRole('button', { name: '提交评审' }).click();
  await done(page);
  await expect(page.getByText('已评审', { exact: true }).first()).toBeVisible();
  // The reviewer may not decide: no decision form, and the reason is given.
  await expect(page.getByRole('form', { name: '立项决定' })).toHaveCount(0);
  await expect(page.getByText('您评审过该申请，按分权制衡规定不能立项或验收').first()).toBeVisible();
}

async function approve(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('资助申请 ');
  const decide = page.getByRole('form', { name: '立项决定' });
  await expect(decide).toBeVisible();
  await decide.getByLabel('立项金额（元）').fill('100000');
  await decide.getByLabel('验收期限').fill(shanghaiDay(200));
  await decide.getByLabel('立项意见（可选）').fill('同意立项。');
  await decide.getByRole('button', { name: '立项', exact: true }).click();
  await done(page);
  await expect(amount(page, '立项金额')).toHaveText('10.00 万元');
}

async function pay(page: Page, yuan: string, voucher: string, { doubleClick = false } = {}) {
  const form = page.getByRole('form', { name: '拨付' });
  await form.getByLabel('拨付金额（元）').fill(yuan);
  await form.getByLabel('凭证号').fill(voucher);
  await form.getByRole('button', { name: '拨付', exact: true }).click();
  const confirm = form.getByRole('button', { name: '确认拨付' });
  await expect(form.getByRole('alertdialog')).toContainText(voucher);
  if (doubleClick) await confirm.dblclick();
  else await confirm.click();
}

test('pre-funded: accept and review, decide, pay in two parts, inspect', async ({ browser }) => {
  test.slow();
  const { operator, url, refNo } = await submitted(browser, /创业苗圃项目资助/, '苗圃团队原型验证（全流程）');
  const c1 = await as(browser, 'committee');
  await open(c1, url, refNo);
  await expect(c1.getByRole('form', { name: '受理' })).toBeVisible();
  await acceptAndReview(c1);

  const c2 = await as(browser, 'committee2');
  await approve(c2, url);
  // The decider may not pay (审批与支付分离).
  await expect(c2.getByRole('form', { name: '拨付' })).toHaveCount(0);
  await expect(c2.getByText('您已对该申请作出立项决定，按审批与支付分离的规定，须由其他工作人员办理拨付').first()).toBeVisible();

  // committee1 (acceptor and reviewer) pays. Paying more than approved is refused with the
  // amount still payable; the input stays.
  await open(c1, url, refNo);
  const payForm = c1.getByRole('form', { name: '拨付' });
  await pay(c1, '120000', 'E2E-PF-0');
  await expect(payForm.getByRole('alert')).toBeVisible();
  await expect(payForm).toContainText('拨付金额超过尚可拨付的 10.00 万元');
  await expect(payForm.getByLabel('凭证号')).toHaveValue('E2E-PF-0');
  // A double click on the confirmation pays once.
  await pay(c1, '60000', 'E2E-PF-1', { doubleClick: true });
  await done(c1);
  await expect(amount(c1, '已拨付')).toHaveText('6.00 万元');
  await expect(c1.getByRole('table', { name: '拨付记录' }).getByRole('row')).toHaveCount(2);
  await pay(c1, '40000', 'E2E-PF-2');
  await expect(amount(c1, '已拨付')).toHaveText('10.00 万元');
  await expect(c1.getByRole('table', { name: '拨付记录' }).getByRole('row')).toHaveCount(3);
  // The decider may not inspect either.
  await c2.reload();
  await expect(c2.getByRole('form', { name: '验收' })).toHaveCount(0);
  await expect(c2.getByText('您已对该申请作出立项决定，按分权制衡规定不能评审或验收').first()).toBeVisible();

  const c3 = await as(browser, 'committee3');
  await open(c3, url, refNo);
  const inspect = c3.getByRole('form', { name: '验收' });
  await expect(inspect).toBeVisible();
  await expect(inspect.getByLabel('核定金额（元）')).toHaveCount(0);
  await inspect.getByLabel('验收意见').fill('建设内容已完成，指标达标。');
  await inspect.getByRole('button', { name: '提交验收' }).click();
  await done(c3);
  await expect(c3.getByText('验收通过', { exact: true }).first()).toBeVisible();
  await expect(amount(c3, '立项金额')).toHaveText('10.00 万元');
  await expect(amount(c3, '已拨付')).toHaveText('10.00 万元');
  const timeline = c3.getByRole('list', { name: '办理记录' });
  for (const step of ['已提交 → 评审中', '评审中 → 已评审', '已评审 → 已立项', '已立项 → 已拨付', '已拨付 → 验收通过'])
    await expect(timeline).toContainText(step);
  await expect(timeline).toContainText('同意立项。');
  await expect(c3.getByText('当前没有您可办理的操作。')).toBeVisible();

  await operatorFollows(operator, url.split('/').pop()!, refNo, ['已提交 → 评审中', '已立项 → 已拨付', '已拨付 → 验收通过', '同意立项。'], '验收通过');
});

test('post-subsidy: accept and review, decide, inspect with a reduced amount, then pay', async ({ browser }) => {
  test.slow();
  const { operator, url, refNo } = await submitted(browser, /研发投入后补贴/, '年度研发投入后补贴（全流程）');
  const c1 = await as(browser, 'committee');
  await open(c1, url, refNo);
  await acceptAndReview(c1);

  const c2 = await as(browser, 'committee2');
  await approve(c2, url);
  // Post-subsidy money waits for the inspection.
  await expect(c2.getByRole('form', { name: '拨付' })).toHaveCount(0);

  const c3 = await as(browser, 'committee3');
  await open(c3, url, refNo);
  const inspect = c3.getByRole('form', { name: '验收' });
  const final = inspect.getByLabel('核定金额（元）');
  await final.fill('120000');
  await inspect.getByLabel('验收意见').fill('研发投入部分达标，按实际投入核定。');
  await inspect.getByRole('button', { name: '提交验收' }).click();
  await expect(inspect.getByRole('alert')).toBeVisible();
  await expect(inspect).toContainText('核定金额不得超过立项金额（10.00 万元）');
  await expect(inspect.getByLabel('验收意见')).toHaveValue('研发投入部分达标，按实际投入核定。');
  await final.fill('80000');
  await inspect.getByRole('button', { name: '提交验收' }).click();
  await done(c3);
  await expect(amount(c3, '核定金额')).toHaveText('8.00 万元');

  // committee1 (acceptor and reviewer) may pay; committee2, who decided, may not (审批与支付分离).
  await open(c1, url, refNo);
  const payForm = c1.getByRole('form', { name: '拨付' });
  await expect(payForm.getByLabel('拨付金额（元）')).toHaveValue('80000');
  await pay(c1, '80000', 'E2E-PS-1');
  await done(c1);
  await expect(c1.getByText('已拨付', { exact: true }).first()).toBeVisible();
  await expect(amount(c1, '立项金额')).toHaveText('10.00 万元');
  await expect(amount(c1, '核定金额')).toHaveText('8.00 万元');
  await expect(amount(c1, '已拨付')).toHaveText('8.00 万元');
  // Paid in full and closed: nothing more can be paid, so no amount is offered.
  await expect(amount(c1, '尚可拨付')).toHaveText('—');
  const timeline = c1.getByRole('list', { name: '办理记录' });
  for (const step of ['已评审 → 已立项', '已立项 → 验收通过', '验收通过 → 已拨付']) await expect(timeline).toContainText(step);
  await expect(c1.getByRole('form', { name: '拨付' })).toHaveCount(0);

  await operatorFollows(operator, url.split('/').pop()!, refNo, ['已立项 → 验收通过', '验收通过 → 已拨付'], '已拨付');
});

test('a blacklisted carrier is flagged in the queue until the entry is lifted', async ({ browser }) => {
  const page = await as(browser, 'committee');
  const carrier = '临港海洋高新孵化器';
  await page.goto('/committee/blacklist');
  const add = page.getByRole('form', { name: '新增黑名单记录' });
  await add.getByRole('radio', { name: '载体' }).check();
  const select = add.getByLabel('列入黑名单的载体');
  await select.selectOption({ label: carrier });
  const carrierId = await select.inputValue();
  await add.getByLabel('失信行为').fill('未按规定报送孵化载体年度统计数据。');
  await add.getByLabel('处理结果').fill('一年内不得申报区级科技专项。');
  await add.getByLabel('处理依据').fill('沪科规〔2024〕12号');
  await add.getByLabel('处理机关').fill('浦东新区科技和经济委员会');
  await add.getByRole('button', { name: '列入黑名单' }).click();
  await expect(add.getByText('已列入黑名单。')).toBeVisible();
  await expect(page.getByRole('table', { name: '黑名单记录' })).toContainText(carrier);

  await page.goto(`/committee/applications?carrier=${carrierId}`);
  const queue = page.getByRole('table', { name: '资助申请评审队列' });
  await expect(queue.getByText('黑名单', { exact: true }).first()).toBeVisible();
  // The queue, filtered as shown, exports to Excel.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.goto(`/committee/blacklist?q=${encodeURIComponent(carrier)}`);
  await page.getByRole('button', { name: `移出黑名单：${carrier}` }).click();
  const lift = page.getByRole('form', { name: `移出黑名单：${carrier}` });
  await lift.getByLabel('移出理由').fill('已补报统计数据，经审议同意移出。');
  await lift.getByRole('button', { name: '移出', exact: true }).click();
  await lift.getByRole('button', { name: '确认移出' }).click();
  await expect(page.getByText('没有符合筛选条件的记录。')).toBeVisible();
  await page.goto(`/committee/blacklist?state=lifted&q=${encodeURIComponent(carrier)}`);
  await expect(page.getByRole('table', { name: '黑名单记录' })).toContainText(carrier);

  await page.goto(`/committee/applications?carrier=${carrierId}`);
  await expect(page.getByRole('table', { name: '资助申请评审队列' })).toBeVisible();
  await expect(page.getByRole('table', { name: '资助申请评审队列' }).getByText('黑名单', { exact: true })).toHaveCount(0);
});

test('programmes: create one, then edit it; budget execution is shown and exported', async ({ browser }) => {
  const page = await as(browser, 'committee');
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.goto('/committee/programmes/new');
  const form = page.getByRole('form', { name: '专项信息' });
  await form.getByLabel('专项编号').fill(code);
  await form.getByLabel('中文名称').fill('端到端测试专项');
  await form.getByLabel('英文名称').fill('End-to-end test programme');
  await form.getByLabel('资助方式').selectOption('post_subsidy');
  await form.getByLabel('预算（元）').fill('1000000');
  await form.getByLabel('单项资助上限（元）').fill('2000000');
  await form.getByLabel('截止申报日期').fill(shanghaiDay(60));
  const documents = form.getByRole('group', { name: '必需材料类型' });
  await documents.getByRole('checkbox', { name: '营业执照' }).check();
  await documents.getByRole('checkbox', { name: '财务报表' }).check();
  await form.getByRole('button', { name: '创建专项' }).click();
  await expect(form.getByText('单项上限不得超过专项预算')).toBeVisible();
  await expect(form.getByLabel('专项编号')).toHaveValue(code);
  await form.getByLabel('单项资助上限（元）').fill('200000');
  await form.getByRole('button', { name: '创建专项' }).click();
  await expect(page.getByText('专项已保存。')).toBeVisible();
  await expect(page.getByRole('form', { name: '专项信息' }).getByRole('checkbox', { name: '营业执照' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
  const edit = page.getByRole('form', { name: '专项信息' });
  await expect(edit.getByLabel('资助方式')).toBeEnabled();
  await edit.getByLabel('预算（元）').fill('1500000');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('已保存。')).toBeVisible();

  await page.goto('/committee/programmes');
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('150.00');
  await expect(row).toContainText('0.0%');
  await expect(page.getByRole('table', { name: '各年度预算执行' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出预算执行 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // A programme with applications shows its applicant type and mode read-only.
  await page.goto('/committee/programmes?category=construction');
  await page.getByRole('row').filter({ hasText: '孵化器建设资助' }).first().getByRole('link').click();
  await expect(page.getByText(/已有 \d+ 份申请/)).toBeVisible();
  await expect(page.getByLabel('资助方式')).toBeDisabled();
  await expect(page.getByLabel('申报主体')).toBeDisabled();
});
