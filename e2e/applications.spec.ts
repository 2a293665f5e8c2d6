import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';
import { attachAllAndSubmit, pdf, startDraft as startNursery, upload as uploadAs, type UploadFile } from './subsidy-flow';

/**
 * The operator's side of a subsidy application, on the demo network: operator 1 runs a nursery
 * whose teams may apply to this year's nursery project programme (PD-<year>-FH-05, cap 20 万元,
 * three required documents), which the demo seed keeps open around today.
 */
test.use({ storageState: storageState('operator') });

const PROGRAMME = /创业苗圃项目资助/;
const REQUIRED = ['团队负责人身份证明', '项目计划书', '苗圃推荐意见'];
// A Windows program renamed to .pdf: its first bytes say what it is.
const exe = { name: 'setup.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]) };

const startDraft = (page: Page, purpose: string, yuan: string) => startNursery(page, PROGRAMME, purpose, yuan);
const upload = (page: Page, documentLabel: string, file: UploadFile) => uploadAs(page, file, documentLabel);

test.describe('subsidy applications (operator)', () => {
  test('drafts an application, attaches its documents, submits it and follows it', async ({ page, browser }) => {
    test.slow();
    await startDraft(page, '苗圃团队原型开发与市场验证', '150000');
    const refNo = (await page.getByRole('heading', { level: 1 }).innerText()).replace('申请 ', '').trim();
    await expect(page.getByRole('cell', { name: '完成产品原型', exact: true })).toBeVisible();
    await expect(page.getByText('15.00 万元').first()).toBeVisible();
    // A draft is deleted, never withdrawn: it offers 删除草稿 and no 撤回申请.
    await expect(page.getByRole('button', { name: '删除草稿' })).toBeVisible();
    await expect(page.getByRole('button', { name: '撤回申请' })).toHaveCount(0);

    // A program renamed to .pdf is refused by the server, which reads its first bytes.
    await upload(page, REQUIRED[0]!, exe);
    await expect(page.getByRole('alert').filter({ hasText: '文件“setup.pdf”不是 PDF、PNG 或 JPEG' })).toBeVisible();

    for (const [i, label] of REQUIRED.entries()) {
      await upload(page, label, pdf(`材料${i + 1}.pdf`));
      await expect(page.getByRole('link', { name: `材料${i + 1}.pdf` })).toBeVisible();
    }
    const table = page.getByRole('table', { name: '已上传的申报材料' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    const download = await page.request.get((await page.getByRole('link', { name: '材料1.pdf' }).getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');

    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.getByRole('status').filter({ hasText: '申请已提交' })).toBeVisible();
    await expect(page.getByText('已提交', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('等待科委受理，无需操作；受理前可撤回')).toBeVisible();
    await expect(page.getByText('草稿 → 已提交')).toBeVisible();
    // Submitted: read-only, no edit, submit or delete; withdrawing is still possible.
    await expect(page.getByRole('button', { name: '提交申请' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '修改', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '删除草稿' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '上传', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '撤回申请' })).toBeVisible();

    // The list shows it with its status and what is expected next.
    await page.goto('/operator/applications?status=submitted');
    const row = page.getByRole('table', { name: '资助申请列表' }).getByRole('row').filter({ hasText: refNo });
    await expect(row).toContainText('已提交');
    await expect(row).toContainText('等待科委受理');

    // The bell counts the status change; the notifications page lists it, and the user marks it read.
    const bell = page.getByRole('link', { name: /^通知：\d+ 条未读$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
    const notice = page.getByRole('link', { name: `资助申请 ${refNo} 状态变为：已提交` });
    await expect(notice).toBeVisible();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText('所有通知已标为已读。')).toBeVisible();
    await page.goto('/operator');
    await expect(page.getByRole('link', { name: '通知', exact: true })).toBeVisible();
    await page.goto('/notifications');
    await page.getByRole('link', { name: `资助申请 ${refNo} 状态变为：已提交` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `申请 ${refNo}` })).toBeVisible();

    // Committee staff hear of the submission, with a link into their own area.
    const committee = await browser.newContext({ storageState: storageState('committee') });
    const staff = await committee.newPage();
    await staff.goto('/notifications');
    await expect(staff.getByRole('link', { name: `收到新的资助申请 ${refNo}` })).toHaveAttribute('href', /^\/committee\/applications\/\d+$/);
    await committee.close();
  });

  test('lists every failed check of a refused submission, reports a stale page, and deletes a draft after confirmation', async ({ page, context }) => {
    test.slow();
    const id = await startDraft(page, '超过上限的申请', '250000');

    // A second tab changes the application meanwhile: this tab's version is stale.
    const other = await context.newPage();
    await other.goto(`/operator/applications/${id}`);
    await upload(other, REQUIRED[1]!, pdf('计划书.pdf'));
    await expect(other.getByRole('link', { name: '计划书.pdf' })).toBeVisible();
    await other.close();

    await page.getByRole('button', { name: '提交申请' }).click();
    const stale = page.getByRole('alert').filter({ hasText: '他人修改' });
    await expect(stale).toBeVisible();
    await stale.getByRole('button', { name: '重新载入最新版本' }).click();
    await expect(page.getByRole('link', { name: '计划书.pdf' })).toBeVisible();

    await page.getByRole('button', { name: '提交申请' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '申请未能提交' });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole('listitem')).toHaveCount(2);
    await expect(refusal).toContainText('金额超过专项单项资助上限（20.00 万元）');
    await expect(refusal).toContainText('缺少必需的申报材料：团队负责人身份证明、苗圃推荐意见');
    await expect(page.getByText('草稿', { exact: true }).first()).toBeVisible();

    // Editing keeps the draft; a bad amount is refused next to the field with the input kept.
    await page.getByRole('link', { name: '修改', exact: true }).click();
    await expect(page.getByLabel('申请金额（元）')).toHaveValue('250000.00');
    await page.getByLabel('申请金额（元）').fill('12万');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByRole('form', { name: '修改申请' }).getByRole('alert')).toBeVisible();
    await expect(page.getByLabel('申请金额（元）')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('申请金额（元）')).toHaveValue('12万');
    await expect(page.getByLabel('申请用途')).toHaveValue('超过上限的申请');
    await page.getByLabel('申请金额（元）').fill('120000');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByRole('status').filter({ hasText: '修改已保存' })).toBeVisible();
    await expect(page.getByText('12.00 万元').first()).toBeVisible();

    await page.getByRole('button', { name: '删除草稿' }).click();
    await expect(page.getByRole('heading', { name: /确认删除草稿/ })).toBeFocused();
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '删除草稿' }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect(page).toHaveURL(/\/operator\/applications$/);
    expect((await page.request.get(`/operator/applications/${id}`)).status()).toBe(404);
  });

  test('withdraws a submitted application after confirmation; it is then closed', async ({ page }) => {
    test.slow();
    await startDraft(page, '撤回测试：苗圃团队市场调研', '50000');
    await attachAllAndSubmit(page);
    await page.getByRole('button', { name: '撤回申请' }).click();
    await expect(page.getByRole('heading', { name: /确认撤回申请/ })).toBeVisible();
    await page.getByLabel('撤回原因（可选）').fill('团队调整方向，暂不申报。');
    await page.getByRole('button', { name: '确认撤回' }).click();
    await expect(page.getByRole('status').filter({ hasText: '申请已撤回。' })).toBeVisible();
    await expect(page.getByText('已撤回', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('已提交 → 已撤回')).toBeVisible();
    await expect(page.getByRole('button', { name: '撤回申请' })).toHaveCount(0);
  });

  test('filters, sorts and pages the list in the URL', async ({ page }) => {
    await page.goto('/operator/applications');
    await expect(page.getByRole('link', { name: '我的申请' })).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('状态').selectOption({ label: '退回修改' });
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/status=returned/);
    const rows = page.getByRole('table', { name: '资助申请列表' }).locator('tbody tr');
    await expect(rows.first()).toContainText('按退回意见修改后重新提交');
    await page.getByRole('link', { name: '申请金额（万元）' }).click();
    await expect(page).toHaveURL(/status=returned.*sort=requested&dir=asc|sort=requested&dir=asc.*status=returned/);
    await page.goto('/operator/applications?status=approved&carrier=999999');
    await expect(page.getByText('没有符合筛选条件的申请')).toBeVisible();
  });
});
