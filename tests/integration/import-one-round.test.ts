import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tenantStatistics } from '@/db/queries/network/statistics';
import { admitVentures } from '@/db/queries/ventures';
import { importVentures } from '@/db/queries/ventures/transfer';
import { auditLog, ventures } from '@/db/schema';
import { checkTenantFigures } from '@/lib/domain/statistics-checks';
import { heading } from '@/lib/spreadsheet';
import { makeCarrier, makeResidentCompany } from '../helpers/fixtures';
import { setUpOperatorDatabase } from '../helpers/operator-db';
import { companyInput } from '../helpers/residency-fixtures';
import { companyCells, translate, venturesWorkbook } from '../helpers/transfer-fixtures';

/**
 * A venture import reports every row's every problem, of format and of the admission rules
 * alike, in one round and before anything is written; and the technical field it reads is the
 * one the statistics look for.
 */
const TODAY = '2026-02-01';
const env = setUpOperatorDatabase();
const ventureCount = async () => (await env.handle.db.select({ n: count() }).from(ventures))[0]!.n;
const auditCount = async () => (await env.handle.db.select({ n: count() }).from(auditLog))[0]!.n;
const teamIn = (carrier: string) => ({ ...companyCells(carrier), kind: '团队', creditCode: null, foundedOn: null });

describe('an import reports format and rule errors in one round', () => {
  it('names a mistyped credit code in row 3 and a team entering an incubator in row 8 together, writing nothing', async () => {
    const incubator = env.op.incubator.name;
    const rows = Array.from({ length: 7 }, () => companyCells(incubator));
    rows[1] = { ...rows[1], creditCode: '91350100M000100Y44' }; // row 3: check character
    rows[6] = teamIn(incubator); // row 8: a team may only enter a nursery
    const [venturesBefore, auditBefore] = [await ventureCount(), await auditCount()];

    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'two-rounds.xlsx', TODAY, { translate });

    expect(result).toEqual({
      ok: false,
      errorCount: 2,
      errors: [
        { row: 3, column: heading('creditCode'), message: expect.stringContaining('check character') },
        { row: 8, column: heading('kind'), message: 'A team can only enter a nursery.' },
      ],
    });
    expect(await ventureCount()).toBe(venturesBefore);
    expect(await auditCount()).toBe(auditBefore);

    // Once row 3 is put right, nothing new comes up: row 8 was already named.
    rows[1] = companyCells(incubator);
    const again = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'one-left.xlsx', TODAY, { translate });
    expect(again).toEqual({ ok: false, errorCount: 1, errors: [{ row: 8, column: heading('kind'), message: 'A team can only enter a nursery.' }] });
  });

  it('reports both problems of a row whose columns fail one by the format and one by the rules', async () => {
    const incubator = env.op.incubator.name;
    const elsewhere = await makeCarrier(env.handle.db, 'incubator');
    const resident = await makeResidentCompany(env.handle.db, elsewhere.id);
    const rows = [
      companyCells(incubator),
      { ...teamIn(incubator), enteredOn: '2026-02-30' }, // row 3: the date (format) and the carrier kind (rule)
      companyCells(incubator, { creditCode: resident.creditCode, industry: '造船业' }), // row 4: open elsewhere (rule), the industry (format)
      companyCells(incubator, { enteredOn: '2026-05-01' }), // row 5: a date after today (rule) alone
      companyCells(env.op.nursery.name, { workstations: -1 }), // row 6: a company in a nursery (rule), negative workstations (format)
    ];
    const before = await ventureCount();

    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'both.xlsx', TODAY, { translate });
    if (result.ok) throw new Error('expected the rows to be refused');

    const where = result.errors.map((e) => [e.row, e.column]);
    expect(where).toHaveLength(7);
    expect(where).toEqual(
      expect.arrayContaining([
        [3, heading('enteredOn')],
        [3, heading('kind')],
        [4, heading('industry')],
        [4, heading('creditCode')],
        [5, heading('enteredOn')],
        [6, heading('workstations')],
        [6, heading('kind')],
      ]),
    );
    expect(result.errors.map((e) => e.row)).toEqual([3, 3, 4, 4, 5, 6, 6]);
    expect(result.errors.find((e) => e.row === 4 && e.column === heading('creditCode'))!.message).toContain('another carrier');
    expect(result.errors.find((e) => e.row === 5)!.message).toBe('The date cannot be later than today.');
    expect(result.errorCount).toBe(7);
    expect(await ventureCount()).toBe(before);
  });

  it('holds a file with no rule problem to nothing more: it is written', async () => {
    const rows = [companyCells(env.op.incubator.name), { ...teamIn(env.op.nursery.name) }];
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook(rows), 'good.xlsx', TODAY, { translate });
    expect(result).toEqual({ ok: true, written: 2, warned: 0 });
  });
});

describe('the technical field, imported or admitted, is what the statistics read', () => {
  it('no longer counts as missing once a venture has one', async () => {
    const imported = companyCells(env.op.incubator.name, { name: '技术领域导入企业', technicalField: '电子信息' });
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, await venturesWorkbook([imported]), 'field.xlsx', TODAY, { translate });
    expect(result).toMatchObject({ ok: true, written: 1 });
    const [importedRow] = await env.handle.db.select().from(ventures).where(eq(ventures.name, '技术领域导入企业'));
    expect(importedRow!.technicalField).toBe('electronic_information');

    const [withField, without] = await env.handle.db.transaction((tx) =>
      admitVentures(
        tx,
        env.op.actor,
        env.op.scope,
        [companyInput(env.op.incubator.id, { technicalField: 'aerospace' }), companyInput(env.op.incubator.id)],
        TODAY,
      ),
    );

    const rows = await tenantStatistics(env.handle.db, { year: 2026, today: TODAY });
    const flags = (ventureId: number) => {
      const row = rows.find((r) => r.ventureId === ventureId);
      if (!row) throw new Error(`venture ${ventureId} is not in the statistics`);
      return { field: row.technicalField, codes: checkTenantFigures(row, 2026).map((f) => f.code) };
    };
    expect(flags(importedRow!.id)).toMatchObject({ field: 'electronic_information' });
    expect(flags(importedRow!.id).codes).not.toContain('missingTechnicalField');
    expect(flags(withField!.ventureId)).toMatchObject({ field: 'aerospace' });
    expect(flags(withField!.ventureId).codes).not.toContain('missingTechnicalField');
    expect(flags(without!.ventureId).codes).toContain('missingTechnicalField');
  });
});
