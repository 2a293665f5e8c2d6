import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read';
import { validateReportRows } from './reports';
import { creditCodeNo, translateZh } from './test-support';
import { validateVentureRows } from './ventures';
import { heading, REPORT_COLUMNS, VENTURE_COLUMNS } from './vocabulary';
import { buildReportExport, buildTemplate, buildVentureExport } from './write';

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('templates', () => {
  it('has a bold, frozen bilingual header and an instructions sheet listing the allowed values', async () => {
    const wb = await open(await buildTemplate('ventures', 'en', { carriers: ['浦东软件园孵化器', '浦东软件园创业苗圃'] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ventures', '说明 (Instructions)']);
    const ws = wb.worksheets[0]!;
    expect(headerOf(ws)).toEqual(VENTURE_COLUMNS.map((c) => heading(c.key)));
    expect(headerOf(ws)).toContain('统一社会信用代码 (Credit code)');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(20);
    const help = wb.worksheets[1]!;
    const texts: string[] = [];
    help.eachRow((r) => (r.values as unknown[]).forEach((v) => typeof v === 'string' && texts.push(v)));
    for (const v of ['Team', 'company', 'Biomedicine', 'integrated_circuits', 'PhD holders', 'fresh_graduate']) expect(texts).toContain(v);
    expect(texts.join(' ')).toContain('浦东软件园孵化器、浦东软件园创业苗圃');
  });

  it('reads back as a file with no rows yet, and a filled-in template imports', async () => {
    const bytes = await buildTemplate('ventures', 'zh-CN');
    const rows = await readWorkbook(bytes, 'template.xlsx');
    expect(await validateVentureRows(rows, { carriers: [], translate: translateZh })).toMatchObject({ ok: false, errors: [{ message: '文件中没有数据行。' }] });

    const wb = await open(bytes);
    wb.worksheets[0]!.addRow(['载体甲', '企业', '甲', creditCodeNo(1), '新材料', '2025-01-01', '', '', '2025-02-01', 10, 1, '新材料']);
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await validateVentureRows(await readWorkbook(filled, 'filled.xlsx'), { carriers: [{ id: 1, name: '载体甲' }], translate: translateZh });
    expect(r).toMatchObject({ ok: true, inputs: [{ carrierId: 1, industry: 'new_materials', technicalField: 'new_materials' }] });
  });

  it('pre-fills the quarter’s ventures in the reports template', async () => {
    const wb = await open(
      await buildTemplate('reports', 'zh-CN', {
        ventures: [
          { name: '甲公司', creditCode: creditCodeNo(1) },
          { name: '乙团队', creditCode: null },
        ],
      }),
    );
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('季度报表');
    expect(headerOf(ws)).toEqual(REPORT_COLUMNS.map((c) => heading(c.key)));
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual([creditCodeNo(1), '甲公司']);
    expect(ws.getRow(3).getCell(2).value).toBe('乙团队');
  });
});

describe('exports', () => {
  it('exports ventures in the import’s columns, so that the file can go back in', async () => {
    const bytes = await buildVentureExport(
      [
        {
          carrier: '载体甲',
          kind: 'company',
          name: '甲公司',
          creditCode: creditCodeNo(5),
          industry: 'fintech',
          technicalField: 'electronic_information',
          foundedOn: '2024-05-06',
          founders: '张三',
          talentFlags: ['phd', 'national_talent'],
          enteredOn: '2025-01-01',
          areaM2: 200,
          workstations: 10,
          stage: 'incubating',
        },
      ],
      'zh-CN',
    );
    const ws = (await open(bytes)).worksheets[0]!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '载体甲',
      '企业',
      '甲公司',
      creditCodeNo(5),
      '金融科技',
      '2024-05-06',
      '张三',
      '博士、国家级人才计划入选者',
      '2025-01-01',
      200,
      10,
      '电子信息',
      '在孵',
    ]);
    const back = await validateVentureRows(await readWorkbook(bytes, 'export.xlsx'), { carriers: [{ id: 3, name: '载体甲' }], translate: translateZh });
    expect(back).toMatchObject({
      ok: true,
      inputs: [{ carrierId: 3, talentFlags: ['phd', 'national_talent'], industry: 'fintech', technicalField: 'electronic_information' }],
    });
  });

  it('exports a quarter’s reports in yuan with two decimals, and they import again unchanged', async () => {
    const figures = {
      revenueFen: 123_456_789,
      netProfitFen: -5,
      rdSpendFen: 100,
      taxFen: 0,
      financingFen: 50_000_000,
      employees: 9,
      ipFiled: 1,
      ipGranted: 0,
      inventionPatents: 0,
    };
    const bytes = await buildReportExport(
      [
        { name: '甲公司', creditCode: creditCodeNo(1), figures, late: true },
        { name: '乙团队', creditCode: null, figures: null, late: null },
      ],
      'en',
      '2026 Q1: 载体/甲',
    );
    const ws = (await open(bytes)).worksheets[0]!;
    expect(ws.getRow(2).getCell(3).value).toBe(1_234_567.89);
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(ws.getRow(2).getCell(12).value).toBe('Yes');
    const rows = await readWorkbook(bytes, 'r.xlsx');
    const back = await validateReportRows(rows.slice(0, 2), { ventures: [{ id: 1, name: '甲公司', creditCode: creditCodeNo(1) }], translate: translateZh });
    expect(back).toEqual({ ok: true, rows: [2], inputs: [{ ventureId: 1, ...figures }] });
  });
});
