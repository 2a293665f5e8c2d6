import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { writeAuditEntries, type Actor } from '@/db/audit';
import { conflict, forbiddenChange, invalid, notFound } from '@/lib/errors';
import type { Db, Tx } from '../../client';
import { graduations, residencies, ventures } from '../../schema';

/**
 * The committee's decision on a recorded graduation. Verifying marks it verified. Rejecting
 * undoes what recording did (db/queries/graduations/candidates.ts recordGraduation): the stay the
 * graduation closed is reopened and the venture becomes a tenant of that carrier again at the
 * stage of that stay, unless it has moved on since (then a conflict). Each in one transaction
 * with its audit entries; a graduation no longer pending, or a venture changed since the form
 * was loaded, is a conflict. The person who recorded a graduation does not decide on it.
 */
export type GraduationDecisionInput = {
  graduationId: number;
  /** The venture's version the form was loaded with; a newer one is a conflict. */
  ventureVersion?: number;
};

async function pendingGraduation(tx: Tx, actor: Actor, input: GraduationDecisionInput) {
  if (actor.role !== 'committee') throw notFound();
  const [g] = await tx
    .select({
      id: graduations.id,
      ventureId: graduations.ventureId,
      carrierId: graduations.carrierId,
      graduatedOn: graduations.graduatedOn,
      status: graduations.status,
      recordedBy: graduations.recordedBy,
      ventureVersion: ventures.version,
      ventureStage: ventures.stage,
      currentCarrierId: ventures.currentCarrierId,
    })
    .from(graduations)
    .innerJoin(ventures, eq(ventures.id, graduations.ventureId))
    .where(eq(graduations.id, input.graduationId))
    .for('update', { of: graduations });
  if (!g) throw notFound();
  if (g.status !== 'pending') throw conflict();
  if (input.ventureVersion !== undefined && input.ventureVersion !== g.ventureVersion) throw conflict();
  if (g.recordedBy !== null && g.recordedBy === actor.userId) throw forbiddenChange();
  return g;
}

/** Marks a pending graduation verified by the actor. */
export async function verifyGraduation(db: Db, actor: Actor, input: GraduationDecisionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const g = await pendingGraduation(tx, actor, input);
    const [done] = await tx
      .update(graduations)
      .set({ status: 'verified', verifiedBy: actor.userId, verifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(graduations.id, g.id), eq(graduations.status, 'pending')))
      .returning({ id: graduations.id });
    if (!done) throw conflict();
    await writeAuditEntries(tx, actor, [
      {
        action: 'graduation.verify',
        entity: 'graduation',
        entityId: g.id,
        carrierId: g.carrierId,
        before: { status: 'pending' },
        after: { status: 'verified' },
      },
    ]);
  });
}

export type RejectGraduationInput = GraduationDecisionInput & { reason: string };

/** Rejects a pending graduation with a reason and makes the venture a tenant of the carrier again. */
export async function rejectGraduation(db: Db, actor: Actor, input: RejectGraduationInput): Promise<{ residencyId: number; stage: string }> {
  const reason = input.reason.trim();
  if (!reason) throw invalid({ reason: [{ key: 'required' }] });
  if (reason.length > 2000) throw invalid({ reason: [{ key: 'tooLong', params: { maximum: 2000 } }] });
  return db.transaction(async (tx) => {
    const g = await pendingGraduation(tx, actor, input);
    // The venture's latest stay must be the one the graduation closed, and it must still be a
    // graduate of that carrier with no stay open anywhere.
    const [latest] = await tx
      .select({
        id: residencies.id,
        carrierId: residencies.carrierId,
        stage: residencies.stage,
        leftOn: residencies.leftOn,
        exitReason: residencies.exitReason,
      })
      .from(residencies)
      .where(eq(residencies.ventureId, g.ventureId))
      .orderBy(desc(residencies.enteredOn), desc(residencies.id))
      .limit(1);
    const movedOn =
      !latest ||
      latest.carrierId !== g.carrierId ||
      latest.leftOn !== g.graduatedOn ||
      latest.exitReason !== 'graduated' ||
      g.ventureStage !== 'graduated' ||
      g.currentCarrierId !== g.carrierId;
    if (movedOn) throw conflict();
    const [rejected] = await tx
      .update(graduations)
      .set({ status: 'rejected', rejectionReason: reason, verifiedBy: actor.userId, verifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(graduations.id, g.id), eq(graduations.status, 'pending')))
      .returning({ id: graduations.id });
    if (!rejected) throw conflict();
    const [venture] = await tx
      .update(ventures)
      .set({ stage: latest.stage, version: sql`${ventures.version} + 1`, updatedAt: new Date() })
      .where(and(eq(ventures.id, g.ventureId), eq(ventures.version, g.ventureVersion), eq(ventures.stage, 'graduated')))
      .returning({ version: ventures.version });
    if (!venture) throw conflict();
    const [reopened] = await tx
      .update(residencies)
      .set({ leftOn: null, exitReason: null, updatedAt: new Date() })
      .where(
        and(
          eq(residencies.id, latest.id),
          eq(residencies.leftOn, g.graduatedOn),
          sql`NOT EXISTS (SELECT 1 FROM ${residencies} o WHERE o.venture_id = ${g.ventureId} AND o.left_on IS NULL)`,
        ),
      )
      .returning({ id: residencies.id });
    if (!reopened) throw conflict();
    await writeAuditEntries(tx, actor, [
      {
        action: 'graduation.reject',
        entity: 'graduation',
        entityId: g.id,
        carrierId: g.carrierId,
        before: { status: 'pending' },
        after: { status: 'rejected', rejectionReason: reason },
      },
      {
        action: 'residency.reopen',
        entity: 'residency',
        entityId: latest.id,
        carrierId: g.carrierId,
        before: { leftOn: g.graduatedOn, exitReason: 'graduated' },
        after: { leftOn: null, exitReason: null },
      },
      {
        action: 'venture.ungraduate',
        entity: 'venture',
        entityId: g.ventureId,
        carrierId: g.carrierId,
        before: { stage: 'graduated', version: g.ventureVersion },
        after: { stage: latest.stage, version: venture.version },
      },
    ]);
    return { residencyId: latest.id, stage: latest.stage };
  });
}
