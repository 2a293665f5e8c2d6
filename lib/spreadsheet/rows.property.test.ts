import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCreditCode } from '@/tests/helpers/credit-code-spec';
import { hostileString, isoDateArb } from '@/tests/helpers/hostile';
import { admissionInput } from '../validation/venture';
import { reportRowInput } from '../validation/report';
import { cellToString } from './cells';
import { readWorkbook, SheetFileError, type SheetRow } from './read';
import { validateReportRows } from './reports';
import type { SheetResult } from './sheet';
import { translateZh, workbookOf } from './test-support';
import { heading, REPORT_COLUMNS, VENTURE_COLUMNS } from './vocabulary';
import { validateVentureRows } from './ventures';

/**
 * Rows of cells such as exceljs hands over (strings, numbers, dates, booleans, blanks, formulas,
 * rich text, hyperlinks, error values), mostly plausible for their column and sometimes
 * hostile: validation never throws, and every row is either turned into a valid input or
 * reported with errors of its own.
 */
const cellArbs = [
  hostileString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined, '', new Date(NaN)),
  fc.date({ noInvalidDate: true }),
  fc.record(
    {
      formula: fc.constantFrom('A1+B1', 'NOW()', 'SUM(A:A)'),
      result: fc.oneof(fc.integer(), fc.string(), fc.date({ noInvalidDate: true }), fc.constant(undefined)),
    },
    { noNullPrototype: true },
  ),
  fc.record(
    { richText: fc.array(fc.record({ text: hostileString, font: fc.constant({ bold: true }) }, { noNullPrototype: true }), { maxLength: 3 }) },
    { noNullPrototype: true },
  ),
  fc.record({ text: hostileString, hyperlink: fc.constant('https://example.org') }, { noNullPrototype: true }),
  fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!') }, { noNullPrototype: true }),
];
/** What a workbook can be written with (a shared formula needs its master cell, so it is only read). */
const writableCell: fc.Arbitrary<unknown> = fc.oneof(...cellArbs);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  ...cellArbs,
  fc.record({ sharedFormula: fc.constant('A2'), result: fc.integer() }),
  fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }),
);

const carriers = [
  { id: 7, name: '浦东软件园孵化器', nameEn: 'Pudong Software Park Incubator' },
  { id: 8, name: '浦东软件园创业苗圃' },
];
const ventures = [
  { id: 1, name: '甲公司', creditCode: '91310115MA1K3Y006M' },
  { id: 2, name: '乙团队', creditCode: null },
  { id: 3, name: '丙公司', creditCode: '91310115MA1H7W00X8' },
];

const date = fc.oneof(
  isoDateArb,
  isoDateArb.map((d) => d.replace(/-/g, '/')),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
);
const count = fc.oneof(fc.nat(2000), fc.nat(2000).map(String));
const money = fc.oneof(
  fc.nat(10 ** 9),
  fc.tuple(fc.nat(10 ** 7), fc.nat(99)).map(([y, f]) => `${y.toLocaleString('en-US')}.${f}`),
);
const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });

const ventureCell: Record<string, fc.Arbitrary<unknown>> = {
  carrier: fc.constantFrom('浦东软件园孵化器', 'Pudong Software Park Incubator', '浦东软件园创业苗圃'),
  kind: fc.constantFrom('企业', '团队', 'company', 'team'),
  name,
  creditCode: fc.oneof(validCreditCode, fc.constant('')),
  industry: fc.constantFrom('生物医药', '人工智能', 'software', 'biomedicine'),
  foundedOn: date,
  founders: fc.oneof(fc.constant(''), name),
  talentFlags: fc.constantFrom('', '博士', '博士、留学归国', '博士、留学归国人员', 'phd returnee'),
  technicalField: fc.constantFrom('', '电子信息', 'aerospace', 'Biomedicine', '新能源'),
  enteredOn: date,
  areaM2: count,
  workstations: count,
};
const reportCell: Record<string, fc.Arbitrary<unknown>> = {
  creditCode: fc.constantFrom('91310115MA1K3Y006M', '91310115ma1h7w00x8', ''),
  ventureName: fc.constantFrom('甲公司', '乙团队', '丙公司', ''),
  netProfitFen: fc.oneof(
    money,
    money.map((m) => `-${String(m)}`),
  ),
  ...Object.fromEntries(['revenueFen', 'rdSpendFen', 'taxFen', 'financingFen'].map((k) => [k, money])),
  ...Object.fromEntries(['employees', 'ipFiled', 'ipGranted', 'inventionPatents'].map((k) => [k, count])),
};

const rowsOf = (columns: { key: string }[], cells: Record<string, fc.Arbitrary<unknown>>, max: number, hostile = anyCell) =>
  fc.array(fc.tuple(...columns.map((c) => fc.oneof({ weight: 12, arbitrary: cells[c.key]! }, { weight: 1, arbitrary: hostile }))), {
    minLength: 1,
    maxLength: max,
  });

const sheetRows = (header: string[], data: unknown[][]): SheetRow[] =>
  [header, ...data].map((cells, i) => ({ row: i + 1, cells: cells.map((c) => cellToString(c)) })).filter((r) => r.cells.some((c) => c !== ''));

type Validate<T> = (rows: SheetRow[]) => Promise<SheetResult<T>>;
const validateVentures: Validate<unknown> = (rows) => validateVentureRows(rows, { carriers, translate: translateZh });
const validateReports: Validate<unknown> = (rows) => validateReportRows(rows, { ventures, translate: translateZh });

/** The whole sheet, compared with each of its rows validated on its own. */
async function checkSheet<T>(rows: SheetRow[], validate: Validate<T>, schemaOk: (input: T) => boolean, crossRow: (inputs: T[]) => boolean) {
  const r = await validate(rows);
  const dataRows = rows.slice(1).map((x) => x.row);
  const alone = await Promise.all(rows.slice(1).map((row) => validate([rows[0]!, row])));
  if (r.ok) {
    expect(r.rows).toEqual(dataRows);
    for (const input of r.inputs) expect(schemaOk(input)).toBe(true);
  } else {
    expect(r.errorCount).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(dataRows).toContain(e.row);
      expect(e.message.length).toBeGreaterThan(0);
    }
    const flagged = new Set(r.errors.map((e) => e.row));
    // Every row that is wrong on its own is reported, with its own row number.
    alone.forEach((a, i) => {
      if (!a.ok) expect(flagged.has(dataRows[i]!)).toBe(true);
    });
    // A sheet whose rows are each fine fails only for what rows share (the same company twice).
    if (alone.every((a) => a.ok)) expect(crossRow(alone.flatMap((a) => (a.ok ? a.inputs : [])))).toBe(false);
  }
}

const distinct = <T>(values: T[]) => new Set(values).size === values.length;
const ventureSheetOk = (inputs: unknown[]) =>
  distinct(inputs.flatMap((i) => ((i as { creditCode?: string }).creditCode ? [(i as { creditCode: string }).creditCode] : [])));
const reportSheetOk = (inputs: unknown[]) => distinct(inputs.map((i) => (i as { ventureId: number }).ventureId));

const VENTURE_HEADER = VENTURE_COLUMNS.map((c) => heading(c.key));
const REPORT_HEADER = REPORT_COLUMNS.map((c) => heading(c.key));

describe('spreadsheet rows under random and hostile cells', () => {
  it('cellToString never throws and always gives a trimmed string', () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const s = cellToString(v);
        expect(typeof s).toBe('string');
        expect(s).toBe(s.trim());
      }),
      { numRuns: 3000 },
    );
  });

  it('venture rows: each row is a valid admission or reported', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(VENTURE_COLUMNS, ventureCell, 6), async (data) => {
        await checkSheet(sheetRows(VENTURE_HEADER, data), validateVentures, (i) => admissionInput.safeParse(i).success, ventureSheetOk);
      }),
      { numRuns: 1000 },
    );
  });

  it('report rows: each row is a valid report row or reported', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(REPORT_COLUMNS, reportCell, 4), async (data) => {
        await checkSheet(sheetRows(REPORT_HEADER, data), validateReports, (i) => reportRowInput.safeParse(i).success, reportSheetOk);
      }),
      { numRuns: 1000 },
    );
  });

  it('rows of any cells at all, with or without a header, never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 5 }), async (withHeader, data) => {
        const rows = sheetRows(withHeader ? VENTURE_HEADER : [], data);
        for (const validate of [validateVentures, validateReports]) {
          const r = await validate(rows);
          if (!r.ok) expect(r.errorCount).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a real .xlsx built from such rows goes through the whole read path the same way', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(VENTURE_COLUMNS, ventureCell, 4, writableCell), async (data) => {
        const bytes = await workbookOf([VENTURE_HEADER, ...data]);
        let read: SheetRow[];
        try {
          read = await readWorkbook(bytes, 'ventures.xlsx');
        } catch (e) {
          expect(e).toBeInstanceOf(SheetFileError);
          return;
        }
        await checkSheet(read, validateVentures, (i) => admissionInput.safeParse(i).success, ventureSheetOk);
      }),
      { numRuns: 60 },
    );
  });
});
