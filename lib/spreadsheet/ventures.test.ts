import { describe, expect, it } from 'vitest';
import { readWorkbook, type SheetRow } from './read';
import { creditCodeNo, translateEn, translateZh, workbookOf } from './test-support';
import { validateVentureRows } from './ventures';
import { heading, VENTURE_COLUMNS } from './vocabulary';

const carriers = [
  { id: 7, name: '浦东软件园孵化器', nameEn: 'Pudong Software Park Incubator' },
  { id: 8, name: '浦东软件园创业苗圃' },
];
const ctx = { carriers, translate: translateZh };
const HEADER = VENTURE_COLUMNS.map((c) => heading(c.key));
const rowsOf = (cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

const company = (n: number, over: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    carrier: '浦东软件园孵化器',
    kind: '企业',
    name: `测试企业${n}`,
    creditCode: creditCodeNo(n),
    industry: '生物医药',
    foundedOn: '2025-01-02',
    founders: '张三',
    talentFlags: '博士、留学归国',
    enteredOn: '2025-03-01',
    areaM2: '120',
    workstations: '8',
    ...over,
  };
  return VENTURE_COLUMNS.map((c) => v[c.key] ?? '');
};

describe('venture rows', () => {
  it('turns valid rows into admission inputs, in file order with their row numbers', async () => {
    const team = ['浦东软件园创业苗圃', 'team', '苗圃团队', '', 'AI', '', '', 'phd returnee', '2025/3/1', '0', '4'];
    const r = await validateVentureRows(rowsOf([HEADER, company(1), team]), ctx);
    expect(r).toEqual({
      ok: true,
      rows: [2, 3],
      inputs: [
        {
          kind: 'company',
          carrierId: 7,
          name: '测试企业1',
          creditCode: creditCodeNo(1),
          industry: 'biomedicine',
          foundedOn: '2025-01-02',
          founders: '张三',
          talentFlags: ['phd', 'returnee'],
          enteredOn: '2025-03-01',
          areaM2: 120,
          workstations: 8,
        },
        {
          kind: 'team',
          carrierId: 8,
          name: '苗圃团队',
          industry: 'ai',
          founders: undefined,
          talentFlags: ['phd', 'returnee'],
          enteredOn: '2025-03-01',
          areaM2: 0,
          workstations: 4,
        },
      ],
    });
  });

  it('matches headings in Chinese, in English, or both, in any order, below a title line', async () => {
    const zhOnly = ['孵化载体', '类型', '项目名称', '统一社会信用代码', '所属行业', '成立日期', '创始人', '人才标签', '入驻日期', '使用面积（m²）', '工位数'];
    const enOnly = ['Carrier', 'Kind', 'Name', 'Credit code', 'Industry', 'Founded on', 'Founders', 'Talent', 'Entered on', 'Area, m²', 'Workstations'];
    const bare = zhOnly.map((h) => h.replace('（m²）', ''));
    for (const header of [zhOnly, enOnly, bare, HEADER.map((h) => h.toUpperCase())]) {
      const r = await validateVentureRows(rowsOf([header, company(2)]), ctx);
      expect(r.ok, header.join('|')).toBe(true);
    }
    const reversed = [...HEADER].reverse();
    const r = await validateVentureRows(rowsOf([['入驻项目登记表'], reversed, [...company(3)].reverse()]), {
      carriers,
      translate: translateEn,
    });
    expect(r).toMatchObject({ ok: true, rows: [3] });
    const en = await validateVentureRows(
      rowsOf([HEADER, company(4, { carrier: 'pudong software park incubator', kind: 'Company', industry: 'Integrated circuits' })]),
      ctx,
    );
    expect(en).toMatchObject({ ok: true, inputs: [{ carrierId: 7, kind: 'company', industry: 'integrated_circuits' }] });
    // The start of one label is enough; the start of two is not.
    const short = await validateVentureRows(rowsOf([HEADER, company(5, { industry: '软件' }), company(6, { industry: '新' })]), ctx);
    expect(short).toMatchObject({ ok: false, errors: [{ row: 3, column: heading('industry') }] });
  });

  it('reports a missing column on the header row, and an empty file', async () => {
    const r = await validateVentureRows(rowsOf([HEADER.filter((h) => !h.startsWith('入驻日期')), company(1).slice(0, 8)]), ctx);
    expect(r).toEqual({ ok: false, errorCount: 1, errors: [{ row: 1, column: heading('enteredOn'), message: '缺少此列。请使用导入模板，保留表头行。' }] });
    expect(await validateVentureRows(rowsOf([HEADER]), ctx)).toMatchObject({ ok: false, errors: [{ row: 2, message: '文件中没有数据行。' }] });
    expect(await validateVentureRows([], ctx)).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(
      await validateVentureRows(
        rowsOf([
          ['a', 'b'],
          ['1', '2'],
        ]),
        ctx,
      ),
    ).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringContaining('表头') }] });
  });

  it('gives every error its row and column, in the words of the shared schema', async () => {
    const rows = rowsOf([
      HEADER,
      company(1),
      company(2, { creditCode: '91350100M000100Y44' }),
      company(3, { carrier: '张江药谷孵化器', industry: '造船', enteredOn: '2025-02-30' }),
      company(4, { kind: '合伙', areaM2: '-1' }),
      company(5, { kind: '团队', creditCode: creditCodeNo(5) }),
      company(6, { name: '', workstations: '1.5', talentFlags: '博士、院士', foundedOn: '' }),
    ]);
    const r = await validateVentureRows(rows, ctx);
    if (r.ok) throw new Error('expected errors');
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => [e.column, e.message]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([[heading('creditCode'), '校验位不符：第 18 位应为“3”，实际为“4”。请核对代码。']]);
    expect(at(4)).toEqual([
      [heading('carrier'), '“张江药谷孵化器”不是您运营的孵化载体。请填写载体的完整名称。'],
      [heading('industry'), '“造船”不是可填写的值，请按“说明 (Instructions)”工作表中列出的值填写。'],
      [heading('enteredOn'), '请输入有效日期（YYYY-MM-DD）。'],
    ]);
    expect(at(5)).toEqual([[heading('kind'), '“合伙”不是可填写的值，请按“说明 (Instructions)”工作表中列出的值填写。']]);
    expect(at(6)).toEqual([[heading('creditCode'), '团队没有统一社会信用代码。若已注册为企业，请将类型填为“企业”。']]);
    expect(at(7)).toEqual(
      expect.arrayContaining([
        [heading('name'), '此项为必填项。'],
        [heading('foundedOn'), '此项为必填项。'],
        [heading('talentFlags'), '“院士”不是可填写的值，请按“说明 (Instructions)”工作表中列出的值填写。'],
        [heading('workstations'), '请输入整数。'],
      ]),
    );
    for (const e of r.errors) {
      expect(e.row).toBeGreaterThanOrEqual(2);
      expect(HEADER).toContain(e.column);
      expect(e.message).not.toMatch(/^transfer\.|^validation\./);
    }
    expect(r.errorCount).toBe(r.errors.length);
  });

  it('refuses a credit code used twice in the file, on the later row', async () => {
    const code = creditCodeNo(9);
    const r = await validateVentureRows(rowsOf([HEADER, company(1, { creditCode: code }), company(2), company(3, { creditCode: code.toLowerCase() })]), {
      carriers,
      translate: translateEn,
    });
    expect(r).toEqual({ ok: false, errorCount: 1, errors: [{ row: 4, column: heading('creditCode'), message: 'The same credit code as row 2.' }] });
  });

  it('reads a workbook as LibreOffice saves it: date cells, numbers, rich text, formulas, hyperlinks', async () => {
    const bytes = await workbookOf([
      HEADER,
      [
        { richText: [{ text: '浦东软件园' }, { font: { bold: true }, text: '孵化器' }] },
        '企业',
        { richText: [{ text: '富文本' }, { font: { italic: true }, text: '企业' }] },
        creditCodeNo(11),
        '软件和信息服务',
        new Date(Date.UTC(2024, 11, 31)),
        { text: '李四', hyperlink: 'mailto:li@example.org' },
        null,
        new Date(Date.UTC(2025, 0, 15)),
        { formula: '10*12', result: 120 },
        6,
      ],
      // An all-digit credit code typed into a number cell: its last digits are gone.
      [carriers[0]!.name, '企业', '数字代码企业', 913100001322360077, '其他', '2025-01-01', '', '', '2025-02-01', 50.0, 2],
    ]);
    const rows = await readWorkbook(bytes, 'saved-by-libreoffice.xlsx');
    const r = await validateVentureRows(rows, ctx);
    if (r.ok) throw new Error('expected the number-cell credit code to fail');
    expect(r.errors).toEqual([{ row: 3, column: heading('creditCode'), message: expect.stringContaining('校验位不符') }]);
    const good = await validateVentureRows(rows.slice(0, 2), ctx);
    expect(good).toMatchObject({
      ok: true,
      inputs: [
        { carrierId: 7, name: '富文本企业', foundedOn: '2024-12-31', enteredOn: '2025-01-15', founders: '李四', areaM2: 120, workstations: 6, talentFlags: [] },
      ],
    });
  });

  it('reads a CSV with a BOM and quoted commas', async () => {
    const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const csv = '\ufeff' + [HEADER, company(21, { name: '甲, 乙 "联合" 公司', founders: '王五, 赵六' })].map(line).join('\r\n');
    const rows = await readWorkbook(new TextEncoder().encode(csv), 'ventures.csv');
    const r = await validateVentureRows(rows, ctx);
    expect(r).toMatchObject({ ok: true, inputs: [{ name: '甲, 乙 "联合" 公司', founders: '王五, 赵六', creditCode: creditCodeNo(21) }] });
  });
});
