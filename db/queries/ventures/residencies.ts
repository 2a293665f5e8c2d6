import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../client';
import { carriers, residencies, ventures } from '../../schema';
import type { Actor } from '@/db/audit';
import { todayInShanghai } from '@/lib/domain/dates';
import { endResidencyRefusals, ventureStageAfterExit } from '@/lib/domain/residency';
import { conflict, invalid, notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { ResidencyEndInput } from '@/lib/validation/residency';
import { writeAuditEntries } from '@/db/audit';
import { carrierCondition } from '../shared/scope';

export { incorporateTeam, admitGraduate } from './residency-entries';

/** A venture's open stay in one of the caller's carriers, or null (none, or not the caller's). */
export async function openResidencyOfVenture(db: DbOrTx, scope: Scope, ventureId: number) {
  const [row] = await db
    .select({
      ventureId: ventures.id,
      name: ventures.name,
      kind: ventures.kind,
      stage: ventures.stage,
      industry: ventures.industry,
      creditCode: ventures.creditCode,
      version: ventures.version,
      residencyId: residencies.id,
      residencyStage: residencies.stage,
      enteredOn: residencies.enteredOn,
      areaM2: residencies.areaM2,
      workstations: residencies.workstations,
      carrierId: carriers.id,
      carrierName: carriers.name,
      carrierNameEn: carriers.nameEn,
      carrierKind: carriers.kind,
    })
    .from(residencies)
    .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(and(eq(residencies.ventureId, ventureId), isNull(residencies.leftOn), carrierCondition(scope, residencies.carrierId)))
    .limit(1);
  return row ?? null;
}
export type OpenResidency = NonNullable<Awaited<ReturnType<typeof openResidencyOfVenture>>>;

/**
 * Ends a venture's open stay in one of the operator's carriers. The venture leaves the carrier
 * (no current carrier) and its stage follows the reason: graduated (from incubation only),
 * unchanged when it moves on, exited otherwise. Guarded by the venture's version.
 */
export async function endResidency(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: ResidencyEndInput,
  today: string = todayInShanghai(),
): Promise<{ ventureId: number; residencyId: number; stage: string }> {
  if (scope.kind !== 'carriers') throw notFound();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        carrierId: residencies.carrierId,
        stage: residencies.stage,
        enteredOn: residencies.enteredOn,
        leftOn: residencies.leftOn,
        ventureStage: ventures.stage,
        version: ventures.version,
      })
      .from(residencies)
      .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
      .where(and(eq(residencies.id, input.residencyId), eq(residencies.ventureId, input.ventureId), carrierCondition(scope, residencies.carrierId)))
      .limit(1);
    if (!current) throw notFound();
    if (current.leftOn !== null || current.version !== input.version) throw conflict();
    const refusals = endResidencyRefusals({
      reason: input.reason,
      stage: current.stage,
      enteredOn: current.enteredOn,
      leftOn: input.leftOn,
      today,
    });
    if (Object.keys(refusals).length > 0) throw invalid(refusals);

    const stage = ventureStageAfterExit(input.reason, current.ventureStage);
    const [venture] = await tx
      .update(ventures)
      .set({ stage, currentCarrierId: null, version: input.version + 1 })
      .where(and(eq(ventures.id, input.ventureId), eq(ventures.version, input.version)))
      .returning({ id: ventures.id });
    if (!venture) throw conflict();
    const [closed] = await tx
      .update(residencies)
      .set({ leftOn: input.leftOn, exitReason: input.reason })
      .where(and(eq(residencies.id, input.residencyId), isNull(residencies.leftOn)))
      .returning({ id: residencies.id });
    if (!closed) throw conflict();

    await writeAuditEntries(tx, actor, [
      {
        action: 'residency.end',
        entity: 'residency',
        entityId: input.residencyId,
        carrierId: current.carrierId,
        before: { leftOn: null, exitReason: null },
        after: { leftOn: input.leftOn, exitReason: input.reason },
      },
      {
        action: 'venture.leave',
        entity: 'venture',
        entityId: input.ventureId,
        carrierId: current.carrierId,
        before: { stage: current.ventureStage, currentCarrierId: current.carrierId, version: input.version },
        after: { stage, currentCarrierId: null, version: input.version + 1 },
      },
    ]);
    return { ventureId: input.ventureId, residencyId: input.residencyId, stage };
  });
}
