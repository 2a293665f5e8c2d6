/**
 * Writes the planned applications (with their events, reviews, indicators and payments) and
 * the blacklist (沪科规〔2024〕12号 fields) of the demo network.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../connect';
import { applicationRefNo } from '../../lib/domain/application-number';
import * as s from '../schema';
import type { AppPlan } from './applications';
import { addMonths, at, type Day, isoOf } from './calendar';
import type { VenturePlan } from './plan-types';
import { chunks } from './random';

type Ids = {
  programIds: Map<string, number>;
  carrierIds: Map<string, number>;
  ventureIds: readonly number[];
  userIds: Map<string, number>;
};

/** Inserts the applications and everything hanging off them; returns the number of events. */
export async function insertApplications(tx: Tx, apps: readonly AppPlan[], ids: Ids): Promise<number> {
  const user = (email: string | null) => (email === null ? null : ids.userIds.get(email)!);
  // Numbered as the portal numbers a new application (lib/domain/application-number.ts): the ids
  // are drawn first, in order of creation, so the oldest application has the smallest number.
  const drawn = await tx.execute<{ id: string }>(
    sql`SELECT nextval(pg_get_serial_sequence('applications', 'id')) AS id FROM generate_series(1, ${apps.length}) ORDER BY 1`,
  );
  const byCreation = apps.map((_, i) => i).sort((x, y) => apps[x]!.createdAt.getTime() - apps[y]!.createdAt.getTime() || x - y);
  const idOf = new Array<number>(apps.length);
  byCreation.forEach((i, k) => (idOf[i] = Number(drawn.rows[k]!.id)));
  const rows = await tx
    .insert(s.applications)
    .values(
      apps.map((a, i) => ({
        id: idOf[i]!,
        refNo: applicationRefNo(a.program, idOf[i]!),
        programId: ids.programIds.get(a.program)!,
        carrierId: ids.carrierIds.get(a.carrier)!,
        ventureId: a.venture === null ? null : ids.ventureIds[a.venture]!,
        purpose: a.purpose,
        requestedFen: a.requestedFen,
        approvedFen: a.approvedFen,
        finalFen: a.finalFen,
        paidFen: a.paidFen,
        status: a.status,
        createdBy: user(a.createdBy),
        submittedAt: a.submittedAt,
        acceptedBy: user(a.acceptedBy),
        acceptedAt: a.acceptedAt,
        decidedBy: user(a.decidedBy),
        decidedAt: a.decidedAt,
        decisionReason: a.decisionReason,
        inspectedBy: user(a.inspectedBy),
        inspectedAt: a.inspectedAt,
        inspectionDueOn: a.inspectionDueOn === null ? null : isoOf(a.inspectionDueOn),
        version: a.events.length,
        createdAt: a.createdAt,
        updatedAt: a.events.at(-1)?.at ?? a.createdAt,
      })),
    )
    .returning({ id: s.applications.id });
  const appId = (i: number) => rows[i]!.id;

  const events = apps.flatMap((a, i) =>
    a.events.map((e) => ({
      applicationId: appId(i),
      actorId: user(e.actor),
      fromStatus: e.from,
      toStatus: e.to,
      comment: e.comment,
      visibleToApplicant: e.visible,
      createdAt: e.at,
    })),
  );
  for (const part of chunks(events)) await tx.insert(s.applicationEvents).values(part);

  const reviews = apps.flatMap((a, i) =>
    a.reviews.map((r) => ({
      applicationId: appId(i),
      reviewerId: user(r.reviewer)!,
      score: r.score,
      recommendation: r.recommendation,
      recommendedFen: r.recommendedFen,
      comment: r.comment,
      createdAt: r.at,
      updatedAt: r.at,
    })),
  );
  if (reviews.length) await tx.insert(s.reviews).values(reviews);

  const indicators = apps.flatMap((a, i) =>
    a.indicators.map((d) => ({
      applicationId: appId(i),
      name: d.name,
      unit: d.unit,
      targetValue: d.target,
      actualValue: d.actual,
      passed: d.passed,
    })),
  );
  if (indicators.length) await tx.insert(s.indicators).values(indicators);

  const payments = apps.flatMap((a, i) =>
    a.disbursements.map((d) => ({
      applicationId: appId(i),
      amountFen: d.amountFen,
      paidOn: isoOf(d.paidOn),
      voucherNo: d.voucherNo,
      paidBy: user(d.paidBy)!,
      createdAt: at(d.paidOn, 7),
    })),
  );
  if (payments.length) await tx.insert(s.disbursements).values(payments);
  return events.length;
}

export type BlacklistPlan = {
  venture: number;
  misconduct: string;
  outcome: string;
  effectiveOn: Day;
  sanctionEndsOn: Day | null;
  createdBy: string;
  lift: { on: Day; by: string; reason: string } | null;
};

const HANDLING_BODY = '浦东新区科技和经济委员会';
const LEGAL_BASIS = '沪科规〔2024〕12号';

/** One company under sanction now (it failed and left) and one whose entry was lifted. */
export function planBlacklist(ventures: readonly VenturePlan[], today: Day): BlacklistPlan[] {
  const sanctioned = ventures.findIndex((v) => v.kind === 'company' && v.stage === 'exited' && v.residencies.at(-1)?.exitReason === 'failed');
  const lifted = ventures.findIndex((v) => v.kind === 'company' && v.stage === 'incubating' && v.currentCarrier === 'fudan-inc');
  if (sanctioned < 0 || lifted < 0) throw new Error('The demo network has no venture to put on the blacklist');
  const effective = today - 200;
  const liftedEffective = today - 700;
  return [
    {
      venture: sanctioned,
      misconduct: '虚报冒领财政资金：申报房租补贴时提供虚假租赁合同及发票',
      outcome: '追回已拨付资助资金人民币18.6万元；三年内不得申报浦东新区科技发展基金项目',
      effectiveOn: effective,
      sanctionEndsOn: addMonths(effective, 36),
      createdBy: 'committee2@example.org',
      lift: null,
    },
    {
      venture: lifted,
      misconduct: '未按期报送科技统计数据，并提供与实际不符的季度统计报表',
      outcome: '通报批评；一年内不得申报浦东新区科技发展基金项目',
      effectiveOn: liftedEffective,
      sanctionEndsOn: addMonths(liftedEffective, 12),
      createdBy: 'committee3@example.org',
      lift: { on: liftedEffective + 240, by: 'committee1@example.org', reason: '已更正统计数据并完成信用修复，经委务会审议同意提前移出黑名单。' },
    },
  ];
}

export async function insertBlacklist(
  tx: Tx,
  entries: readonly BlacklistPlan[],
  ventures: readonly VenturePlan[],
  ventureIds: readonly number[],
  userIds: Map<string, number>,
): Promise<void> {
  await tx.insert(s.blacklistEntries).values(
    entries.map((e) => {
      const v = ventures[e.venture]!;
      return {
        subjectType: 'venture' as const,
        ventureId: ventureIds[e.venture]!,
        subjectName: v.name,
        creditCode: v.creditCode,
        misconduct: e.misconduct,
        outcome: e.outcome,
        handlingBody: HANDLING_BODY,
        legalBasis: LEGAL_BASIS,
        effectiveOn: isoOf(e.effectiveOn),
        sanctionEndsOn: e.sanctionEndsOn === null ? null : isoOf(e.sanctionEndsOn),
        liftedOn: e.lift ? isoOf(e.lift.on) : null,
        liftedBy: e.lift ? userIds.get(e.lift.by)! : null,
        liftReason: e.lift?.reason ?? null,
        createdBy: userIds.get(e.createdBy)!,
        createdAt: at(e.effectiveOn, 3),
      };
    }),
  );
}
