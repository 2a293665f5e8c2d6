/**
 * Internal review stays internal (docs/review-audiences.md): an application is walked through the
 * whole workflow by five committee members, each from an address of their own, and everything an
 * operator of the carrier can read of it (the application with its timeline, its history, the audit
 * log and its filter choices, the notifications) holds none of the committee's internal values,
 * while the committee's reads still hold all of them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import {
  acceptApplication,
  decideApplication,
  getApplication,
  inspectApplication,
  payApplication,
  reviewApplication,
  submitApplication,
} from '@/db/queries/subsidies/applications';
import { auditFilterChoices, auditScope, entityHistory, listAuditEntries } from '@/db/queries/oversight/audit-log';
import { listNotifications } from '@/db/queries/accounts/notifications';
import { indicators, users } from '@/db/schema';
import type { Actor } from '@/db/audit';
import { openTestDatabase } from '../helpers/db';
import { ALL, TODAY, WAN, draftFor, makeProgramme, makeSubsidyWorld, type SubsidyWorld } from '../helpers/subsidy-fixtures';

let handle: DatabaseHandle;
let w: SubsidyWorld;
let appId: number;
let rejectedId: number;

/** The committee's people, from addresses of their own, with names and e-mails to look for. */
const STAFF = {
  acceptor: { name: '受理员甲乙丙', email: 'acceptor-internal@committee.example', ip: '203.0.113.11' },
  reviewer: { name: '评审专家丁戊', email: 'reviewer-internal@committee.example', ip: '203.0.113.12' },
  reviewer2: { name: '评审专家己庚', email: 'reviewer2-internal@committee.example', ip: '203.0.113.13' },
  decider: { name: '立项领导辛壬', email: 'decider-internal@committee.example', ip: '203.0.113.14' },
  inspector: { name: '验收专家癸子', email: 'inspector-internal@committee.example', ip: '203.0.113.15' },
} as const;
type Staff = keyof typeof STAFF;
const OPERATOR_IP = '198.51.100.7';

const REVIEW_1 = { score: 87, recommendation: 'fund_reduced' as const, recommendedFen: 23_450_000, comment: '内部评审意见：财务数据存疑 INTERNAL-ONE' };
const REVIEW_2 = { score: 64, recommendation: 'reject' as const, recommendedFen: 17_650_000, comment: '内部评审意见：第二评审不建议 INTERNAL-TWO' };
/** Written for the applicant. */
const ACCEPT_NOTE = '形式审查通过，予以受理。';
const DECISION_REASON = '经审议同意立项，核定资助 20 万元。';
const INSPECTION_NOTE = '验收通过，绩效指标全部完成。';
const REJECT_REASON = '同一事项已获其他专项资助，不予立项。';

const actor = (who: Staff): Actor => ({ ...w[who], ip: STAFF[who].ip });

/** Every internal value of the walk, as it would appear in a serialised read. */
function internalValues(): string[] {
  const people = Object.entries(STAFF).flatMap(([who, s]) => [s.name, s.email, s.ip, `"userId":${w[who as Staff].userId},`]);
  return [
    ...people,
    REVIEW_1.comment,
    REVIEW_2.comment,
    String(REVIEW_1.recommendedFen),
    String(REVIEW_2.recommendedFen),
    'fund_reduced',
    '"score"',
    '"recommendation"',
    '"recommendedFen"',
    '"review":{"id"',
    '"reviews":[{',
    '"reviewerId"',
    '"acceptedBy"',
    '"decidedBy"',
    '"inspectedBy"',
    '"remainingFen"',
    'application.review',
  ];
}

const leaks = (what: unknown) => {
  const text = JSON.stringify(what);
  return internalValues().filter((v) => text.includes(v));
};

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
  for (const who of Object.keys(STAFF) as Staff[]) {
    await handle.db.update(users).set({ name: STAFF[who].name, email: STAFF[who].email }).where(eq(users.id, w[who].userId));
  }
  const operator: Actor = { ...w.operator, ip: OPERATOR_IP };
  const p = await makeProgramme(w.db, { budgetFen: 987 * WAN });

  // submitted -> in_review -> reviewed (twice) -> approved -> paid -> accepted
  const d = await draftFor({ ...w, operator }, p.id);
  appId = d.id;
  let { version } = await submitApplication(w.db, operator, w.scope, { applicationId: d.id, version: d.version }, TODAY);
  ({ version } = await acceptApplication(w.db, actor('acceptor'), ALL, { applicationId: d.id, version, comment: ACCEPT_NOTE }, TODAY));
  ({ version } = await reviewApplication(w.db, actor('reviewer'), ALL, { applicationId: d.id, version, ...REVIEW_1 }, TODAY));
  ({ version } = await reviewApplication(w.db, actor('reviewer2'), ALL, { applicationId: d.id, version, ...REVIEW_2 }, TODAY));
  ({ version } = await decideApplication(
    w.db,
    actor('decider'),
    ALL,
    { applicationId: d.id, version, decision: 'approve', approvedFen: 20 * WAN, inspectionDueOn: '2026-12-31', comment: DECISION_REASON },
    TODAY,
  ));
  ({ version } = await payApplication(
    w.db,
    actor('acceptor'),
    ALL,
    { applicationId: d.id, version, amountFen: 20 * WAN, paidOn: TODAY, voucherNo: 'V-AUD-1' },
    TODAY,
  ));
  const [ind] = await w.db.select().from(indicators).where(eq(indicators.applicationId, d.id));
  await inspectApplication(
    w.db,
    actor('inspector'),
    ALL,
    { applicationId: d.id, version, passed: true, comment: INSPECTION_NOTE, actuals: [{ indicatorId: ind!.id, actualValue: 12, passed: true }] },
    TODAY,
  );

  // A second application, rejected after one review.
  const r = await draftFor({ ...w, operator }, p.id);
  rejectedId = r.id;
  ({ version } = await submitApplication(w.db, operator, w.scope, { applicationId: r.id, version: r.version }, TODAY));
  ({ version } = await acceptApplication(w.db, actor('acceptor'), ALL, { applicationId: r.id, version }, TODAY));
  ({ version } = await reviewApplication(w.db, actor('reviewer'), ALL, { applicationId: r.id, version, ...REVIEW_1 }, TODAY));
  await decideApplication(w.db, actor('decider'), ALL, { applicationId: r.id, version, decision: 'reject', reason: REJECT_REASON }, TODAY);
});

afterAll(async () => {
  await handle?.close();
});

const operatorAudit = () => auditScope('operator', w.scope);
const committeeAudit = () => auditScope('committee', ALL);
const operatorActor = () => ({ ...w.operator, ip: OPERATOR_IP });
const PAGE = { page: 1, pageSize: 200 };

describe('what an operator reads of an application walked through the workflow', () => {
  it('the application page: the decision, the money, the inspection and the reasons written for the applicant, nothing of the reviews', async () => {
    const a = await getApplication(w.db, operatorActor(), w.scope, appId, TODAY);
    expect(leaks(a)).toEqual([]);
    expect(a).toMatchObject({ status: 'accepted', approvedFen: 20 * WAN, paidFen: 20 * WAN, decisionReason: DECISION_REASON, reviews: [] });
    expect(a.disbursements.map((x) => x.voucherNo)).toEqual(['V-AUD-1']);
    expect(a.indicators[0]).toMatchObject({ actualValue: 12, passed: true });
    // One move to "reviewed" (the first review's status change), none for the second review.
    expect(a.timeline.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'in_review', 'reviewed', 'approved', 'paid', 'accepted']);
    expect(a.timeline.map((e) => e.comment).filter(Boolean)).toEqual(expect.arrayContaining([ACCEPT_NOTE, DECISION_REASON, INSPECTION_NOTE]));
    // The committee's staff by their role, the operator by name.
    for (const e of a.timeline) {
      if (e.actorRole === 'committee') expect(e.actorName).toBeNull();
      else expect(e.actorName).not.toBeNull();
    }
  });

  it('a rejected application: the reason for the rejection, nothing of its review', async () => {
    const a = await getApplication(w.db, operatorActor(), w.scope, rejectedId, TODAY);
    expect(leaks(a)).toEqual([]);
    expect(a).toMatchObject({ status: 'rejected', decisionReason: REJECT_REASON });
    expect(a.timeline.at(-1)).toMatchObject({ toStatus: 'rejected', comment: REJECT_REASON, actorName: null, actorRole: 'committee' });
  });

  it("the application's history and the audit log: the committee's steps without reviews, names, ids or addresses", async () => {
    for (const id of [appId, rejectedId]) {
      const history = await entityHistory(w.db, operatorAudit(), 'application', id);
      expect(leaks(history)).toEqual([]);
      expect(history.rows.map((r) => r.action)).not.toContain('application.review');
    }
    const history = await entityHistory(w.db, operatorAudit(), 'application', appId);
    expect(history.rows.map((r) => r.action).reverse()).toEqual([
      'application.create',
      'application.submit',
      'application.accept',
      'application.approve',
      'application.pay',
      'application.inspect',
    ]);
    const approval = history.rows.find((r) => r.action === 'application.approve')!;
    expect(approval).toMatchObject({ role: 'committee', userId: null, userName: null, ip: null, actorHidden: true });
    expect(approval.after).toEqual({ status: 'approved', approvedFen: 20 * WAN, inspectionDueOn: '2026-12-31', version: expect.any(Number) });
    const own = history.rows.find((r) => r.action === 'application.submit')!;
    expect(own).toMatchObject({ role: 'operator', userId: w.operator.userId, ip: OPERATOR_IP, actorHidden: false });
    expect(own.userName).toBeTruthy();

    const log = await listAuditEntries(w.db, operatorAudit(), {}, PAGE);
    expect(leaks(log)).toEqual([]);
    expect(log.rows.length).toBeGreaterThan(10);
  });

  it('filters in the database, so that pages and totals hold the entries the operator reads and no others', async () => {
    const all = await listAuditEntries(w.db, operatorAudit(), {}, PAGE);
    expect(all.total).toBe(all.rows.length);
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((page) => listAuditEntries(w.db, operatorAudit(), {}, { page, pageSize: 3 })));
    expect(pages.every((p) => p.total === all.total)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.rows.map((r) => r.id));
    // Asking for the reviews, or for a committee member's entries, finds nothing.
    expect(await listAuditEntries(w.db, operatorAudit(), { action: 'application.review' }, PAGE)).toEqual({ rows: [], total: 0 });
    for (const who of Object.keys(STAFF) as Staff[]) {
      expect(await listAuditEntries(w.db, operatorAudit(), { userId: w[who].userId }, PAGE)).toEqual({ rows: [], total: 0 });
    }
  });

  it("the log's filter choices: the operators by name, no committee member and no review", async () => {
    const choices = await auditFilterChoices(w.db, operatorAudit());
    expect(leaks(choices)).toEqual([]);
    expect(choices.users.map((u) => u.id)).toEqual([w.operator.userId]);
    expect(choices.actions).toContain('application.approve');
    expect(choices.actions).not.toContain('application.review');
  });

  it('the notifications: the changes of status, nothing of the reviews', async () => {
    const notes = await listNotifications(w.db, w.operator.userId, { page: 1, pageSize: 100 });
    expect(leaks(notes)).toEqual([]);
    expect(notes.rows.map((n) => n.params.status)).toEqual(expect.arrayContaining(['in_review', 'reviewed', 'approved', 'paid', 'accepted', 'rejected']));
  });
});

describe('what the committee reads of the same application', () => {
  it('keeps the reviews, the people and their addresses', async () => {
    const a = await getApplication(w.db, actor('inspector'), ALL, appId, TODAY);
    expect(a.reviews.map((r) => [r.reviewerName, r.score, r.recommendation, r.recommendedFen, r.comment])).toEqual([
      [STAFF.reviewer.name, REVIEW_1.score, REVIEW_1.recommendation, REVIEW_1.recommendedFen, REVIEW_1.comment],
      [STAFF.reviewer2.name, REVIEW_2.score, REVIEW_2.recommendation, REVIEW_2.recommendedFen, REVIEW_2.comment],
    ]);
    expect(a.timeline.map((e) => e.actorName)).toEqual(
      expect.arrayContaining([STAFF.acceptor.name, STAFF.reviewer.name, STAFF.reviewer2.name, STAFF.decider.name, STAFF.inspector.name]),
    );

    const history = await entityHistory(w.db, committeeAudit(), 'application', appId);
    const reviews = history.rows.filter((r) => r.action === 'application.review');
    expect(reviews.map((r) => [r.userName, r.ip, (r.after as { review: { score: number } }).review.score])).toEqual([
      [STAFF.reviewer2.name, STAFF.reviewer2.ip, REVIEW_2.score],
      [STAFF.reviewer.name, STAFF.reviewer.ip, REVIEW_1.score],
    ]);
    const approval = history.rows.find((r) => r.action === 'application.approve')!;
    expect(approval).toMatchObject({ userName: STAFF.decider.name, ip: STAFF.decider.ip, actorHidden: false });
    expect(approval.after).toMatchObject({ decidedBy: w.decider.userId, remainingFen: 967 * WAN });
    const choices = await auditFilterChoices(w.db, committeeAudit());
    expect(choices.users.map((u) => u.name)).toEqual(expect.arrayContaining(Object.values(STAFF).map((s) => s.name)));
  });
});
