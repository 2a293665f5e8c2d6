import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import type { IsoDate } from '@/lib/domain/dates';
import { conflict, invalid, notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import { editableVentureData, orderedTalentFlags } from '@/lib/domain/venture-fields';
import type { FinancingInput, VentureEditInput } from '@/lib/validation/venture';
import { financingErrors, ventureEditErrors } from '@/lib/validation/venture-edit';
import type { Db, Tx } from '../../client';
import { ventureFinancings, ventures } from '../../schema';
import { carrierCondition } from '../shared/scope';
import { findOwnedVenture } from './scope';

/**
 * Changes to a venture's own data, by the carrier of its open stay only (findOwnedVenture 'write'). Each runs in one transaction with its audit entry and is
 * guarded by the venture's version (the one the form was loaded with): every change,
 * financing events included, bumps it, and a stale version gets conflict() with nothing changed.
 */
export type FinancingAddInput = FinancingInput & { version: number };
export type FinancingRemoveInput = { ventureId: number; financingId: number; version: number };

/** Moves the version on, or throws conflict when someone else moved it first. */
async function bumpVersion(tx: Tx, ventureId: number, version: number, set: Partial<typeof ventures.$inferInsert> = {}) {
  const [row] = await tx
    .update(ventures)
    .set({ ...set, version: sql`${ventures.version} + 1` })
    .where(and(eq(ventures.id, ventureId), eq(ventures.version, version)))
    .returning({ version: ventures.version });
  if (!row) throw conflict();
  return row.version;
}

export async function updateVenture(db: Db, actor: Actor, scope: Scope, input: VentureEditInput, today: IsoDate) {
  return db.transaction(async (tx) => {
    const owned = await findOwnedVenture(tx, scope, input.ventureId, 'write');
    const errors = ventureEditErrors(input, today);
    if (errors) throw invalid(errors);
    const v = owned.venture;
    const before = editableVentureData(v);
    const after = { ...editableVentureData(input), talentFlags: orderedTalentFlags(input.talentFlags) };
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length === 0) {
      // Nothing to change, but a stale form still learns that it is stale.
      if (v.version !== input.version) throw conflict();
      return { version: v.version, changed: false };
    }
    const version = await bumpVersion(tx, v.id, input.version, after);
    await writeAudit(tx, actor, {
      action: 'venture.update',
      entity: 'venture',
      entityId: v.id,
      carrierId: owned.homeCarrierId,
      before: diff.before,
      after: diff.after,
    });
    return { version, changed: true };
  });
}

export async function addFinancing(db: Db, actor: Actor, scope: Scope, input: FinancingAddInput, today: IsoDate) {
  return db.transaction(async (tx) => {
    const owned = await findOwnedVenture(tx, scope, input.ventureId, 'write');
    const errors = financingErrors(input, today);
    if (errors) throw invalid(errors);
    const version = await bumpVersion(tx, input.ventureId, input.version);
    // The financing belongs to the stay it is recorded in (docs/data-ownership.md).
    const values = {
      ventureId: input.ventureId,
      carrierId: owned.openCarrierId!,
      receivedOn: input.receivedOn,
      amountFen: input.amountFen,
      investor: input.investor,
    };
    const [row] = await tx.insert(ventureFinancings).values(values).returning({ id: ventureFinancings.id });
    await writeAudit(tx, actor, {
      action: 'venture.financing.add',
      entity: 'venture_financing',
      entityId: row!.id,
      carrierId: owned.homeCarrierId,
      after: values,
    });
    return { id: row!.id, version };
  });
}

export async function removeFinancing(db: Db, actor: Actor, scope: Scope, input: FinancingRemoveInput) {
  return db.transaction(async (tx) => {
    const owned = await findOwnedVenture(tx, scope, input.ventureId, 'write');
    const version = await bumpVersion(tx, input.ventureId, input.version);
    const [removed] = await tx
      .delete(ventureFinancings)
      .where(
        and(
          eq(ventureFinancings.id, input.financingId),
          eq(ventureFinancings.ventureId, input.ventureId),
          carrierCondition(scope, ventureFinancings.carrierId),
        ),
      )
      .returning();
    if (!removed) throw notFound();
    await writeAudit(tx, actor, {
      action: 'venture.financing.remove',
      entity: 'venture_financing',
      entityId: removed.id,
      carrierId: owned.homeCarrierId,
      before: {
        ventureId: removed.ventureId,
        carrierId: removed.carrierId,
        receivedOn: removed.receivedOn,
        amountFen: removed.amountFen,
        investor: removed.investor,
      },
    });
    return { version };
  });
}
