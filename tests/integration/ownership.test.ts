import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { admitVentures } from '@/db/queries/ventures/admission';
import { auditFilterChoices, auditScope, listAuditEntries } from '@/db/queries/oversight/audit-log';
import { rejectGraduation, verifyGraduation } from '@/db/queries/graduations/decisions';
import { recordGraduation } from '@/db/queries/graduations/candidates';
import { listNotifications } from '@/db/queries/accounts/notifications';
import { saveQuarterReports } from '@/db/queries/reports/reports';
import { admitGraduate, endResidency } from '@/db/queries/ventures/residencies';
import { reportExportRows, ventureExportRows } from '@/db/queries/ventures/transfer-export';
import { addFinancing, getVentureDetail, listVentures, updateVenture } from '@/db/queries/ventures/list';
import { isOverlapViolation } from '@/db/queries/ventures/stays';
import { auditLog, residencies, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import type { AdmissionInput } from '@/lib/validation/venture';
import { openTestDatabase, postgresUrl } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { companyInput, makeOperatorWithCarriers } from '../helpers/residency-fixtures';
import { refusal } from '../helpers/subsidy-fixtures';

/**
 * The takeover by credit code (docs/data-ownership.md): operator 2 admitting operator 1's
 * venture whose stay has just ended with a graduation pending verification. It is refused with
 * the reason; once the committee has decided, admission works, but operator 2 sees nothing of
 * operator 1's period, operator 1 keeps reading it and its exports do not change, the stay is
 * never back-dated, and a graduate is never switched back into incubation.
 */
const TODAY = '2026-06-30';
let handle: DatabaseHandle;
let op1: Awaited<ReturnType<typeof makeOperatorWithCarriers>>;
let op2: Awaited<ReturnType<typeof makeOperatorWithCarriers>>;
let committee: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  op1 = await makeOperatorWithCarriers(handle.db);
  op2 = await makeOperatorWithCarriers(handle.db);
  committee = { userId: (await makeUser(handle.db, 'committee')).id, role: 'committee', ip: '127.0.0.1' };
});
afterAll(async () => handle?.close());

const admit = (op: typeof op1, input: AdmissionInput) => handle.db.transaction((tx) => admitVentures(tx, op.actor, op.scope, [input], TODAY));
const figures = {
  revenueFen: 1_000_000,
  netProfitFen: 0,
  rdSpendFen: 0,
  taxFen: 0,
  financingFen: 0,
  employees: 5,
  ipFiled: 0,
  ipGranted: 0,
  inventionPatents: 0,
};
const page = { page: 1, pageSize: 100 };

/** Operator 1's venture: three years in its incubator, four quarterly reports, a financing round, then a graduation recorded. */
async function operatorOnesGraduate(name: string) {
  const input = companyInput(op1.incubator.id, { name, enteredOn: '2023-02-01', foundedOn: '2022-06-01' });
  const [admitted] = await admit(op1, input);
  const ventureId = admitted!.ventureId;
  for (const quarter of [1, 2, 3, 4]) {
    await handle.db.transaction((tx) =>
      saveQuarterReports(tx, op1.actor, op1.scope, { carrierId: op1.incubator.id, year: 2024, quarter }, [{ ventureId, ...figures }], TODAY),
    );
  }
  const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, ventureId));
  await addFinancing(
    handle.db,
    op1.actor,
    op1.scope,
    { ventureId, receivedOn: '2024-05-01', amountFen: 600_000_000, investor: '甲方时期的投资人', version: v!.version },
    TODAY,
  );
  const { graduationId } = await recordGraduation(
    handle.db,
    op1.actor,
    op1.scope,
    { ventureId, graduatedOn: '2026-05-31', criteria: ['financing'], evidence: '融资协议', files: [] },
    TODAY,
  );
  const creditCode = input.kind === 'company' ? input.creditCode : '';
  return { ventureId, graduationId, creditCode };
}

async function exportsOfOperatorOne() {
  return {
    reports: await reportExportRows(handle.db, op1.scope, { carrierId: op1.incubator.id, year: 2024, quarter: 2 }),
    admitted2023: (await ventureExportRows(handle.db, op1.scope, { enteredYear: 2023 }, TODAY)).map((r) => [
      r.carrier,
      r.name,
      r.creditCode,
      r.industry,
      r.stage,
    ]),
  };
}

describe('the takeover by credit code', () => {
  it('is refused while the graduation awaits the committee, in both languages, for an incubator and an accelerator', async () => {
    const g = await operatorOnesGraduate('接管测试甲');
    const e = await refusal(admit(op2, companyInput(op2.incubator.id, { creditCode: g.creditCode, enteredOn: '2026-06-01' })));
    expect(e.fieldErrors).toEqual({ '0.creditCode': [{ key: 'ownership.graduationPending' }] });
    const e2 = await refusal(
      admitGraduate(
        handle.db,
        op2.actor,
        op2.scope,
        { carrierId: op2.accelerator.id, creditCode: g.creditCode, enteredOn: '2026-06-01', areaM2: 10, workstations: 1 },
        TODAY,
      ),
    );
    expect(e2.fieldErrors).toEqual({ creditCode: [{ key: 'ownership.graduationPending' }] });
    for (const locale of ['zh-CN', 'en']) {
      const text: string = JSON.parse(fs.readFileSync(path.join('messages', locale, 'ownership.json'), 'utf8')).ownership.graduationPending;
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toContain(op1.incubator.name);
    }
    // Nothing changed: operator 1 still has it, operator 2 has never seen it.
    const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, g.ventureId));
    expect(v).toMatchObject({ stage: 'graduated', currentCarrierId: op1.incubator.id });
    await expect(getVentureDetail(handle.db, op2.scope, g.ventureId, TODAY)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('after a rejection the stay is operator 1’s again; once it moves on, operator 2 admits it, not back-dated, and sees nothing of operator 1’s period', async () => {
    const g = await operatorOnesGraduate('接管测试乙');
    await rejectGraduation(handle.db, committee, { graduationId: g.graduationId, reason: '融资协议未附银行流水' });
    const open = await refusal(admit(op2, companyInput(op2.incubator.id, { creditCode: g.creditCode, enteredOn: '2026-06-20' })));
    expect(open.fieldErrors).toEqual({ '0.creditCode': [{ key: 'admission.openElsewhere' }] });

    const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, g.ventureId));
    const [stay] = await handle.db
      .select()
      .from(residencies)
      .where(and(eq(residencies.ventureId, g.ventureId), eq(residencies.carrierId, op1.incubator.id)));
    await endResidency(
      handle.db,
      op1.actor,
      op1.scope,
      { ventureId: g.ventureId, residencyId: stay!.id, version: v!.version, leftOn: '2026-06-10', reason: 'moved' },
      TODAY,
    );
    const before = await exportsOfOperatorOne();

    // Back-dating into operator 1's stay is refused with the day it ended.
    const backDated = await refusal(admit(op2, companyInput(op2.incubator.id, { creditCode: g.creditCode, enteredOn: '2026-06-09' })));
    expect(backDated.fieldErrors).toEqual({ '0.enteredOn': [{ key: 'ownership.beforeLastStay', params: { date: '2026-06-10' } }] });
    const [r] = await admit(op2, companyInput(op2.incubator.id, { creditCode: g.creditCode, enteredOn: '2026-06-10' }));
    expect(r!.ventureId).toBe(g.ventureId);
    const stays = await handle.db.select().from(residencies).where(eq(residencies.ventureId, g.ventureId)).orderBy(asc(residencies.enteredOn));
    expect(stays.map((s) => [s.carrierId, s.enteredOn, s.leftOn])).toEqual([
      [op1.incubator.id, '2023-02-01', '2026-06-10'],
      [op2.incubator.id, '2026-06-10', null],
    ]);

    // Operator 2: the identity and its own stay; none of operator 1's reports, financings, graduations or stays.
    const seen2 = await getVentureDetail(handle.db, op2.scope, g.ventureId, TODAY);
    expect(seen2.venture).toMatchObject({ name: '接管测试乙', creditCode: g.creditCode, industry: 'software' });
    expect(seen2).toMatchObject({ current: true, editable: true, reports: [], financings: [], graduations: [], financingTotalFen: 0 });
    expect(seen2.residencies.map((s) => s.carrierId)).toEqual([op2.incubator.id]);
    expect(JSON.stringify(seen2)).not.toContain('甲方时期的投资人');
    expect(JSON.stringify(seen2)).not.toContain('融资协议');

    // Operator 1: its period, read-only, not a 404; editing is refused; its exports are unchanged.
    const seen1 = await getVentureDetail(handle.db, op1.scope, g.ventureId, TODAY);
    expect(seen1).toMatchObject({ current: false, editable: false, openResidency: null, limit: null });
    expect(seen1.venture.stage).toBe('incubating');
    expect(seen1.reports).toHaveLength(4);
    expect(seen1.financings.map((f) => f.investor)).toEqual(['甲方时期的投资人']);
    expect(seen1.graduations).toMatchObject([{ status: 'rejected', rejectionReason: '融资协议未附银行流水' }]);
    expect(seen1.residencies.map((s) => s.carrierId)).toEqual([op1.incubator.id]);
    const [now] = await handle.db.select().from(ventures).where(eq(ventures.id, g.ventureId));
    expect(
      (
        await refusal(
          addFinancing(
            handle.db,
            op1.actor,
            op1.scope,
            { ventureId: g.ventureId, receivedOn: '2026-06-20', amountFen: 1, investor: '冒名', version: now!.version },
            TODAY,
          ),
        )
      ).code,
    ).toBe('notFound');
    expect(
      (
        await refusal(
          updateVenture(handle.db, op1.actor, op1.scope, { ventureId: g.ventureId, version: now!.version, industry: 'ai', talentFlags: [] } as never, TODAY),
        )
      ).code,
    ).toBe('notFound');
    expect(await exportsOfOperatorOne()).toEqual(before);
    const list1 = await listVentures(handle.db, op1.scope, { q: '接管测试乙' }, page, TODAY);
    expect(list1.rows).toMatchObject([{ id: g.ventureId, current: false, currentCarrierName: null, lastCarrierName: op1.incubator.name, stage: 'incubating' }]);

    // Operator 1 is told, and its own audit log says why the venture left its current tenants.
    const notices = await listNotifications(handle.db, op1.user.id, page);
    expect(notices.rows).toContainEqual(
      expect.objectContaining({
        kind: 'ownership.notice.admittedElsewhere',
        params: { name: '接管测试乙', date: '2026-06-10' },
        link: `/operator/ventures/${g.ventureId}`,
      }),
    );
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'venture.admitted_elsewhere'), eq(auditLog.entityId, String(g.ventureId))));
    expect(entries).toMatchObject([{ carrierId: op1.incubator.id, userId: op2.user.id, after: { enteredOn: '2026-06-10' } }]);
    // Its log shows the entry, but not who at the other carrier admitted it, and offers no filter by them.
    const log = await listAuditEntries(handle.db, auditScope('operator', op1.scope), { entity: 'venture', entityId: String(g.ventureId) }, page);
    const notice = log.rows.find((r) => r.action === 'venture.admitted_elsewhere');
    expect(notice).toMatchObject({ userId: null, userName: null, ip: null, actorHidden: true });
    expect(JSON.stringify(log.rows)).not.toContain(op2.user.name);
    const choices = await auditFilterChoices(handle.db, auditScope('operator', op1.scope));
    expect(choices.users.map((u) => u.id)).not.toContain(op2.user.id);
  });

  it('after a verification an accelerator admits the graduate; no incubator switches it back to incubating', async () => {
    const g = await operatorOnesGraduate('接管测试丙');
    const before = await exportsOfOperatorOne();
    await verifyGraduation(handle.db, committee, { graduationId: g.graduationId });
    const back = await refusal(admit(op2, companyInput(op2.incubator.id, { creditCode: g.creditCode, enteredOn: '2026-06-15' })));
    expect(back.fieldErrors).toEqual({ '0.creditCode': [{ key: 'ownership.graduated' }] });
    const early = await refusal(
      admitGraduate(
        handle.db,
        op2.actor,
        op2.scope,
        { carrierId: op2.accelerator.id, creditCode: g.creditCode, enteredOn: '2026-05-30', areaM2: 10, workstations: 1 },
        TODAY,
      ),
    );
    expect(early.fieldErrors).toEqual({ enteredOn: [{ key: 'ownership.beforeLastStay', params: { date: '2026-05-31' } }] });
    await admitGraduate(
      handle.db,
      op2.actor,
      op2.scope,
      { carrierId: op2.accelerator.id, creditCode: g.creditCode, enteredOn: '2026-06-15', areaM2: 10, workstations: 1 },
      TODAY,
    );
    const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, g.ventureId));
    expect(v).toMatchObject({ stage: 'accelerating', currentCarrierId: op2.accelerator.id });

    const seen1 = await getVentureDetail(handle.db, op1.scope, g.ventureId, TODAY);
    expect(seen1).toMatchObject({ current: false, editable: false });
    expect(seen1.venture.stage).toBe('graduated');
    expect(seen1.graduations).toMatchObject([{ status: 'verified' }]);
    const seen2 = await getVentureDetail(handle.db, op2.scope, g.ventureId, TODAY);
    expect(seen2).toMatchObject({ graduations: [], reports: [], financings: [] });
    expect(await exportsOfOperatorOne()).toEqual(before);
  });

  it('the database refuses overlapping stays of one venture, whatever the application checks', async () => {
    const [r] = await admit(op1, companyInput(op1.incubator.id, { enteredOn: '2025-01-01' }));
    await handle.db.update(residencies).set({ leftOn: '2025-12-31', exitReason: 'moved' }).where(eq(residencies.id, r!.residencyId));
    const overlap = await handle.db
      .insert(residencies)
      .values({ ventureId: r!.ventureId, carrierId: op2.incubator.id, stage: 'incubating', enteredOn: '2025-12-30' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isOverlapViolation(overlap)).toBe(true);
    await handle.db.insert(residencies).values({ ventureId: r!.ventureId, carrierId: op2.incubator.id, stage: 'incubating', enteredOn: '2025-12-31' });
  });

  it.skipIf(!postgresUrl)('of two carriers admitting the same code at once, exactly one wins', async () => {
    const [r] = await admit(op1, companyInput(op1.incubator.id, { enteredOn: '2025-01-01' }));
    const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, r!.ventureId));
    await endResidency(
      handle.db,
      op1.actor,
      op1.scope,
      { ventureId: v!.id, residencyId: r!.residencyId, version: v!.version, leftOn: '2025-06-01', reason: 'moved' },
      TODAY,
    );
    const op3 = await makeOperatorWithCarriers(handle.db);
    const results = await Promise.allSettled(
      [op2, op3].map((op) => admit(op, companyInput(op.incubator.id, { creditCode: v!.creditCode!, enteredOn: '2025-07-01' }))),
    );
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'invalid', fieldErrors: { '0.creditCode': [{ key: 'admission.openElsewhere' }] } });
    const open = await handle.db.select().from(residencies).where(eq(residencies.ventureId, v!.id));
    expect(open.filter((s) => s.leftOn === null)).toHaveLength(1);
  });
});
