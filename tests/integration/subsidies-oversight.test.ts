/** The blacklist's effect on the workflow, its history, the review queue and the budget views. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { decideApplication, reviewQueue, submitApplication } from '@/db/queries/subsidies/applications';
import { addBlacklistEntry, liftBlacklistEntry, listBlacklist } from '@/db/queries/oversight/blacklist';
import { programmeBudgets, yearBudgets } from '@/db/queries/subsidies/programmes';
import { applications } from '@/db/schema';
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
import { approve, pay, status, blacklistVenture } from '../helpers/subsidy-steps';

let handle: DatabaseHandle;
let w: SubsidyWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('the blacklist', () => {
  it('stops approval and payment of a listed applicant, and the queue flags it', async () => {
    const p = await makeProgramme(w.db);
    const r = await reviewedApplication(w, p.id);
    const a = await approvedApplication(w, p.id);
    await blacklistVenture(w, r.ventureId);
    await blacklistVenture(w, a.ventureId);
    const e1 = await refusal(approve(w, w.decider, r.id, r.version, WAN));
    expect([e1.code, keysOf(e1)]).toEqual(['forbidden', { _form: ['workflow.blacklisted'] }]);
    const e2 = await refusal(pay(w, a.id, a.version, WAN, 'V-BL'));
    expect([e2.code, keysOf(e2)]).toEqual(['forbidden', { _form: ['workflow.blacklisted'] }]);
    expect((await status(w, a.id)).paidFen).toBe(0);
    const queue = await reviewQueue(w.db, ALL, { programId: p.id, page: 1, pageSize: 10 }, TODAY);
    expect(queue.rows.find((q) => q.id === r.id)?.blacklisted).toBe(true);
    const listed = await listBlacklist(w.db, TODAY, { state: 'active', q: '申报企业', page: 1, pageSize: 100 });
    expect(listed.total).toBeGreaterThanOrEqual(2);
    // Rejecting stays possible.
    await decideApplication(w.db, w.decider, ALL, { applicationId: r.id, version: r.version, decision: 'reject', reason: '失信' }, TODAY);
  });
});

describe('blacklist history', () => {
  it('keeps a lifted entry in the history, out of force, and refuses lifting it twice', async () => {
    const v = await w.newVenture();
    const { entryId } = await addBlacklistEntry(w.db, w.inspector, {
      subjectType: 'venture',
      creditCode: v.creditCode!,
      subjectName: v.name,
      misconduct: '虚假申报',
      outcome: '三年内不得申报',
      handlingBody: '区科委',
      legalBasis: '沪科规〔2024〕12号',
      effectiveOn: '2026-01-01',
      sanctionEndsOn: '2028-12-31',
    });
    const q = v.creditCode!.toLowerCase();
    expect((await listBlacklist(w.db, TODAY, { state: 'active', q, page: 1, pageSize: 10 })).rows.map((r) => r.id)).toEqual([entryId]);
    await liftBlacklistEntry(w.db, w.inspector, { entryId, liftedOn: TODAY, reason: '信用修复' });
    expect((await refusal(liftBlacklistEntry(w.db, w.inspector, { entryId, liftedOn: TODAY, reason: '再次' }))).code).toBe('conflict');
    expect((await listBlacklist(w.db, TODAY, { state: 'active', q, page: 1, pageSize: 10 })).total).toBe(0);
    const lifted = await listBlacklist(w.db, TODAY, { state: 'lifted', q, page: 1, pageSize: 10 });
    expect(lifted.rows[0]).toMatchObject({ id: entryId, liftReason: '信用修复', liftedBy: w.inspector.userId, ventureId: v.id });
    expect((await listBlacklist(w.db, TODAY, { state: 'all', q, page: 1, pageSize: 10 })).total).toBe(1);
  });
});

describe('the queue', () => {
  it('filters by carrier and zone, oldest first, and counts the days waited', async () => {
    const p = await makeProgramme(w.db);
    const first = await draftFor(w, p.id);
    const second = await draftFor(w, p.id);
    await submitApplication(w.db, w.operator, w.scope, { applicationId: second.id, version: second.version }, TODAY);
    await submitApplication(w.db, w.operator, w.scope, { applicationId: first.id, version: first.version }, TODAY);
    await w.db
      .update(applications)
      .set({ submittedAt: new Date('2026-03-01T08:00:00Z') })
      .where(eq(applications.id, first.id));
    await w.db
      .update(applications)
      .set({ submittedAt: new Date('2026-03-05T08:00:00Z') })
      .where(eq(applications.id, second.id));
    const all = await reviewQueue(w.db, ALL, { programId: p.id, carrierId: w.carrier.id, zone: w.carrier.zone, page: 1, pageSize: 10 }, TODAY);
    expect(all.rows.map((r) => [r.id, r.daysWaited])).toEqual([
      [first.id, 9],
      [second.id, 5],
    ]);
    expect(all.total).toBe(2);
    expect((await reviewQueue(w.db, ALL, { programId: p.id, zone: '不存在的片区', page: 1, pageSize: 10 }, TODAY)).total).toBe(0);
    expect((await reviewQueue(w.db, ALL, { programId: p.id, status: 'in_review', page: 1, pageSize: 10 }, TODAY)).total).toBe(0);
    const paged = await reviewQueue(w.db, ALL, { programId: p.id, page: 2, pageSize: 1 }, TODAY);
    expect([paged.rows.map((r) => r.id), paged.total]).toEqual([[second.id], 2]);
  });
});

describe('budget views', () => {
  it('sums per programme and per year in one query each', async () => {
    const p = await makeProgramme(w.db, { year: 2031, budgetFen: 300 * WAN });
    const q = await makeProgramme(w.db, { year: 2031, budgetFen: 100 * WAN });
    const a = await approvedApplication(w, p.id, 20 * WAN);
    await pay(w, a.id, a.version, 10 * WAN, 'V-YEAR-1');
    const [year] = await yearBudgets(w.db, { year: 2031 });
    expect(year).toEqual({
      year: 2031,
      programmes: 2,
      budgetFen: 400 * WAN,
      committedFen: 20 * WAN,
      paidFen: 10 * WAN,
      remainingFen: 380 * WAN,
      executionRate: 2.5,
      awards: 1,
    });
    const rows = await programmeBudgets(w.db, { year: 2031 });
    expect(rows.map((r) => [r.programId, r.executionRate, r.awards]).sort()).toEqual(
      [
        [p.id, 3.3, 1],
        [q.id, 0, 0],
      ].sort(),
    );
  });
});
