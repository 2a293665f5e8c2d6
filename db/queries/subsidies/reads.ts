import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/db/audit';
import { readerAudience, reads, redactTimelineEvent } from '@/lib/audit-audience';
import type { ApplicationStatus, FundingMode, WorkflowDecision } from '@/lib/domain/workflow';
import { notFound } from '@/lib/errors';
import type { Role, Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { applicationEvents, applications, attachments, carriers, disbursements, indicators, programs, reviews, users, ventures } from '../../schema';
import { applicantBlacklisted, decisionFor, loadStepRow } from './steps';
import { carrierCondition } from '../shared/scope';
import { applicationHeadColumns, type ApplicationHead } from './list-columns';

export type OperatorListFilter = {
  programId?: number;
  year?: number;
  status?: ApplicationStatus;
  carrierId?: number;
  /** Most recently changed first when not given. */
  sort?: OperatorListSort;
  dir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export const OPERATOR_LIST_SORTS = ['updated', 'submitted', 'requested', 'refNo'] as const;
export type OperatorListSort = (typeof OPERATOR_LIST_SORTS)[number];

const SORT_COLUMNS = {
  updated: applications.updatedAt,
  submitted: applications.submittedAt,
  requested: applications.requestedFen,
  refNo: applications.refNo,
} as const;

/** The chosen order, ties broken by id; never-submitted drafts come last either way. */
function listOrder(f: OperatorListFilter): SQL[] {
  const sort = f.sort ?? 'updated';
  const dir = f.dir ?? (sort === 'refNo' ? 'asc' : 'desc');
  const by = dir === 'asc' ? asc : desc;
  const column = SORT_COLUMNS[sort];
  const nullsLast = sort === 'submitted' ? [sql`${column} IS NULL`] : [];
  return [...nullsLast, by(column), by(applications.id)];
}

export type ApplicationListRow = ApplicationHead & {
  fundingMode: FundingMode;
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  ventureId: number | null;
  ventureName: string | null;
  requestedFen: number;
  approvedFen: number | null;
  finalFen: number | null;
  paidFen: number;
  status: ApplicationStatus;
  submittedAt: Date | null;
  updatedAt: Date;
  version: number;
};

const listColumns = {
  ...applicationHeadColumns,
  fundingMode: programs.fundingMode,
  carrierId: carriers.id,
  carrierName: carriers.name,
  carrierNameEn: carriers.nameEn,
  ventureId: ventures.id,
  ventureName: ventures.name,
  requestedFen: applications.requestedFen,
  approvedFen: applications.approvedFen,
  finalFen: applications.finalFen,
  paidFen: applications.paidFen,
  status: applications.status,
  submittedAt: applications.submittedAt,
  updatedAt: applications.updatedAt,
  version: applications.version,
};

/** The applications of the scope's carriers, in the chosen order (most recently changed first by default). */
export async function listForOperator(db: DbOrTx, scope: Scope, f: OperatorListFilter): Promise<{ rows: ApplicationListRow[]; total: number }> {
  const where = and(
    carrierCondition(scope, applications.carrierId),
    f.programId === undefined ? undefined : eq(applications.programId, f.programId),
    f.year === undefined ? undefined : eq(programs.year, f.year),
    f.status ? eq(applications.status, f.status) : undefined,
    f.carrierId === undefined ? undefined : eq(applications.carrierId, f.carrierId),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(applications)
      .innerJoin(programs, eq(programs.id, applications.programId))
      .innerJoin(carriers, eq(carriers.id, applications.carrierId))
      .leftJoin(ventures, eq(ventures.id, applications.ventureId))
      .where(where)
      .orderBy(...listOrder(f))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(applications).innerJoin(programs, eq(programs.id, applications.programId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type ApplicationDetail = ApplicationListRow & {
  purpose: string;
  capFen: number;
  requiredDocuments: string[];
  decisionReason: string | null;
  inspectionDueOn: string | null;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  inspectedAt: Date | null;
  blacklisted: boolean;
  indicators: { id: number; name: string; unit: string; targetValue: number; actualValue: number | null; passed: boolean | null }[];
  attachments: { id: number; fileName: string; mimeType: string; sizeBytes: number; sha256: string; documentType: string | null; createdAt: Date }[];
  disbursements: { id: number; amountFen: number; paidOn: string; voucherNo: string; createdAt: Date }[];
  /** Committee only; empty for operators. */
  reviews: {
    id: number;
    reviewerId: number;
    reviewerName: string;
    score: number;
    recommendation: string;
    recommendedFen: number | null;
    comment: string | null;
    createdAt: Date;
  }[];
  /**
   * Oldest first; for operators only the events visible to the applicant, and the name of the
   * actor only when it is one of the carrier's operators (lib/audit-audience.ts).
   */
  timeline: {
    id: number;
    fromStatus: ApplicationStatus | null;
    toStatus: ApplicationStatus;
    comment: string | null;
    actorName: string | null;
    actorRole: Role | null;
    at: Date;
  }[];
  /** What the viewer may do next (lib/domain/workflow). */
  steps: WorkflowDecision;
};

/**
 * One application with its timeline, for the operator (own carriers only, events visible to
 * the applicant, no reviews, committee staff by role only) or the committee (everything). What
 * the operator reads is decided by lib/audit-audience.ts (docs/review-audiences.md).
 */
export async function getApplication(db: DbOrTx, actor: Actor, scope: Scope, applicationId: number, today: string): Promise<ApplicationDetail> {
  const audience = scope.kind === 'all' ? readerAudience(actor.role) : 'involved';
  const committee = reads(audience, 'committee');
  const [base] = await db
    .select({
      ...listColumns,
      purpose: applications.purpose,
      capFen: programs.capFen,
      requiredDocuments: programs.requiredDocuments,
      decisionReason: applications.decisionReason,
      inspectionDueOn: applications.inspectionDueOn,
      acceptedAt: applications.acceptedAt,
      decidedAt: applications.decidedAt,
      inspectedAt: applications.inspectedAt,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(carriers, eq(carriers.id, applications.carrierId))
    .leftJoin(ventures, eq(ventures.id, applications.ventureId))
    .where(and(eq(applications.id, applicationId), carrierCondition(scope, applications.carrierId)));
  if (!base) throw notFound();
  const actorUser = aliasedTable(users, 'actor_user');
  const eventFilter: SQL | undefined = committee ? undefined : eq(applicationEvents.visibleToApplicant, true);
  const [inds, files, paid, revs, events, stepRow] = await Promise.all([
    db
      .select({
        id: indicators.id,
        name: indicators.name,
        unit: indicators.unit,
        targetValue: indicators.targetValue,
        actualValue: indicators.actualValue,
        passed: indicators.passed,
      })
      .from(indicators)
      .where(eq(indicators.applicationId, applicationId))
      .orderBy(asc(indicators.id)),
    db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        mimeType: attachments.mimeType,
        sizeBytes: attachments.sizeBytes,
        sha256: attachments.sha256,
        documentType: attachments.documentType,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .where(eq(attachments.applicationId, applicationId))
      .orderBy(asc(attachments.id)),
    db
      .select({
        id: disbursements.id,
        amountFen: disbursements.amountFen,
        paidOn: disbursements.paidOn,
        voucherNo: disbursements.voucherNo,
        createdAt: disbursements.createdAt,
      })
      .from(disbursements)
      .where(eq(disbursements.applicationId, applicationId))
      .orderBy(asc(disbursements.paidOn), asc(disbursements.id)),
    committee
      ? db
          .select({
            id: reviews.id,
            reviewerId: reviews.reviewerId,
            reviewerName: users.name,
            score: reviews.score,
            recommendation: reviews.recommendation,
            recommendedFen: reviews.recommendedFen,
            comment: reviews.comment,
            createdAt: reviews.createdAt,
          })
          .from(reviews)
          .innerJoin(users, eq(users.id, reviews.reviewerId))
          .where(eq(reviews.applicationId, applicationId))
          .orderBy(asc(reviews.id))
      : Promise.resolve([]),
    db
      .select({
        id: applicationEvents.id,
        fromStatus: applicationEvents.fromStatus,
        toStatus: applicationEvents.toStatus,
        comment: applicationEvents.comment,
        actorName: actorUser.name,
        actorRole: actorUser.role,
        at: applicationEvents.createdAt,
      })
      .from(applicationEvents)
      .leftJoin(actorUser, eq(actorUser.id, applicationEvents.actorId))
      .where(and(eq(applicationEvents.applicationId, applicationId), eventFilter))
      .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
    loadStepRow(db, applicationId),
  ]);
  const blacklisted = await applicantBlacklisted(db, stepRow!, today);
  return {
    ...base,
    blacklisted,
    indicators: inds,
    attachments: files,
    disbursements: paid,
    reviews: revs,
    timeline: events.map((e) => redactTimelineEvent(e, audience)),
    steps: decisionFor(stepRow!, actor, scope, blacklisted),
  };
}

/** Which events of an application's timeline the applicant does not see (internal to the committee). */
export async function internalEventIds(db: DbOrTx, applicationId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: applicationEvents.id })
    .from(applicationEvents)
    .where(sql`${applicationEvents.applicationId} = ${applicationId} AND NOT ${applicationEvents.visibleToApplicant}`);
  return new Set(rows.map((r) => r.id));
}
