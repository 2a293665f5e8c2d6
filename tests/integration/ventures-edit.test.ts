import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { addFinancing, getVentureDetail, removeFinancing, updateVenture } from '@/db/queries/ventures/list';
import { applications, auditLog, graduations, programs, ventureFinancings, ventureReports, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';
import type { VentureEditInput } from '@/lib/validation/venture';
import { openTestDatabase } from '../helpers/db';
import { makeTenant, makeVenture, twoOperatorWorld } from '../helpers/ventures-fixtures';

/** A venture's page and the changes made from it: history across carriers, edits, financing, conflicts. */
const TODAY = '2026-05-20';
let handle: DatabaseHandle;
let scope: Scope;
let actor: Actor;
let incA: number;
let incB: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ scope, actor, incA, incB } = await twoOperatorWorld(handle.db));
});
afterAll(async () => {
  await handle?.close();
});

describe('venture detail', () => {
  it('shows its own stays and records only; an earlier carrier’s stays, financings and reports are not the later carrier’s to see', async () => {
    const v = await makeVenture(handle.db, {
      stage: 'incubating',
      currentCarrierId: incA,
      residencies: [
        {
          carrierId: incB,
          stage: 'incubating',
          enteredOn: '2023-01-01',
          leftOn: '2024-01-01',
          exitReason: 'moved',
          areaM2: 80,
          ruleWarnings: ['founded_over_24_months'],
        },
        { carrierId: incA, stage: 'incubating', enteredOn: '2024-01-01', areaM2: 120 },
      ],
    });
    await handle.db.insert(ventureFinancings).values([
      { ventureId: v.id, carrierId: incA, receivedOn: '2025-01-01', amountFen: 300_000_000, investor: '张江天使' },
      { ventureId: v.id, carrierId: incB, receivedOn: '2023-06-01', amountFen: 100_000_000, investor: '乙方时期的投资人' },
    ]);
    await handle.db.insert(ventureReports).values([
      { ventureId: v.id, carrierId: incB, year: 2023, quarter: 3, revenueFen: 1 },
      { ventureId: v.id, carrierId: incA, year: 2025, quarter: 4, revenueFen: 2 },
      { ventureId: v.id, carrierId: incA, year: 2026, quarter: 1, revenueFen: 3 },
    ]);
    await handle.db.insert(graduations).values({ ventureId: v.id, carrierId: incA, graduatedOn: '2026-04-01', criteria: ['financing'], evidence: '投资协议' });
    const [program] = await handle.db
      .insert(programs)
      .values({
        code: `P-${v.id}`,
        nameZh: '房租补贴',
        nameEn: 'Rent subsidy',
        year: 2026,
        category: 'rent',
        applicantType: 'venture',
        fundingMode: 'post_subsidy',
        budgetFen: 10_000_000,
        capFen: 1_000_000,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      })
      .returning();
    await handle.db.insert(applications).values([
      { refNo: `A-${v.id}`, programId: program!.id, carrierId: incA, ventureId: v.id, purpose: '房租', requestedFen: 500_000 },
      { refNo: `B-${v.id}`, programId: program!.id, carrierId: incB, ventureId: v.id, purpose: '房租', requestedFen: 500_000 },
    ]);

    const d = await getVentureDetail(handle.db, scope, v.id, TODAY);
    expect(d.residencies.map((r) => [r.carrierName, r.enteredOn, r.leftOn, r.exitReason])).toEqual([['甲孵化器', '2024-01-01', null, null]]);
    expect(d.residencies[0]).toMatchObject({ ours: true, areaM2: 120 });
    expect(d).toMatchObject({ current: true, editable: true });
    expect(d.openResidency).toMatchObject({ carrierId: incA, enteredOn: '2024-01-01' });
    // Counted from the first incubating residency, in the other carrier.
    expect(d.limit).toMatchObject({ status: 'ok', endsOn: '2027-01-01' });
    expect(d.incubationStartedOn).toBe('2023-01-01');
    expect(d.financings.map((f) => f.investor)).toEqual(['张江天使']);
    expect(d.financingTotalFen).toBe(300_000_000);
    expect(d.reports.map((r) => `${r.year}Q${r.quarter}`)).toEqual(['2026Q1', '2025Q4']);
    expect(d.graduations).toMatchObject([{ status: 'pending', carrierName: '甲孵化器', evidence: '投资协议' }]);
    expect(d.applications.map((a) => a.refNo)).toEqual([`A-${v.id}`]);
  });

  it('is not found for another carrier’s venture or a missing one', async () => {
    const theirs = await makeTenant(handle.db, incB, '2025-01-01');
    await expect(getVentureDetail(handle.db, scope, theirs.id, TODAY)).rejects.toMatchObject({ code: 'notFound' });
    await expect(getVentureDetail(handle.db, scope, 999_999, TODAY)).rejects.toMatchObject({ code: 'notFound' });
  });
});

const editOf = (v: typeof ventures.$inferSelect, extra: Partial<VentureEditInput> = {}): VentureEditInput => ({
  ventureId: v.id,
  version: v.version,
  industry: v.industry,
  technicalField: (v.technicalField ?? undefined) as VentureEditInput['technicalField'],
  founders: v.founders ?? undefined,
  talentFlags: v.talentFlags as VentureEditInput['talentFlags'],
  highTechCertNo: v.highTechCertNo ?? undefined,
  highTechCertOn: v.highTechCertOn ?? undefined,
  exitKind: v.exitKind ?? undefined,
  exitOn: v.exitOn ?? undefined,
  ...extra,
});
const reload = async (id: number) => (await handle.db.select().from(ventures).where(eq(ventures.id, id)))[0]!;
const auditOf = (entity: string, id: number) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))));

describe('editing a venture', () => {
  it('saves, bumps the version and writes one audit entry with the changed fields', async () => {
    const v = await makeTenant(handle.db, incA, '2025-01-01');
    const r = await updateVenture(handle.db, actor, scope, editOf(v, { technicalField: 'electronic_information', talentFlags: ['returnee', 'phd'] }), TODAY);
    expect(r).toEqual({ version: 2, changed: true });
    const after = await reload(v.id);
    expect(after).toMatchObject({ technicalField: 'electronic_information', talentFlags: ['phd', 'returnee'], version: 2 });
    const entries = await auditOf('venture', v.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'venture.update',
      userId: actor.userId,
      carrierId: incA,
      before: { technicalField: null, talentFlags: [] },
      after: { technicalField: 'electronic_information', talentFlags: ['phd', 'returnee'] },
    });
  });

  it('refuses a stale version with a conflict and changes nothing', async () => {
    const v = await makeTenant(handle.db, incA, '2025-01-01');
    await updateVenture(handle.db, actor, scope, editOf(v, { founders: '张三' }), TODAY);
    await expect(updateVenture(handle.db, actor, scope, editOf(v, { founders: '李四' }), TODAY)).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateVenture(handle.db, actor, scope, editOf(v), TODAY)).rejects.toMatchObject({ code: 'conflict' });
    expect(await reload(v.id)).toMatchObject({ founders: '张三', version: 2 });
    expect(await auditOf('venture', v.id)).toHaveLength(1);
  });

  it('asks for both halves of an exit event and of a certificate, dated no later than today', async () => {
    const v = await makeTenant(handle.db, incA, '2025-01-01');
    const attempt = (extra: Partial<VentureEditInput>) => updateVenture(handle.db, actor, scope, editOf(v, extra), TODAY);
    await expect(attempt({ exitKind: 'acquired' })).rejects.toMatchObject({ code: 'invalid', fieldErrors: { exitOn: [{ key: 'required' }] } });
    await expect(attempt({ exitOn: '2026-01-01' })).rejects.toMatchObject({ code: 'invalid', fieldErrors: { exitKind: [{ key: 'required' }] } });
    await expect(attempt({ exitKind: 'listed', exitOn: '2026-05-21' })).rejects.toMatchObject({
      fieldErrors: { exitOn: [{ key: 'dateInFuture' }] },
    });
    await expect(attempt({ highTechCertNo: 'GR1' })).rejects.toMatchObject({ fieldErrors: { highTechCertOn: [{ key: 'required' }] } });
    expect(await reload(v.id)).toMatchObject({ version: 1, exitKind: null });
    await attempt({ exitKind: 'listed', exitOn: TODAY });
    expect(await reload(v.id)).toMatchObject({ version: 2, exitKind: 'listed', exitOn: TODAY });
  });

  it('is not found for another carrier’s venture, and committee scope cannot change ventures here', async () => {
    const theirs = await makeTenant(handle.db, incB, '2025-01-01');
    await expect(updateVenture(handle.db, actor, scope, editOf(theirs, { founders: 'x' }), TODAY)).rejects.toMatchObject({ code: 'notFound' });
    const mine = await makeTenant(handle.db, incA, '2025-01-01');
    await expect(updateVenture(handle.db, actor, { kind: 'all' }, editOf(mine, { founders: 'x' }), TODAY)).rejects.toMatchObject({ code: 'notFound' });
    expect(await reload(theirs.id)).toMatchObject({ founders: null, version: 1 });
  });
});

describe('financing events', () => {
  it('adds and removes events, each bumping the version with an audit entry', async () => {
    const v = await makeTenant(handle.db, incA, '2025-01-01');
    const added = await addFinancing(
      handle.db,
      actor,
      scope,
      { ventureId: v.id, version: 1, receivedOn: '2026-02-01', amountFen: 123_456, investor: '浦东创投' },
      TODAY,
    );
    expect(added.version).toBe(2);
    expect(await auditOf('venture_financing', added.id)).toMatchObject([{ action: 'venture.financing.add', carrierId: incA, after: { amountFen: 123_456 } }]);
    // A form loaded before the event was added is stale.
    await expect(removeFinancing(handle.db, actor, scope, { ventureId: v.id, financingId: added.id, version: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateVenture(handle.db, actor, scope, editOf(v, { founders: 'x' }), TODAY)).rejects.toMatchObject({ code: 'conflict' });
    const removed = await removeFinancing(handle.db, actor, scope, { ventureId: v.id, financingId: added.id, version: 2 });
    expect(removed.version).toBe(3);
    expect(await handle.db.select().from(ventureFinancings).where(eq(ventureFinancings.ventureId, v.id))).toEqual([]);
    expect((await auditOf('venture_financing', added.id)).map((e) => e.action)).toEqual(['venture.financing.add', 'venture.financing.remove']);
  });

  it('refuses a future date, and another venture’s event', async () => {
    const v = await makeTenant(handle.db, incA, '2025-01-01');
    await expect(
      addFinancing(handle.db, actor, scope, { ventureId: v.id, version: 1, receivedOn: '2026-05-21', amountFen: 100, investor: 'x' }, TODAY),
    ).rejects.toMatchObject({ code: 'invalid', fieldErrors: { receivedOn: [{ key: 'dateInFuture' }] } });
    const other = await makeTenant(handle.db, incA, '2025-01-01');
    const [f] = await handle.db.insert(ventureFinancings).values({ ventureId: other.id, receivedOn: '2025-01-01', amountFen: 100, investor: 'y' }).returning();
    await expect(removeFinancing(handle.db, actor, scope, { ventureId: v.id, financingId: f!.id, version: 1 })).rejects.toMatchObject({ code: 'notFound' });
    expect(await reload(v.id)).toMatchObject({ version: 1 });
    expect(await handle.db.select().from(ventureFinancings).where(eq(ventureFinancings.id, f!.id))).toHaveLength(1);
  });
});
