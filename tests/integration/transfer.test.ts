import ExcelJS from 'exceljs';
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exportReports, exportVentures } from '@/db/queries/ventures/transfer-export';
import { importReports, importVentures, type ImportPhase } from '@/db/queries/ventures/transfer';
import { auditLog, residencies, ventureReports, ventures } from '@/db/schema';
import { heading } from '@/lib/spreadsheet';
import { setUpOperatorDatabase } from '../helpers/operator-db';
import { makeResidentCompany, makeCarrier } from '../helpers/fixtures';
import { companyCells, reportsWorkbook, transferCreditCode, translate, venturesWorkbook } from '../helpers/transfer-fixtures';

const TODAY = '2026-02-01';
const env = setUpOperatorDatabase();

const ventureCount = async () => (await env.handle.db.select({ n: count() }).from(ventures))[0]!.n;
const auditCount = async () => (await env.handle.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('importing ventures', () => {
  it('admits 10,000 rows in one transaction', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => companyCells(env.op.incubator.name, { name: `万行企业${i}` }));
    const bytes = await venturesWorkbook(rows);
    const phases = new Set<ImportPhase>();
    const before = await ventureCount();
    const started = performance.now();
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, bytes, 'ten-thousand.xlsx', TODAY, {
      translate,
      onProgress: (phase) => phases.add(phase),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`10,000-row import (${(bytes.length / 1024).toFixed(0)} KiB): ${seconds.toFixed(1)} s`);
    expect(result).toEqual({ ok: true, written: 10_000, warned: 0 });
    expect(await ventureCount()).toBe(before + 10_000);
    expect([...phases]).toEqual(['parsing', 'validating', 'writing']);
    const [open] = await env.handle.db.select({ n: count() }).from(residencies).where(eq(residencies.carrierId, env.op.incubator.id));
    expect(open!.n).toBeGreaterThanOrEqual(10_000);
    expect(seconds).toBeLessThan(120);
  }, 240_000);

  it('writes nothing when 3 rows of 500 are bad, and names exactly those rows', async () => {
    const rows = Array.from({ length: 500 }, () => companyCells(env.op.incubator.name));
    rows[41] = { ...rows[41], creditCode: '91350100M000100Y44' }; // row 43: check character
    rows[250] = { ...rows[250], industry: '造船业' }; // row 252
    rows[499] = { ...rows[499], enteredOn: '2026-02-30' }; // row 501
    const [venturesBefore, auditBefore] = [await ventureCount(), await auditCount()];
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'bad.xlsx', TODAY, { translate });
    expect(result).toEqual({
      ok: false,
      errorCount: 3,
      errors: [
        { row: 43, column: heading('creditCode'), message: expect.stringContaining('check character') },
        { row: 252, column: heading('industry'), message: expect.stringContaining('“造船业” is not an allowed value') },
        { row: 501, column: heading('enteredOn'), message: 'Enter a valid date (YYYY-MM-DD).' },
      ],
    });
    expect(await ventureCount()).toBe(venturesBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('maps a refusal of the write (a code open elsewhere, a team in an incubator) back to its row, writing nothing', async () => {
    const elsewhere = await makeCarrier(env.handle.db, 'incubator');
    const resident = await makeResidentCompany(env.handle.db, elsewhere.id);
    const rows = [
      companyCells(env.op.incubator.name),
      companyCells(env.op.incubator.name, { creditCode: resident.creditCode }),
      { ...companyCells(env.op.incubator.name), kind: '团队', creditCode: null, foundedOn: null },
      companyCells(env.op.nursery.name),
    ];
    const before = await ventureCount();
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'refused.xlsx', TODAY, { translate });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, heading('creditCode')],
      [4, heading('kind')],
      [5, heading('kind')],
    ]);
    expect(result.errors[0]!.message).toContain('another carrier');
    expect(result.errors[0]!.message).not.toContain(elsewhere.name);
    expect(await ventureCount()).toBe(before);
  });

  it('refuses a file that is not a workbook, with a message and nothing written', async () => {
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, new TextEncoder().encode('not,a\nworkbook'), 'x.xlsx', TODAY, { translate });
    expect(result).toMatchObject({ ok: false, errorCount: 0, message: expect.stringContaining('.xlsx') });
  });
});

describe('importing a quarter’s reports', () => {
  it('files every venture’s figures from the workbook, all in one go, and exports them back in yuan', async () => {
    const carrier = env.op.incubator.id;
    const a = await makeResidentCompany(env.handle.db, carrier);
    const b = await makeResidentCompany(env.handle.db, carrier);
    const quarter = { carrierId: carrier, year: 2025, quarter: 4 };
    const bytes = await reportsWorkbook([
      {
        creditCode: a.creditCode,
        ventureName: a.name,
        revenueFen: 1234.56,
        netProfitFen: -100,
        rdSpendFen: '300',
        taxFen: 0,
        financingFen: '1,000,000',
        employees: 12,
        ipFiled: 2,
        ipGranted: 1,
        inventionPatents: 0,
      },
      {
        ventureName: b.name,
        revenueFen: 0,
        netProfitFen: 0,
        rdSpendFen: 0,
        taxFen: 0,
        financingFen: 0,
        employees: 3,
        ipFiled: 0,
        ipGranted: 0,
        inventionPatents: 0,
      },
    ]);
    const result = await importReports(env.handle.db, env.op.actor, env.op.scope, quarter, bytes, 'q4.xlsx', TODAY, { translate });
    expect(result).toEqual({ ok: true, written: 2, changed: 2 });
    const saved = await env.handle.db
      .select()
      .from(ventureReports)
      .where(and(inArray(ventureReports.ventureId, [a.id, b.id]), eq(ventureReports.year, 2025), eq(ventureReports.quarter, 4)));
    expect(saved.find((r) => r.ventureId === a.id)).toMatchObject({
      revenueFen: 123_456,
      netProfitFen: -10_000,
      financingFen: 100_000_000,
      employees: 12,
      late: true,
    });
    expect(saved.find((r) => r.ventureId === b.id)).toMatchObject({ revenueFen: 0, employees: 3 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await exportReports(env.handle.db, env.op.scope, quarter, 'zh-CN', '2025 Q4')).bytes) as unknown as ArrayBuffer);
    const exported = wb.worksheets[0]!;
    const rowOfA = exported.getRows(2, exported.rowCount - 1)!.find((r) => r.getCell(1).value === a.creditCode)!;
    expect(rowOfA.getCell(3).value).toBe(1234.56);
    expect(rowOfA.getCell(4).value).toBe(-100);
  });

  it('refuses a venture of another carrier on its row, and writes nothing', async () => {
    const other = await makeCarrier(env.handle.db, 'incubator');
    const stranger = await makeResidentCompany(env.handle.db, other.id);
    const mine = await makeResidentCompany(env.handle.db, env.op.incubator.id);
    const quarter = { carrierId: env.op.incubator.id, year: 2025, quarter: 3 };
    const figures = { revenueFen: 1, netProfitFen: 1, rdSpendFen: 1, taxFen: 1, financingFen: 1, employees: 1, ipFiled: 1, ipGranted: 1, inventionPatents: 1 };
    const bytes = await reportsWorkbook([
      { creditCode: mine.creditCode, ...figures },
      { creditCode: stranger.creditCode, ...figures },
    ]);
    const result = await importReports(env.handle.db, env.op.actor, env.op.scope, quarter, bytes, 'q3.xlsx', TODAY, { translate });
    expect(result).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 3, column: heading('creditCode') }] });
    const [n] = await env.handle.db.select({ n: count() }).from(ventureReports).where(eq(ventureReports.ventureId, mine.id));
    expect(n!.n).toBe(0);
  });
});

describe('exporting ventures', () => {
  it('pages through the whole filtered list and writes the import’s columns', async () => {
    const code = transferCreditCode();
    const bytes = await venturesWorkbook([
      companyCells(env.op.incubator.name, { name: '导出核对企业', creditCode: code, founders: '钱七', areaM2: 321, technicalField: '生物医药' }),
    ]);
    expect(await importVentures(env.handle.db, env.op.actor, env.op.scope, bytes, 'one.xlsx', TODAY, { translate })).toMatchObject({ ok: true, written: 1 });
    const all = await exportVentures(env.handle.db, env.op.scope, { carrierId: env.op.incubator.id }, TODAY, 'zh-CN');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(all.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBeGreaterThan(10_000);
    expect(all.rows).toBe(ws.rowCount - 1);
    const one = await exportVentures(env.handle.db, env.op.scope, { q: '导出核对企业' }, TODAY, 'zh-CN');
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(Buffer.from(one.bytes) as unknown as ArrayBuffer);
    expect((wb1.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual([
      env.op.incubator.name,
      '企业',
      '导出核对企业',
      code,
      '软件和信息服务',
      '2025-06-01',
      '钱七',
      '博士',
      '2026-01-10',
      321,
      6,
      '生物医药',
      '在孵',
    ]);
  });
});
