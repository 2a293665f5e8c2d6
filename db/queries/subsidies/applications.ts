import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { writeAudit, type Actor } from '@/db/audit';
import { submissionErrors } from '@/lib/domain/eligibility';
import { conflict, invalid, notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { DraftInput, DraftUpdateInput, StepInput } from '@/lib/validation/subsidies';
import type { Db, Tx } from '../../client';
import { applicationEvents, applications, attachments, carriers, indicators, programs, ventures } from '../../schema';
import { advance, applicantBlacklisted, decisionFor, loadStepRow, prepareStep, recordStep } from './steps';
import { assertOperatorOf } from '../shared/scope';
import { applicationRefNo } from '@/lib/domain/application-number';

export {
  listForOperator,
  getApplication,
  OPERATOR_LIST_SORTS,
  type ApplicationListRow,
  type ApplicationDetail,
  type OperatorListFilter,
  type OperatorListSort,
} from './reads';
export { addAttachment, removeAttachment, attachmentFile, type AttachmentInput } from './files';
export { reviewQueue, acceptApplication, returnToApplicant, reviewApplication, decideApplication, type QueueFilter, type QueueRow } from './review';
export { payApplication, inspectApplication } from './funding';

/**
 * The operator's side of a subsidy application: drafts, submission and withdrawal, for the
 * carriers in the caller's scope (another carrier's application is notFound). Every step takes
 * the version the screen showed and answers a stale one with a conflict.
 */

async function insertIndicators(tx: Tx, applicationId: number, list: DraftInput['indicators']) {
  if (list.length) await tx.insert(indicators).values(list.map((i) => ({ applicationId, ...i })));
}

/**
 * Starts a draft for a programme that is open (dates are checked at submission). A venture
 * programme names a venture currently in the carrier; a carrier programme names none.
 */
export async function createDraft(db: Db, actor: Actor, scope: Scope, input: DraftInput): Promise<{ applicationId: number; refNo: string; version: number }> {
  assertOperatorOf(scope, input.carrierId);
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: programs.id, code: programs.code, status: programs.status, applicantType: programs.applicantType })
      .from(programs)
      .where(eq(programs.id, input.programId));
    if (!p || p.status !== 'open') throw invalid({ programId: [{ key: 'subsidyErrors.programmeNotOpen' }] });
    if (p.applicantType === 'venture') {
      if (!input.ventureId) throw invalid({ ventureId: [{ key: 'required' }] });
      const [v] = await tx.select({ carrierId: ventures.currentCarrierId }).from(ventures).where(eq(ventures.id, input.ventureId));
      if (!v || v.carrierId !== input.carrierId) throw notFound();
    } else if (input.ventureId) {
      throw invalid({ ventureId: [{ key: 'subsidyErrors.wrongApplicantType', params: { expected: 'carrier' } }] });
    }
    // The reference number carries the id, so the id is drawn first.
    const { rows } = await tx.execute<{ id: string }>(sql`SELECT nextval(pg_get_serial_sequence('applications', 'id')) AS id`);
    const id = Number(rows[0]!.id);
    const refNo = applicationRefNo(p.code, id);
    const values = {
      id,
      refNo,
      programId: p.id,
      carrierId: input.carrierId,
      ventureId: input.ventureId ?? null,
      purpose: input.purpose,
      requestedFen: input.requestedFen,
      createdBy: actor.userId,
    };
    await tx.insert(applications).values(values);
    await insertIndicators(tx, id, input.indicators);
    await tx.insert(applicationEvents).values({ applicationId: id, actorId: actor.userId, fromStatus: null, toStatus: 'draft' });
    await writeAudit(tx, actor, {
      action: 'application.create',
      entity: 'application',
      entityId: id,
      carrierId: input.carrierId,
      after: { ...values, indicators: input.indicators },
    });
    return { applicationId: id, refNo, version: 1 };
  });
}

/** Changes a draft (or a returned application): purpose, amount and indicators, which are replaced. */
export async function updateDraft(db: Db, actor: Actor, scope: Scope, input: DraftUpdateInput, today: string): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'edit', { today });
    const [before] = await tx
      .select({ purpose: applications.purpose, requestedFen: applications.requestedFen })
      .from(applications)
      .where(eq(applications.id, row.id));
    const version = await advance(tx, row, { purpose: input.purpose, requestedFen: input.requestedFen });
    await tx.delete(indicators).where(eq(indicators.applicationId, row.id));
    await insertIndicators(tx, row.id, input.indicators);
    await writeAudit(tx, actor, {
      action: 'application.edit',
      entity: 'application',
      entityId: row.id,
      carrierId: row.carrierId,
      before,
      after: { purpose: input.purpose, requestedFen: input.requestedFen, indicators: input.indicators },
    });
    return { version };
  });
}

/** Deletes a draft with its indicators and attachments. */
export async function deleteDraft(db: Db, actor: Actor, scope: Scope, input: StepInput, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'delete', { today });
    const gone = await tx
      .delete(applications)
      .where(and(eq(applications.id, row.id), eq(applications.version, row.version), eq(applications.status, 'draft')))
      .returning({ id: applications.id });
    if (gone.length === 0) throw conflict();
    await writeAudit(tx, actor, {
      action: 'application.delete',
      entity: 'application',
      entityId: row.id,
      carrierId: row.carrierId,
      before: { refNo: row.refNo, status: row.status },
    });
  });
}

/**
 * Submits a draft or a returned application after every eligibility check of
 * lib/domain/eligibility, run on the facts as they stand in this transaction. Refusals are
 * field errors (`programId`, `applicant`, `requested`, `attachments`).
 */
export async function submitApplication(db: Db, actor: Actor, scope: Scope, input: StepInput, today: string): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    // The blacklist is one of the field-level checks below, so the workflow check leaves it out here.
    const row = await prepareStep(tx, actor, scope, input, 'submit', { today });
    const [facts] = await tx
      .select({ programme: programs, carrierKind: carriers.kind, ventureStage: ventures.stage })
      .from(applications)
      .innerJoin(programs, eq(programs.id, applications.programId))
      .innerJoin(carriers, eq(carriers.id, applications.carrierId))
      .leftJoin(ventures, eq(ventures.id, applications.ventureId))
      .where(eq(applications.id, row.id));
    const sameApplicant = row.ventureId
      ? eq(applications.ventureId, row.ventureId)
      : and(eq(applications.carrierId, row.carrierId), sql`${applications.ventureId} IS NULL`);
    const [others, docs, blacklisted] = await Promise.all([
      tx
        .select({
          refNo: applications.refNo,
          programId: applications.programId,
          status: applications.status,
          inspectionDueOn: applications.inspectionDueOn,
          inspectedAt: applications.inspectedAt,
        })
        .from(applications)
        .where(and(sameApplicant, ne(applications.id, row.id))),
      tx.selectDistinct({ type: attachments.documentType }).from(attachments).where(eq(attachments.applicationId, row.id)),
      applicantBlacklisted(tx, row, today),
    ]);
    const p = facts!.programme;
    const errors = submissionErrors(
      p,
      { type: row.ventureId ? 'venture' : 'carrier', carrierKind: facts!.carrierKind, ventureStage: facts!.ventureStage },
      {
        today,
        requestedFen: row.requestedFen,
        blacklisted,
        otherApplicationsAnywhere: others,
        otherApplicationsHere: others.filter((o) => o.programId === row.programId),
        documentTypes: docs.flatMap((d) => (d.type ? [d.type] : [])),
      },
    );
    if (Object.keys(errors).length) throw invalid(errors);
    const version = await advance(tx, row, { status: 'submitted', submittedAt: new Date() });
    await recordStep(tx, actor, row, { action: 'submit', to: 'submitted', after: { version } });
    return { version };
  });
}

/** Withdraws an application that the committee has not accepted yet. */
export async function withdrawApplication(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: StepInput & { comment?: string },
  today: string,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'withdraw', { today });
    const version = await advance(tx, row, { status: 'withdrawn' });
    await recordStep(tx, actor, row, { action: 'withdraw', to: 'withdrawn', comment: input.comment?.trim() || null, after: { version } });
    return { version };
  });
}

/** The steps the user may take on an application (for the buttons of its page). */
export async function allowedSteps(db: Db, actor: Actor, scope: Scope, applicationId: number, today: string) {
  const row = await loadStepRow(db, applicationId);
  if (!row || !(scope.kind === 'all' || (scope.kind === 'carriers' && scope.carrierIds.includes(row.carrierId)))) throw notFound();
  return decisionFor(row, actor, scope, await applicantBlacklisted(db, row, today));
}
