import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { getVentureReports, listMissingReports, quarterGrid, quarterGridRow, saveQuarterReports } from '@/db/queries/reports/reports';
import { auditLog, ventureReports } from '@/db/schema';
import type { Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';
import { quarterRowsInput } from '@/lib/validation/report-grid';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';
import { addStay, countingDb, makeResidents } from '../helpers/reports-fixtures';

let handle: DatabaseHandle;
let actor: Actor;
let scope: Scope;
let carrierId: number;
let otherCarrierId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const op = await makeUser(handle.db, 'operator');
  const other = await makeUser(handle.db, 'operator');
  const c = await makeCarrier(handle.db, 'incubator');
  const o = await makeCarrier(handle.db, 'incubator');
  await bindOperator(handle.db, op.id, c.id);
  await bindOperator(handle.db, other.id, o.id);
  actor = { userId: op.id, role: 'operator', ip: '127.0.0.1' };
  scope = { kind: 'carriers', carrierIds: [c.id] };
  carrierId = c.id;
  otherCarrierId = o.id;
});
afterAll(async () => {
  await handle?.close();
});

const figures = (n: number) => ({
  revenueFen: 100_000 * n,
  netProfitFen: -5_000 * n,
  rdSpendFen: 20_000 * n,
  taxFen: 3_000 * n,
  financingFen: 0,
  employees: n,
  ipFiled: 1,
  ipGranted: 0,
  inventionPatents: 0,
});
/** The same figures as a person types them: yuan, with thousands separators. */
const typed = (n: number) => ({
  revenueFen: (1000 * n).toLocaleString('en-US'),
  netProfitFen: String(-50 * n),
  rdSpendFen: String(200 * n),
  taxFen: String(30 * n),
  financingFen: '0',
  employees: String(n),
  ipFiled: '1',
  ipGranted: '0',
  inventionPatents: '0',
});

const save = (year: number, quarter: number, rows: { ventureId: number }[], today: string, s: Scope = scope, cid = carrierId) =>
  handle.db.transaction((tx) =>
    saveQuarterReports(
      tx,
      actor,
      s,
      { carrierId: cid, year, quarter },
      rows.map((r, i) => ({ ...figures(i + 1), ...r })),
      today,
    ),
  );

const reportsOf = (ventureIds: number[], year: number, quarter: number) =>
  handle.db
    .select()
    .from(ventureReports)
    .where(and(inArray(ventureReports.ventureId, ventureIds), eq(ventureReports.year, year), eq(ventureReports.quarter, quarter)))
    .orderBy(asc(ventureReports.ventureId));

describe('the quarter grid', () => {
  it('lists the ventures resident at any time during the quarter, and only those', async () => {
    const [open, enteredMid, enteredLastDay, leftFirstDay, leftBefore, enteredAfter] = await makeResidents(handle.db, carrierId, [
      { enteredOn: '2024-01-10' },
      { enteredOn: '2025-05-10' },
      { enteredOn: '2025-06-30' },
      { enteredOn: '2024-01-10', leftOn: '2025-04-01' },
      { enteredOn: '2024-01-10', leftOn: '2025-03-31' },
      { enteredOn: '2025-07-01' },
    ]);
    const grid = await quarterGrid(handle.db, scope, { carrierId, year: 2025, quarter: 2 });
    const ids = grid.map((r) => r.ventureId);
    expect(ids).toEqual(expect.arrayContaining([open!.id, enteredMid!.id, enteredLastDay!.id, leftFirstDay!.id]));
    expect(ids).not.toContain(leftBefore!.id);
    expect(ids).not.toContain(enteredAfter!.id);
    expect(grid.find((r) => r.ventureId === leftFirstDay!.id)).toMatchObject({ leftOn: '2025-04-01', report: null, filedElsewhere: false });
    expect(grid.find((r) => r.ventureId === open!.id)?.leftOn).toBeNull();
    await expect(quarterGridRow(handle.db, scope, { carrierId, year: 2025, quarter: 2 }, enteredAfter!.id)).rejects.toMatchObject({
      code: 'notFound',
    });
  });

  it('shows the filed figures with when and whether late, and a report another carrier filed as such', async () => {
    const [filed, moved] = await makeResidents(handle.db, carrierId, [{ enteredOn: '2024-01-10' }, { enteredOn: '2024-01-10', leftOn: '2025-08-15' }]);
    await addStay(handle.db, moved!.id, otherCarrierId, { enteredOn: '2025-08-15' });
    await save(2025, 3, [{ ventureId: filed!.id }], '2025-10-20');
    await handle.db.insert(ventureReports).values({ ventureId: moved!.id, carrierId: otherCarrierId, year: 2025, quarter: 3, revenueFen: 999 });
    const grid = await quarterGrid(handle.db, scope, { carrierId, year: 2025, quarter: 3 });
    expect(grid.find((r) => r.ventureId === filed!.id)?.report).toMatchObject({ ...figures(1), late: true });
    expect(grid.find((r) => r.ventureId === filed!.id)?.report?.filedAt).toBeInstanceOf(Date);
    expect(grid.find((r) => r.ventureId === moved!.id)).toMatchObject({ report: null, filedElsewhere: true });
    // Filing it again here would take over the other carrier's report.
    await expect(save(2025, 3, [{ ventureId: moved!.id }], '2025-10-01')).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { '0.ventureId': [{ key: 'reportErrors.filedElsewhere' }] },
    });
  });

  it('refuses a carrier out of scope', async () => {
    await expect(quarterGrid(handle.db, scope, { carrierId: otherCarrierId, year: 2025, quarter: 2 })).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('saving a quarter', () => {
  it('saves 200 rows in one call, with a handful of statements and one audit entry each', async () => {
    const vs = await makeResidents(
      handle.db,
      carrierId,
      Array.from({ length: 200 }, () => ({ enteredOn: '2025-01-10' })),
    );
    const counting = countingDb(handle);
    const result = await counting.db.transaction((tx) =>
      saveQuarterReports(
        tx,
        actor,
        scope,
        { carrierId, year: 2025, quarter: 4 },
        vs.map((v, i) => ({ ventureId: v.id, ...figures(i + 1) })),
        '2026-01-10',
      ),
    );
    expect(result).toEqual({ saved: 200 });
    expect(counting.count()).toBeGreaterThanOrEqual(5);
    // However many rows: the reads, the upsert, the audit entries in one insert, and the audit
    // chain's checkpoint (two reads to see whether one is due, two more when it is: docs/audit-chain.md).
    expect(counting.count()).toBeLessThanOrEqual(14);
    const saved = await reportsOf(
      vs.map((v) => v.id),
      2025,
      4,
    );
    expect(saved).toHaveLength(200);
    expect(saved.every((r) => r.carrierId === carrierId && r.filedBy === actor.userId && !r.late)).toBe(true);
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'venture_report'),
          inArray(
            auditLog.entityId,
            saved.map((r) => String(r.id)),
          ),
        ),
      );
    expect(entries).toHaveLength(200);
    expect(entries.every((e) => e.action === 'report.file' && e.carrierId === carrierId && e.userId === actor.userId)).toBe(true);
  });

  it('keys a bad cell by row and field, and saves nothing when any cell is wrong', async () => {
    const vs = await makeResidents(
      handle.db,
      carrierId,
      Array.from({ length: 200 }, () => ({ enteredOn: '2025-01-10' })),
    );
    const rows = vs.map((v, i) => ({ ventureId: String(v.id), ...typed(i + 1) }));
    rows[57] = { ...rows[57]!, revenueFen: '12.345' };
    rows[123] = { ...rows[123]!, employees: '-1' };
    const parsed = quarterRowsInput.safeParse({ carrierId: String(carrierId), year: '2024', quarter: '4', rows });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['57.revenueFen', 'amount'],
      ['123.employees', 'tooSmall'],
    ]);
    // The same rows without the bad cells parse to fen.
    rows[57] = { ...rows[57]!, revenueFen: '1,000.5' };
    rows[123] = { ...rows[123]!, employees: '3' };
    const ok = quarterRowsInput.parse({ carrierId: String(carrierId), year: '2024', quarter: '4', rows });
    expect(ok.rows[57]).toMatchObject({ revenueFen: 100_050, netProfitFen: -290_000 });

    // A row the database refuses (a venture not in the carrier) rolls the whole quarter back.
    const [outsider] = await makeResidents(handle.db, otherCarrierId, [{ enteredOn: '2024-01-10' }]);
    const mixed = [...vs.slice(0, 5).map((v) => ({ ventureId: v.id })), { ventureId: outsider!.id }];
    await expect(save(2024, 4, mixed, '2025-01-05')).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { '5.ventureId': [{ key: 'reportErrors.notResident' }] },
    });
    expect(
      await reportsOf(
        vs.map((v) => v.id),
        2024,
        4,
      ),
    ).toHaveLength(0);
  });

  it('refuses the same venture twice in one submission', async () => {
    const [v] = await makeResidents(handle.db, carrierId, [{ enteredOn: '2024-01-10' }]);
    await expect(save(2024, 3, [{ ventureId: v!.id }, { ventureId: v!.id }], '2024-10-01')).rejects.toMatchObject({
      fieldErrors: { '1.ventureId': [{ key: 'reportErrors.duplicate' }] },
    });
  });

  it('updates on a second save instead of duplicating, and audits only what changed', async () => {
    const vs = await makeResidents(handle.db, carrierId, [{ enteredOn: '2024-01-10' }, { enteredOn: '2024-01-10' }, { enteredOn: '2024-01-10' }]);
    const ids = vs.map((v) => v.id);
    await save(
      2024,
      2,
      vs.map((v) => ({ ventureId: v.id })),
      '2024-07-01',
    );
    const first = await reportsOf(ids, 2024, 2);
    const changed = vs.map((v, i) => ({ ventureId: v.id, ...figures(i + 1), ...(i === 1 ? { revenueFen: 7, employees: 70 } : {}) }));
    const result = await handle.db.transaction((tx) => saveQuarterReports(tx, actor, scope, { carrierId, year: 2024, quarter: 2 }, changed, '2024-08-01'));
    expect(result).toEqual({ saved: 1 });
    const second = await reportsOf(ids, 2024, 2);
    expect(second).toHaveLength(3);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(second[1]).toMatchObject({ revenueFen: 7, employees: 70, late: false });
    // A correction after the due date keeps the first filing's date and flag.
    expect(second[1]!.filedAt.getTime()).toBe(first[1]!.filedAt.getTime());
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'venture_report'), eq(auditLog.entityId, String(first[1]!.id))))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => e.action)).toEqual(['report.file', 'report.correct']);
    expect(entries[1]!.before).toEqual({ revenueFen: 200_000, employees: 2 });
    expect(entries[1]!.after).toEqual({ revenueFen: 7, employees: 70 });
  });

  it('links the audit entries of a bulk save into the chain', async () => {
    const entries = await handle.db.select().from(auditLog).orderBy(asc(auditLog.id));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  });

  it('marks a report filed after the due date late, and not one filed on it', async () => {
    const [onTime, late] = await makeResidents(handle.db, carrierId, [{ enteredOn: '2024-01-10' }, { enteredOn: '2024-01-10' }]);
    await save(2024, 1, [{ ventureId: onTime!.id }], '2024-04-15');
    await save(2024, 1, [{ ventureId: late!.id }], '2024-04-16');
    const [a, b] = await reportsOf([onTime!.id, late!.id], 2024, 1);
    expect(a!.late).toBe(false);
    expect(b!.late).toBe(true);
  });

  it('refuses a venture of another carrier, and a carrier out of scope', async () => {
    const [theirs] = await makeResidents(handle.db, otherCarrierId, [{ enteredOn: '2024-01-10' }]);
    await expect(save(2024, 1, [{ ventureId: theirs!.id }], '2024-04-01')).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { '0.ventureId': [{ key: 'reportErrors.notResident' }] },
    });
    await expect(save(2024, 1, [{ ventureId: theirs!.id }], '2024-04-01', scope, otherCarrierId)).rejects.toMatchObject({
      code: 'notFound',
    });
    expect(await reportsOf([theirs!.id], 2024, 1)).toHaveLength(0);
  });
});

describe('missing reports', () => {
  it('lists the quarter residents without a report, per carrier or for all in scope', async () => {
    const vs = await makeResidents(handle.db, carrierId, [
      { enteredOn: '2023-01-10' },
      { enteredOn: '2023-01-10' },
      { enteredOn: '2023-01-10', leftOn: '2023-02-01' },
    ]);
    const [theirs] = await makeResidents(handle.db, otherCarrierId, [{ enteredOn: '2023-01-10' }]);
    await save(2023, 1, [{ ventureId: vs[0]!.id }], '2023-04-01');
    const missing = await listMissingReports(handle.db, scope, { year: 2023, quarter: 1 });
    expect(missing.map((m) => m.ventureId).sort()).toEqual([vs[1]!.id, vs[2]!.id].sort());
    expect(missing[0]).toMatchObject({ carrierId });
    expect(await listMissingReports(handle.db, scope, { year: 2023, quarter: 1, carrierId })).toHaveLength(2);
    expect(await listMissingReports(handle.db, scope, { year: 2023, quarter: 1, carrierId: otherCarrierId })).toEqual([]);
    expect(missing.map((m) => m.ventureId)).not.toContain(theirs!.id);
    const all = await listMissingReports(handle.db, { kind: 'all' }, { year: 2023, quarter: 1 });
    expect(all.map((m) => m.ventureId)).toContain(theirs!.id);
  });

  it("lists a venture's reports filed by the scope's carriers", async () => {
    const [v] = await makeResidents(handle.db, carrierId, [{ enteredOn: '2022-01-10', leftOn: '2022-08-01' }]);
    await addStay(handle.db, v!.id, otherCarrierId, { enteredOn: '2022-08-01' });
    await save(2022, 2, [{ ventureId: v!.id }], '2022-07-01');
    await handle.db.insert(ventureReports).values({ ventureId: v!.id, carrierId: otherCarrierId, year: 2022, quarter: 4, revenueFen: 1 });
    const { venture, reports } = await getVentureReports(handle.db, scope, v!.id);
    expect(venture.id).toBe(v!.id);
    expect(reports.map((r) => [r.year, r.quarter, r.carrierId])).toEqual([[2022, 2, carrierId]]);
  });
});
