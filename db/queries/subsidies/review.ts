import 'server-only';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/db/audit';
import { AWAITING_DECISION, type ApplicationStatus } from '@/lib/domain/workflow';
import { formatWan, moneyFigure } from '@/lib/money';
import { conflict, invalid, type FieldErrors } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { DecisionInput, ReturnInput, ReviewInput, StepInput } from '@/lib/validation/subsidies';
import type { Db, DbOrTx } from '../../client';
import { applications, carriers, programs, reviews, ventures } from '../../schema';
import { isUniqueViolation } from '../shared/errors';
import { applicantOf, advance, prepareStep, recordStep } from './steps';
import { activeBlacklistFor, subjectKey } from '../oversight/blacklist';
import { committedFen, lockProgramme } from './programmes';
import { carrierCondition } from '../shared/scope';
import { applicationHeadColumns, type ApplicationHead } from './list-columns';

/**
 * The committee's side before the money: the queue, acceptance for review (受理), return to
 * the applicant, reviews (评审) and the decision (立项).
 */
export type QueueFilter = {
  programId?: number;
  year?: number;
  /** Defaults to everything waiting on the committee: submitted, in review, reviewed. */
  status?: ApplicationStatus;
  carrierId?: number;
  zone?: string;
  page: number;
  pageSize: number;
};

export type QueueRow = ApplicationHead & {
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  zone: string;
  ventureId: number | null;
  ventureName: string | null;
  requestedFen: number;
  status: ApplicationStatus;
  submittedAt: Date | null;
  /** Whole days since submission, counted to `today`. */
  daysWaited: number;
  reviewCount: number;
  version: number;
  /** The applicant has a blacklist entry in force today. */
  blacklisted: boolean;
};

/**
 * How many applications the queue holds. Every application has its programme and its carrier,
 * so they are joined only for a filter on the programme's year or the carrier's zone: otherwise
 * the count reads the applications' status index alone.
 */
function queueCount(db: DbOrTx, where: SQL | undefined, f: QueueFilter) {
  const q = db.select({ n: count() }).from(applications).$dynamic();
  if (f.year !== undefined) q.innerJoin(programs, eq(programs.id, applications.programId));
  if (f.zone) q.innerJoin(carriers, eq(carriers.id, applications.carrierId));
  return q.where(where);
}

/** Applications waiting on the committee (awaiting its decision unless a status is chosen), the longest waiting first. */
export async function reviewQueue(db: DbOrTx, scope: Scope, f: QueueFilter, today: string): Promise<{ rows: QueueRow[]; total: number }> {
  const where = and(
    carrierCondition(scope, applications.carrierId),
    f.status ? eq(applications.status, f.status) : inArray(applications.status, [...AWAITING_DECISION]),
    f.programId === undefined ? undefined : eq(applications.programId, f.programId),
    f.year === undefined ? undefined : eq(programs.year, f.year),
    f.carrierId === undefined ? undefined : eq(applications.carrierId, f.carrierId),
    f.zone ? eq(carriers.zone, f.zone) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...applicationHeadColumns,
        carrierId: carriers.id,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
        zone: carriers.zone,
        ventureId: ventures.id,
        ventureName: ventures.name,
        ventureCreditCode: ventures.creditCode,
        requestedFen: applications.requestedFen,
        status: applications.status,
        submittedAt: applications.submittedAt,
        daysWaited: sql<number>`greatest(0, ${today}::date - (${applications.submittedAt} AT TIME ZONE 'Asia/Shanghai')::date)::int`,
        reviewCount: sql<number>`(SELECT count(*)::int FROM reviews r WHERE r.application_id = ${applications.id})`,
        version: applications.version,
      })
      .from(applications)
      .innerJoin(programs, eq(programs.id, applications.programId))
      .innerJoin(carriers, eq(carriers.id, applications.carrierId))
      .leftJoin(ventures, eq(ventures.id, applications.ventureId))
      .where(where)
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    queueCount(db, where, f),
  ]);
  const listed = await activeBlacklistFor(db, rows.map(applicantOf), today);
  return {
    rows: rows.map(({ ventureCreditCode, ...r }) => ({
      ...r,
      daysWaited: Number(r.daysWaited ?? 0),
      reviewCount: Number(r.reviewCount),
      blacklisted: listed.has(subjectKey(applicantOf({ ...r, ventureCreditCode }))),
    })),
    total: total?.n ?? 0,
  };
}

/** Accepts a submitted application for review (受理). */
export async function acceptApplication(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: StepInput & { comment?: string },
  today: string,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'accept', { today });
    const version = await advance(tx, row, { status: 'in_review', acceptedBy: actor.userId, acceptedAt: new Date() });
    await recordStep(tx, actor, row, {
      action: 'accept',
      to: 'in_review',
      comment: input.comment?.trim() || null,
      after: { acceptedBy: actor.userId, version },
    });
    return { version };
  });
}

/** Sends a submitted application back to the applicant with what to correct. */
export async function returnToApplicant(db: Db, actor: Actor, scope: Scope, input: ReturnInput, today: string): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'return', { today });
    const version = await advance(tx, row, { status: 'returned' });
    await recordStep(tx, actor, row, { action: 'return', to: 'returned', comment: input.comment, after: { version } });
    return { version };
  });
}

/**
 * One reviewer's review (one per reviewer). The first moves the application to `reviewed`;
 * more may follow until the decision. Reviews stay internal: the applicant's timeline shows
 * the change of status, not the review.
 */
export async function reviewApplication(db: Db, actor: Actor, scope: Scope, input: ReviewInput, today: string): Promise<{ reviewId: number; version: number }> {
  try {
    return await db.transaction(async (tx) => {
      const row = await prepareStep(tx, actor, scope, input, 'review', { today });
      if (input.recommendedFen !== undefined && input.recommendedFen > row.requestedFen) {
        throw invalid({
          recommendedFen: [
            {
              key: 'subsidyErrors.overRequested',
              params: { requestedFen: row.requestedFen, requested: formatWan(row.requestedFen), requestedYuan: moneyFigure('en', row.requestedFen) },
            },
          ],
        });
      }
      const version = await advance(tx, row, { status: 'reviewed' });
      const values = {
        applicationId: row.id,
        reviewerId: actor.userId,
        score: input.score,
        recommendation: input.recommendation,
        recommendedFen: input.recommendedFen ?? null,
        comment: input.comment ?? null,
      };
      const [saved] = await tx.insert(reviews).values(values).returning({ id: reviews.id });
      await recordStep(tx, actor, row, {
        action: 'review',
        to: 'reviewed',
        visibleToApplicant: row.status !== 'reviewed',
        after: { version, review: { id: saved!.id, score: values.score, recommendation: values.recommendation, recommendedFen: values.recommendedFen } },
      });
      return { reviewId: saved!.id, version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict();
    throw e;
  }
}

/**
 * The decision (立项). Approval locks the programme row, so that approvals against one budget
 * queue, and then holds the amount to the request, the programme's cap and what remains of
 * its budget. A blacklisted applicant is not approved.
 */
export async function decideApplication(db: Db, actor: Actor, scope: Scope, input: DecisionInput, today: string): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    if (input.decision === 'reject') {
      const row = await prepareStep(tx, actor, scope, input, 'reject', { today });
      const version = await advance(tx, row, { status: 'rejected', decidedBy: actor.userId, decidedAt: new Date(), decisionReason: input.reason });
      await recordStep(tx, actor, row, { action: 'reject', to: 'rejected', comment: input.reason, after: { decidedBy: actor.userId, version } });
      return { version };
    }
    const row = await prepareStep(tx, actor, scope, input, 'approve', { today, checkBlacklist: true });
    const programme = await lockProgramme(tx, row.programId);
    const remaining = Number(programme.budgetFen) - (await committedFen(tx, programme.id));
    const errors: FieldErrors = {};
    const amountError = (key: string, params: Record<string, string | number>) => (errors.approvedFen ??= []).push({ key, params });
    if (input.approvedFen > row.requestedFen)
      amountError('subsidyErrors.overRequested', {
        requestedFen: row.requestedFen,
        requested: formatWan(row.requestedFen),
        requestedYuan: moneyFigure('en', row.requestedFen),
      });
    if (input.approvedFen > programme.capFen)
      amountError('subsidyErrors.overCap', { capFen: programme.capFen, cap: formatWan(programme.capFen), capYuan: moneyFigure('en', programme.capFen) });
    if (input.approvedFen > remaining)
      amountError('subsidyErrors.overBudget', {
        remainingFen: Math.max(0, remaining),
        remaining: formatWan(Math.max(0, remaining)),
        remainingYuan: moneyFigure('en', Math.max(0, remaining)),
      });
    if (input.inspectionDueOn < today) errors.inspectionDueOn = [{ key: 'subsidyErrors.dueInPast' }];
    if (Object.keys(errors).length) throw invalid(errors);
    const version = await advance(tx, row, {
      status: 'approved',
      approvedFen: input.approvedFen,
      inspectionDueOn: input.inspectionDueOn,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      decisionReason: input.comment ?? null,
    });
    await recordStep(tx, actor, row, {
      action: 'approve',
      to: 'approved',
      comment: input.comment ?? null,
      after: {
        approvedFen: input.approvedFen,
        inspectionDueOn: input.inspectionDueOn,
        decidedBy: actor.userId,
        version,
        remainingFen: remaining - input.approvedFen,
      },
    });
    return { version };
  });
}
