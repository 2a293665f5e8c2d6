/** The workflow's steps on the server: both funding modes, separation of powers, stale forms, limits, payments. */
import type { DocumentType } from '@/lib/validation/subsidies';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import {
  acceptApplication,
  decideApplication,
  getApplication,
  inspectApplication,
  payApplication,
  returnToApplicant,
  reviewApplication,
  reviewQueue,
  submitApplication,
} from '@/db/queries/subsidies/applications';
import { programmeBudgets, updateProgramme } from '@/db/queries/subsidies/programmes';
import { applicationEvents, applications, auditLog, disbursements, indicators, notifications } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import {
  ALL,
  TODAY,
  WAN,
  approvedApplication,
  draftFor,
  keysOf,
  makeProgramme,
  makeSubsidyWorld,
  refusal,
  reviewedApplication,
  type SubsidyWorld,
} from '../helpers/subsidy-fixtures';
import { approve, pay, inspect, status } from '../helpers/subsidy-steps';

let handle: DatabaseHandle;
let w: SubsidyWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('the pre-funded path', () => {
  it('runs draft -> submitted -> in_review -> reviewed -> approved -> paid -> accepted with events, audit and notifications', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    let { version } = await submitApplication(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version }, TODAY);
    // Submitted at 09:30 Shanghai time on 2026-03-10; the clock of the test run is another day.
    await w.db
      .update(applications)
      .set({ submittedAt: new Date('2026-03-10T01:30:00Z') })
      .where(eq(applications.id, d.id));
    const queue = await reviewQueue(w.db, ALL, { programId: p.id, page: 1, pageSize: 10 }, '2026-03-15');
    expect(queue.rows.map((r) => [r.id, r.daysWaited, r.blacklisted])).toEqual([[d.id, 5, false]]);
    ({ version } = await acceptApplication(w.db, w.acceptor, ALL, { applicationId: d.id, version }, TODAY));
    ({ version } = await reviewApplication(
      w.db,
      w.reviewer,
      ALL,
      { applicationId: d.id, version, score: 85, recommendation: 'fund', comment: '内部意见' },
      TODAY,
    ));
    ({ version } = await reviewApplication(
      w.db,
      w.reviewer2,
      ALL,
      { applicationId: d.id, version, score: 70, recommendation: 'fund_reduced', recommendedFen: 20 * WAN },
      TODAY,
    ));
    ({ version } = await approve(w, w.decider, d.id, version, 25 * WAN));
    ({ version } = await pay(w, d.id, version, 10 * WAN, 'V-PRE-1'));
    ({ version } = await pay(w, d.id, version, 15 * WAN, 'V-PRE-2'));
    const [ind] = await w.db.select().from(indicators).where(eq(indicators.applicationId, d.id));
    await inspectApplication(
      w.db,
      w.inspector,
      ALL,
      { applicationId: d.id, version, passed: true, comment: '达标', actuals: [{ indicatorId: ind!.id, actualValue: 12, passed: true }] },
      TODAY,
    );
    const row = await status(w, d.id);
    expect(row).toMatchObject({
      status: 'accepted',
      approvedFen: 25 * WAN,
      paidFen: 25 * WAN,
      finalFen: null,
      decidedBy: w.decider.userId,
      inspectedBy: w.inspector.userId,
    });
    const [after] = await w.db.select().from(indicators).where(eq(indicators.id, ind!.id));
    expect(after).toMatchObject({ actualValue: 12, passed: true });

    const events = await w.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, d.id)).orderBy(asc(applicationEvents.id));
    expect(events.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'in_review', 'reviewed', 'reviewed', 'approved', 'paid', 'paid', 'accepted']);
    const audit = await w.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'application'), eq(auditLog.entityId, String(d.id))));
    expect(audit.map((a) => a.action)).toEqual([
      'application.create',
      'application.submit',
      'application.accept',
      'application.review',
      'application.review',
      'application.approve',
      'application.pay',
      'application.pay',
      'application.inspect',
    ]);
    const notes = await w.db.select().from(notifications).where(eq(notifications.userId, w.operator.userId));
    const mine = notes.filter((n) => n.params.refNo === d.refNo).map((n) => n.params.status);
    expect(mine).toEqual(['submitted', 'in_review', 'reviewed', 'approved', 'paid', 'accepted']);

    // The operator sees neither reviews nor the second, internal review event; the committee sees both.
    const forOperator = await getApplication(w.db, w.operator, w.scope, d.id, TODAY);
    expect(forOperator.reviews).toEqual([]);
    expect(forOperator.timeline.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'in_review', 'reviewed', 'approved', 'paid', 'paid', 'accepted']);
    const forCommittee = await getApplication(w.db, w.decider, ALL, d.id, TODAY);
    expect(forCommittee.reviews.map((r) => r.score)).toEqual([85, 70]);
    expect(forCommittee.timeline).toHaveLength(9);
    expect(forCommittee.disbursements.map((x) => x.voucherNo)).toEqual(['V-PRE-1', 'V-PRE-2']);
  });

  it('returns to the applicant with a comment, who resubmits', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    let { version } = await submitApplication(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version }, TODAY);
    ({ version } = await returnToApplicant(w.db, w.acceptor, ALL, { applicationId: d.id, version, comment: '请补充租赁合同' }, TODAY));
    expect((await status(w, d.id)).status).toBe('returned');
    const detail = await getApplication(w.db, w.operator, w.scope, d.id, TODAY);
    expect(detail.timeline.at(-1)).toMatchObject({ toStatus: 'returned', comment: '请补充租赁合同' });
    await submitApplication(w.db, w.operator, w.scope, { applicationId: d.id, version }, TODAY);
    expect((await status(w, d.id)).status).toBe('submitted');
  });

  it('rejects with a reason', async () => {
    const p = await makeProgramme(w.db);
    const r = await reviewedApplication(w, p.id);
    await decideApplication(w.db, w.decider, ALL, { applicationId: r.id, version: r.version, decision: 'reject', reason: '不符合条件' }, TODAY);
    expect(await status(w, r.id)).toMatchObject({ status: 'rejected', decisionReason: '不符合条件', approvedFen: null });
  });
});

describe('separation of powers on the server', () => {
  it('refuses a reviewer deciding, the acceptor deciding, and a second review by one reviewer', async () => {
    const p = await makeProgramme(w.db);
    const r = await reviewedApplication(w, p.id);
    const e1 = await refusal(approve(w, w.reviewer, r.id, r.version, WAN));
    expect([e1.code, keysOf(e1)]).toEqual(['forbidden', { _form: ['workflow.sameAsReviewer'] }]);
    const e2 = await refusal(decideApplication(w.db, w.reviewer, ALL, { applicationId: r.id, version: r.version, decision: 'reject', reason: 'x' }, TODAY));
    expect(keysOf(e2)).toEqual({ _form: ['workflow.sameAsReviewer'] });
    const e3 = await refusal(approve(w, w.acceptor, r.id, r.version, WAN));
    expect([e3.code, keysOf(e3)]).toEqual(['forbidden', { _form: ['workflow.sameAsAcceptor'] }]);
    const e4 = await refusal(reviewApplication(w.db, w.reviewer, ALL, { applicationId: r.id, version: r.version, score: 1, recommendation: 'reject' }, TODAY));
    expect([e4.code, keysOf(e4)]).toEqual(['invalid', { _form: ['workflow.alreadyReviewed'] }]);
    expect((await status(w, r.id)).status).toBe('reviewed');
  });

  it('refuses a reviewer or the decider inspecting', async () => {
    const p = await makeProgramme(w.db, { fundingMode: 'post_subsidy' });
    const a = await approvedApplication(w, p.id);
    const e1 = await refusal(inspect(w, w.reviewer, a.id, a.version, true, WAN));
    expect([e1.code, keysOf(e1)]).toEqual(['forbidden', { _form: ['workflow.sameAsReviewer'] }]);
    const e2 = await refusal(inspect(w, w.decider, a.id, a.version, true, WAN));
    expect([e2.code, keysOf(e2)]).toEqual(['forbidden', { _form: ['workflow.sameAsDecider'] }]);
    await inspect(w, w.inspector, a.id, a.version, true, WAN);
  });

  it('refuses the decider paying (审批与支付分离), in both funding modes, and records nothing', async () => {
    const pre = await approvedApplication(w, (await makeProgramme(w.db)).id);
    const e1 = await refusal(
      payApplication(w.db, w.decider, ALL, { applicationId: pre.id, version: pre.version, amountFen: WAN, paidOn: TODAY, voucherNo: 'V-SEP-1' }, TODAY),
    );
    expect([e1.code, keysOf(e1)]).toEqual(['forbidden', { _form: ['workflow.deciderPays'] }]);
    expect(await w.db.select().from(disbursements).where(eq(disbursements.applicationId, pre.id))).toEqual([]);
    expect(await status(w, pre.id)).toMatchObject({ status: 'approved', paidFen: 0 });
    // Another member pays; the decider may not add a further payment either.
    const { version } = await pay(w, pre.id, pre.version, WAN, 'V-SEP-2');
    const e2 = await refusal(
      payApplication(w.db, w.decider, ALL, { applicationId: pre.id, version, amountFen: WAN, paidOn: TODAY, voucherNo: 'V-SEP-3' }, TODAY),
    );
    expect(keysOf(e2)).toEqual({ _form: ['workflow.deciderPays'] });

    const post = await approvedApplication(w, (await makeProgramme(w.db, { fundingMode: 'post_subsidy' })).id);
    const inspected = await inspect(w, w.inspector, post.id, post.version, true, WAN);
    const e3 = await refusal(
      payApplication(w.db, w.decider, ALL, { applicationId: post.id, version: inspected.version, amountFen: WAN, paidOn: TODAY, voucherNo: 'V-SEP-4' }, TODAY),
    );
    expect(keysOf(e3)).toEqual({ _form: ['workflow.deciderPays'] });
    await payApplication(
      w.db,
      w.inspector,
      ALL,
      { applicationId: post.id, version: inspected.version, amountFen: WAN, paidOn: TODAY, voucherNo: 'V-SEP-5' },
      TODAY,
    );
    expect((await status(w, post.id)).status).toBe('paid');
  });

  it('refuses an operator taking a committee step on its own application', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const { version } = await submitApplication(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version }, TODAY);
    const e = await refusal(acceptApplication(w.db, w.operator, w.scope, { applicationId: d.id, version }, TODAY));
    expect([e.code, keysOf(e)]).toEqual(['forbidden', { _form: ['workflow.committeeOnly'] }]);
  });
});

describe('stale forms', () => {
  it('answers every step with a stale version with a conflict and changes nothing', async () => {
    const p = await makeProgramme(w.db);
    const r = await reviewedApplication(w, p.id);
    const stale = r.version - 1;
    expect((await refusal(approve(w, w.decider, r.id, stale, WAN))).code).toBe('conflict');
    expect(
      (await refusal(reviewApplication(w.db, w.reviewer2, ALL, { applicationId: r.id, version: stale, score: 50, recommendation: 'fund' }, TODAY))).code,
    ).toBe('conflict');
    const { version } = await approve(w, w.decider, r.id, r.version, WAN);
    expect((await refusal(pay(w, r.id, r.version, WAN, 'V-STALE-1'))).code).toBe('conflict');
    await pay(w, r.id, version, WAN, 'V-STALE-2');
    // The same form sent twice pays once.
    expect((await refusal(pay(w, r.id, version, WAN, 'V-STALE-3'))).code).toBe('conflict');
    const paid = await w.db.select().from(disbursements).where(eq(disbursements.applicationId, r.id));
    expect(paid.map((x) => x.voucherNo)).toEqual(['V-STALE-2']);
  });
});

describe('approval limits', () => {
  it('holds the approved amount to the request, the cap and the remaining budget', async () => {
    const p = await makeProgramme(w.db, { budgetFen: 50 * WAN, capFen: 30 * WAN });
    const r1 = await reviewedApplication(w, p.id, 30 * WAN);
    const e1 = await refusal(approve(w, w.decider, r1.id, r1.version, 30 * WAN + 1));
    expect(keysOf(e1)).toEqual({ approvedFen: ['subsidyErrors.overRequested', 'subsidyErrors.overCap'] });
    await approve(w, w.decider, r1.id, r1.version, 30 * WAN);
    const r2 = await reviewedApplication(w, p.id, 30 * WAN);
    const e2 = await refusal(approve(w, w.decider, r2.id, r2.version, 20 * WAN + 1));
    expect(keysOf(e2)).toEqual({ approvedFen: ['subsidyErrors.overBudget'] });
    expect(e2.fieldErrors!.approvedFen![0]!.params).toMatchObject({ remainingFen: 20 * WAN });
    await approve(w, w.decider, r2.id, r2.version, 20 * WAN);
    const [b] = await programmeBudgets(w.db, { programIds: [p.id] });
    expect(b).toMatchObject({ budgetFen: 50 * WAN, committedFen: 50 * WAN, paidFen: 0, remainingFen: 0, awards: 2, executionRate: 0 });
  });

  it('lets a budget not fall below what is committed, and fixes applicant type and funding mode once applied', async () => {
    const p = await makeProgramme(w.db, { budgetFen: 100 * WAN, capFen: 30 * WAN });
    await approvedApplication(w, p.id, 30 * WAN);
    const input = {
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      year: p.year,
      category: p.category,
      applicantType: 'carrier' as const,
      eligibleKinds: p.eligibleKinds,
      eligibleStages: p.eligibleStages,
      fundingMode: 'post_subsidy' as const,
      budgetFen: 29 * WAN,
      capFen: 10 * WAN,
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      requiredDocuments: p.requiredDocuments as DocumentType[],
      description: undefined,
      status: p.status,
    };
    const e = await refusal(updateProgramme(w.db, w.decider, { ...input, programId: p.id, version: p.version }));
    expect(keysOf(e)).toEqual({
      applicantType: ['subsidyErrors.fixedOnceApplied'],
      fundingMode: ['subsidyErrors.fixedOnceApplied'],
      budgetFen: ['subsidyErrors.budgetBelowCommitted'],
    });
    const ok = await updateProgramme(w.db, w.decider, {
      ...input,
      applicantType: 'venture',
      fundingMode: 'pre_funded',
      budgetFen: 30 * WAN,
      programId: p.id,
      version: p.version,
    });
    expect(ok.version).toBe(p.version + 1);
    expect(
      (
        await refusal(
          updateProgramme(w.db, w.decider, {
            ...input,
            applicantType: 'venture',
            fundingMode: 'pre_funded',
            budgetFen: 30 * WAN,
            programId: p.id,
            version: p.version,
          }),
        )
      ).code,
    ).toBe('conflict');
  });
});

describe('payments', () => {
  it('never exceed the approved amount, across several payments', async () => {
    const p = await makeProgramme(w.db);
    const a = await approvedApplication(w, p.id, 20 * WAN);
    const e = await refusal(pay(w, a.id, a.version, 20 * WAN + 1, 'V-OVER-1'));
    expect(keysOf(e)).toEqual({ amountFen: ['subsidyErrors.overPayable'] });
    let { version } = await pay(w, a.id, a.version, 12 * WAN, 'V-PART-1');
    const e2 = await refusal(pay(w, a.id, version, 8 * WAN + 1, 'V-PART-2'));
    expect(e2.fieldErrors!.amountFen![0]!.params).toMatchObject({ payableFen: 8 * WAN });
    ({ version } = await pay(w, a.id, version, 8 * WAN, 'V-PART-3'));
    const done = await refusal(pay(w, a.id, version, 1, 'V-PART-4'));
    expect(keysOf(done)).toEqual({ _form: ['workflow.nothingToPay'] });
    expect((await status(w, a.id)).paidFen).toBe(20 * WAN);
  });

  it('refuses a voucher number already used', async () => {
    const p = await makeProgramme(w.db);
    const a = await approvedApplication(w, p.id, 20 * WAN);
    const b = await approvedApplication(w, p.id, 20 * WAN);
    await pay(w, a.id, a.version, WAN, 'V-DUP');
    expect(keysOf(await refusal(pay(w, b.id, b.version, WAN, 'V-DUP')))).toEqual({ voucherNo: ['subsidyErrors.voucherTaken'] });
    expect((await status(w, b.id)).paidFen).toBe(0);
  });
});

describe('the post-subsidy path', () => {
  it('inspects first, reduces the final amount, and pays at most the final amount', async () => {
    const p = await makeProgramme(w.db, { fundingMode: 'post_subsidy', budgetFen: 100 * WAN });
    const a = await approvedApplication(w, p.id, 20 * WAN);
    expect(keysOf(await refusal(pay(w, a.id, a.version, WAN, 'V-POST-0')))).toEqual({ _form: ['workflow.wrongStatus'] });
    expect(keysOf(await refusal(inspect(w, w.inspector, a.id, a.version, true, 20 * WAN + 1)))).toEqual({ finalFen: ['subsidyErrors.finalOverApproved'] });
    expect(keysOf(await refusal(inspect(w, w.inspector, a.id, a.version, true)))).toEqual({ finalFen: ['required'] });
    let { version } = await inspect(w, w.inspector, a.id, a.version, true, 15 * WAN);
    expect(await status(w, a.id)).toMatchObject({ status: 'accepted', finalFen: 15 * WAN });
    expect(keysOf(await refusal(pay(w, a.id, version, 15 * WAN + 1, 'V-POST-1')))).toEqual({ amountFen: ['subsidyErrors.overPayable'] });
    ({ version } = await pay(w, a.id, version, 15 * WAN, 'V-POST-2'));
    expect(await status(w, a.id)).toMatchObject({ status: 'paid', paidFen: 15 * WAN });
    // The reduction goes back to the budget.
    const [b] = await programmeBudgets(w.db, { programIds: [p.id] });
    expect(b).toMatchObject({ committedFen: 15 * WAN, paidFen: 15 * WAN, remainingFen: 85 * WAN, executionRate: 15 });
  });

  it('a failed inspection sets the final amount to zero and nothing can be paid', async () => {
    const p = await makeProgramme(w.db, { fundingMode: 'post_subsidy' });
    const a = await approvedApplication(w, p.id, 20 * WAN);
    const { version } = await inspect(w, w.inspector, a.id, a.version, false);
    expect(await status(w, a.id)).toMatchObject({ status: 'acceptance_failed', finalFen: 0 });
    expect(keysOf(await refusal(pay(w, a.id, version, 1, 'V-FAIL')))).toEqual({ _form: ['workflow.wrongStatus'] });
  });
});
