import { describe, expect, it } from 'vitest';
import type { SheetRow } from './read';
import { validateReportRows } from './reports';
import { creditCodeNo, translateEn, translateZh } from './test-support';
import { heading, REPORT_COLUMNS } from './vocabulary';

const ventures = [
  { id: 1, name: '甲公司', creditCode: creditCodeNo(1) },
  { id: 2, name: '乙团队', creditCode: null },
  { id: 3, name: '同名项目', creditCode: creditCodeNo(3) },
  { id: 4, name: '同名项目', creditCode: null },
];
const ctx = { ventures, translate: translateZh };
const HEADER = REPORT_COLUMNS.map((c) => heading(c.key));
const rowsOf = (cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));
const figures = ['1,234.56', '-200.5', '300', '40', '0', '12', '3', '2', '1'];

describe('report rows', () => {
  it('finds each venture by credit code or by name and parses the figures into fen', async () => {
    const r = await validateReportRows(
      rowsOf([HEADER, [creditCodeNo(1).toLowerCase(), '甲公司', ...figures], ['', ' 乙团队 ', '0', '0', '0', '0', '0', '0', '0', '0', '0']]),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      rows: [2, 3],
      inputs: [
        {
          ventureId: 1,
          revenueFen: 123_456,
          netProfitFen: -20_050,
          rdSpendFen: 30_000,
          taxFen: 4_000,
          financingFen: 0,
          employees: 12,
          ipFiled: 3,
          ipGranted: 2,
          inventionPatents: 1,
        },
        {
          ventureId: 2,
          revenueFen: 0,
          netProfitFen: 0,
          rdSpendFen: 0,
          taxFen: 0,
          financingFen: 0,
          employees: 0,
          ipFiled: 0,
          ipGranted: 0,
          inventionPatents: 0,
        },
      ],
    });
  });

  it('accepts English headings', async () => {
    const header = [
      'Credit code',
      'Venture',
      'Revenue, yuan',
      'Net profit, yuan',
      'R&D spend, yuan',
      'Tax paid, yuan',
      'Financing raised, yuan',
      'Employees',
      'IP filed',
      'IP granted',
      'Invention patents',
    ];
    expect(await validateReportRows(rowsOf([header, ['', '乙团队', ...figures]]), ctx)).toMatchObject({ ok: true, inputs: [{ ventureId: 2 }] });
  });

  it('says which venture could not be found, is ambiguous, mismatched or repeated, and what is wrong with a figure', async () => {
    const r = await validateReportRows(
      rowsOf([
        HEADER,
        [creditCodeNo(99), '', ...figures],
        ['', '同名项目', ...figures],
        [creditCodeNo(1), '乙团队', ...figures],
        ['', '', ...figures],
        [creditCodeNo(1), '', '12.345', '', '-1', 'abc', '5', '-3', '1.5', '', '100001'],
        [creditCodeNo(1), '', ...figures],
      ]),
      { ventures, translate: translateEn },
    );
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, heading('creditCode'), `“${creditCodeNo(99)}” is not among this carrier’s ventures for the quarter.`],
      [3, heading('ventureName'), 'The carrier has several ventures named “同名项目”; enter the credit code.'],
      [4, heading('ventureName'), 'The name does not match the credit code (which belongs to “甲公司”).'],
      [5, heading('creditCode'), 'Enter the credit code or the venture’s name.'],
      [6, heading('revenueFen'), 'Enter an amount in yuan, with at most two decimals.'],
      [6, heading('netProfitFen'), 'This field is required.'],
      [6, heading('rdSpendFen'), 'The amount cannot be negative.'],
      [6, heading('taxFen'), 'Enter an amount in yuan, with at most two decimals.'],
      [6, heading('employees'), 'Must be at least 0.'],
      [6, heading('ipFiled'), 'Enter a whole number.'],
      [6, heading('ipGranted'), 'This field is required.'],
      [6, heading('inventionPatents'), 'Must be at most 100000.'],
      [7, heading('creditCode'), 'This venture is already in row 6.'],
    ]);
  });
});
