import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit, type Actor } from '@/db/audit';
import { workflowFor, type ApplicationStatus, type WorkflowAction, type WorkflowDecision } from '@/lib/domain/workflow';
import { conflict, DomainError, notFound } from '@/lib/errors';
import { scopeIncludesCarrier, type Scope } from '@/lib/roles';
import type { DbOrTx, Tx } from '../../client';
import { applicationEvents, applications, programs, ventures } from '../../schema';
import { activeBlacklistFor, subjectKey, type BlacklistSubject } from '../oversight/blacklist';
import { notifyCarrierOperators, notifyCommittee } from '../accounts/notifications';
import { applicantColumns } from './list-columns';
import type { FundingMode } from '@/lib/domain/vocabulary';

/**
 * The machinery every workflow step shares: load the application with what the workflow rule
 * needs, refuse an unknown, out-of-scope or stale one, ask lib/domain/workflow whether the
 * user may take the step, move the row with a guarded update, and record the event, the audit
 * entry and the notifications in the same transaction.
 */
export type StepRow = {
  id: number;
  refNo: string;
  programId: number;
  carrierId: number;
  ventureId: number | null;
  ventureCreditCode: string | null;
  status: ApplicationStatus;
  version: number;
  fundingMode: FundingMode;
  requestedFen: number;
  approvedFen: number | null;
  finalFen: number | null;
  paidFen: number;
  acceptedBy: number | null;
  decidedBy: number | null;
  inspectedBy: number | null;
  reviewerIds: number[];
};

export async function loadStepRow(db: DbOrTx, applicationId: number): Promise<StepRow | null> {
  const [row] = await db
    .select({
      ...applicantColumns,
      ventureCreditCode: ventures.creditCode,
      status: applications.status,
      version: applications.version,
      fundingMode: programs.fundingMode,
      requestedFen: applications.requestedFen,
      approvedFen: applications.approvedFen,
      finalFen: applications.finalFen,
      paidFen: applications.paidFen,
      acceptedBy: applications.acceptedBy,
      decidedBy: applications.decidedBy,
      inspectedBy: applications.inspectedBy,
      reviewerIds: sql<
        number[]
      >`coalesce((SELECT array_agg(r.reviewer_id ORDER BY r.id) FROM reviews r WHERE r.application_id = ${applications.id}), '{}'::int[])`,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .leftJoin(ventures, eq(ventures.id, applications.ventureId))
    .where(eq(applications.id, applicationId));
  return row ? { ...row, reviewerIds: (row.reviewerIds ?? []).map(Number) } : null;
}

/** The applicant: the venture when the application names one, else the carrier itself. */
export function applicantOf(row: { carrierId: number; ventureId: number | null; ventureCreditCode: string | null }): BlacklistSubject {
  return row.ventureId ? { kind: 'venture', ventureId: row.ventureId, creditCode: row.ventureCreditCode } : { kind: 'carrier', carrierId: row.carrierId };
}

export async function applicantBlacklisted(db: DbOrTx, row: StepRow, today: string): Promise<boolean> {
  const subject = applicantOf(row);
  return (await activeBlacklistFor(db, [subject], today)).has(subjectKey(subject));
}

export function decisionFor(row: StepRow, actor: Actor, scope: Scope, blacklisted: boolean): WorkflowDecision {
  return workflowFor(
    { ...row, blacklisted },
    { id: actor.userId, role: actor.role, carrierInScope: scope.kind === 'carriers' && scope.carrierIds.includes(row.carrierId) },
  );
}

/** A refusal of the workflow, as the error the server action turns into a message. */
export function refused(decision: WorkflowDecision, action: WorkflowAction): DomainError | null {
  const r = decision.refused[action];
  return r ? new DomainError(r.code, { _form: [{ key: r.reason }] }, r.reason) : null;
}

/**
 * Loads the application for a step and checks, in this order: it exists and is in the scope
 * (notFound), the form's version is the current one (conflict), the workflow allows the step
 * (forbidden or invalid, with the reason key under `_form`).
 */
export async function prepareStep(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  input: { applicationId: number; version: number },
  action: WorkflowAction,
  opts: { today: string; checkBlacklist?: boolean },
): Promise<StepRow & { blacklisted: boolean }> {
  const row = await loadStepRow(tx, input.applicationId);
  if (!row || !scopeIncludesCarrier(scope, row.carrierId)) throw notFound();
  if (row.version !== input.version) throw conflict();
  const blacklisted = opts.checkBlacklist ? await applicantBlacklisted(tx, row, opts.today) : false;
  const refusal = refused(decisionFor(row, actor, scope, blacklisted), action);
  if (refusal) throw refusal;
  return { ...row, blacklisted };
}

type ApplicationChange = Partial<Omit<typeof applications.$inferInsert, 'id' | 'version'>>;

/** The guarded update of every step: nothing happens when someone else moved the row first. */
export async function advance(tx: Tx, row: StepRow, change: ApplicationChange): Promise<number> {
  const [moved] = await tx
    .update(applications)
    .set({ ...change, version: sql`${applications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(applications.id, row.id), eq(applications.version, row.version)))
    .returning({ version: applications.version });
  if (!moved) throw conflict();
  return moved.version;
}

export const operatorLink = (id: number) => `/operator/applications/${id}`;
export const committeeLink = (id: number) => `/committee/applications/${id}`;

/**
 * The trace of a step: the timeline event, the audit entry, and notifications when the status
 * changed (the carrier's operators) or the application arrived (the committee).
 */
export async function recordStep(
  tx: Tx,
  actor: Actor,
  row: StepRow,
  step: {
    action: string;
    to: ApplicationStatus;
    comment?: string | null;
    visibleToApplicant?: boolean;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(applicationEvents).values({
    applicationId: row.id,
    actorId: actor.userId,
    fromStatus: row.status,
    toStatus: step.to,
    comment: step.comment ?? null,
    visibleToApplicant: step.visibleToApplicant ?? true,
  });
  await writeAudit(tx, actor, {
    action: `application.${step.action}`,
    entity: 'application',
    entityId: row.id,
    carrierId: row.carrierId,
    before: { status: row.status, version: row.version, ...step.before },
    after: { status: step.to, ...step.after },
  });
  if (step.to !== row.status) {
    // The operators hear of what their timeline shows them: the number and the new status, never
    // who took the step or what the review said (docs/review-audiences.md).
    const params = { refNo: row.refNo, status: step.to };
    if (step.visibleToApplicant !== false)
      await notifyCarrierOperators(tx, row.carrierId, { kind: 'subsidyNotice.statusChanged', params, link: operatorLink(row.id) });
    if (step.to === 'submitted') await notifyCommittee(tx, { kind: 'subsidyNotice.submitted', params, link: committeeLink(row.id) });
  }
}
