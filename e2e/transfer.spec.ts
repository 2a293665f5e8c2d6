import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { buildCreditCode, CREDIT_CODE_CHARSET } from '../lib/domain/credit-code';
import { storageState } from './accounts';

test.use({ storageState: storageState('operator') });
// An import reads, checks and writes a workbook on the server: allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

const INCUBATOR = '浦东软件园孵化器';
const NURSERY = '浦东软件园创业苗圃';
/** The template's header: the file format's contract. */
const HEADER = [
  '孵化载体 (Carrier)',
  '类型 (Kind)',
  '项目名称 (Name)',
  '统一社会信用代码 (Credit code)',
  '所属行业 (Industry)',
  '成立日期 (Founded on)',
  '创始人 (Founders)',
  '人才标签 (Talent)',
  '入驻日期 (Entered on)',
  '使用面积（m²） (Area, m²)',
  '工位数 (Workstations)',
  '技术领域 (Technical field)',
];
const CREDIT_CODE = HEADER[3]!;

/** A credit code of its own for each call: a random organisation code in the allowed characters. */
function freshCreditCode(): string {
  let org = 'E';
  for (let i = 0; i < 7; i++) org += CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)];
  return buildCreditCode('91', '310115', org);
}
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('入驻项目');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The operator's ventures whose name or code contains `q`, counted from the export. */
async function ventureCount(request: APIRequestContext, q: string): Promise<number> {
  const res = await request.get(`/api/operator/export/ventures?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  return (await sheetOf(await res.body())).actualRowCount - 1;
}

/** Chooses the file once the page is interactive (the form shows the chosen name), then imports it. */
async function upload(page: Page, name: string, bytes: Buffer, mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  await page.goto('/operator/transfer');
  await expect(async () => {
    await page.getByLabel('选择文件…').setInputFiles({ name, mimeType, buffer: bytes });
    await expect(page.getByText(`已选择：${name}`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole('button', { name: '开始导入' }).click();
}

const company = (name: string, code: string) => [INCUBATOR, '企业', name, code, '人工智能', '2025-09-01', '张三', '博士', '2026-01-05', 60, 4, '电子信息'];

test('downloads the ventures template: an xlsx with the bilingual header and the instructions', async ({ page }) => {
  await page.goto('/operator/transfer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载模板' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = Buffer.from(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)));
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['入驻项目', '说明 (Instructions)']);
  expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
});

test('imports a small valid workbook and says how many rows were written', async ({ page }) => {
  const id = unique();
  const bytes = await workbook([
    company(`导入测试企业${id}`, freshCreditCode()),
    [NURSERY, '团队', `导入测试团队${id}`, '', '文化创意', '', '李四', '', '2026-01-06', 0, 2],
  ]);
  await upload(page, `ventures-${id}.xlsx`, bytes);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('导入完成：已写入 2 行。', { timeout: 90_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await page.goto(`/operator/ventures?q=${encodeURIComponent(`导入测试企业${id}`)}`);
  await expect(page.getByRole('main').getByText(`导入测试企业${id}`).first()).toBeVisible();
});

test('names a mistyped credit code and a team entering an incubator in one round', async ({ page }) => {
  const id = unique();
  const team = [INCUBATOR, '团队', `孵化器团队${id}`, '', '文化创意', '', '李四', '', '2026-01-06', 0, 2];
  const bytes = await workbook([company(`好行企业${id}`, freshCreditCode()), company(`坏码企业${id}`, '91350100M000100Y44'), team]);
  await upload(page, `two-${id}.xlsx`, bytes);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('未写入任何数据', { timeout: 90_000 });
  const rows = page.getByRole('table', { name: '导入错误清单' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText(CREDIT_CODE);
  await expect(rows.nth(2).getByRole('cell').nth(0)).toHaveText('4');
  await expect(rows.nth(2).getByRole('cell').nth(2)).toContainText('创业苗圃');
  expect(await ventureCount(page.request, id)).toBe(0);
});

test('shows the error table for a bad row and writes nothing', async ({ page }) => {
  const id = unique();
  // Other tests may admit ventures meanwhile: count this test's own names.
  const before = await ventureCount(page.request, id);
  const bytes = await workbook([company(`好行企业${id}`, freshCreditCode()), company(`坏行企业${id}`, '91350100M000100Y44')]);
  await upload(page, `bad-${id}.xlsx`, bytes);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('未写入任何数据', { timeout: 90_000 });
  const table = page.getByRole('table', { name: '导入错误清单' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const cells = table.getByRole('row').nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('3');
  await expect(cells.nth(1)).toHaveText(CREDIT_CODE);
  await expect(cells.nth(2)).toContainText('校验位不符');
  expect(before).toBe(0);
  expect(await ventureCount(page.request, id)).toBe(0);
});

test('refuses a file that is not a spreadsheet', async ({ page }) => {
  await upload(page, 'notes.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('仅支持 .xlsx 与 .csv 文件');
});

test('exports the ventures list with the list’s filters, as a workbook the test can read', async ({ page }) => {
  const id = unique();
  const code = freshCreditCode();
  await upload(page, `one-${id}.xlsx`, await workbook([company(`导出测试企业${id}`, code)]));
  await expect(page.getByRole('main').getByRole('status')).toHaveText('导入完成：已写入 1 行。', { timeout: 90_000 });

  const res = await page.request.get(`/api/operator/export/ventures?q=${encodeURIComponent(id)}`);
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="ventures-[\d-]+\.xlsx"; filename\*=UTF-8''/);
  const ws = await sheetOf(await res.body());
  expect(ws.actualRowCount).toBe(2);
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
    INCUBATOR,
    '企业',
    `导出测试企业${id}`,
    code,
    '人工智能',
    '2025-09-01',
    '张三',
    '博士',
    '2026-01-05',
    60,
    4,
    '电子信息',
    '在孵',
  ]);

  // The page's own export form downloads the whole list.
  await page.goto('/operator/transfer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出项目名单（.xlsx）' }).click()]);
  const all = await sheetOf(Buffer.concat(await (await download.createReadStream()).toArray()));
  expect(all.actualRowCount).toBeGreaterThan(2);
});

test('exports a quarter’s reports and refuses another operator’s carrier', async ({ page }) => {
  await page.goto('/operator/transfer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出季度报表（.xlsx）' }).click()]);
  const ws = await sheetOf(Buffer.concat(await (await download.createReadStream()).toArray()));
  expect((ws.getRow(1).values as unknown[]).slice(1, 3)).toEqual([CREDIT_CODE, '项目名称 (Venture)']);
  const other = await page.request.get('/api/operator/export/reports?carrier=999999&year=2025&quarter=4');
  expect(other.status()).toBe(404);
});
