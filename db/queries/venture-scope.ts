import 'server-only';
import { and, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../client';
import { residencies, ventures } from '../schema';

/**
 * Which ventures belong to an operator: those whose current carrier is theirs, and the
 * graduated or exited ones without an open residency whose most recent residency was in one
 * of their carriers. The list, the detail and every change use this one rule.
 */
export const openResidency = alias(residencies, 'open_residency');
export const openResidencyOn = and(eq(openResidency.ventureId, ventures.id), isNull(openResidency.leftOn));

/** Per venture: the start of incubation (its first incubating residency) and its latest carrier. */
export function ventureHistory(db: DbOrTx) {
  return db
    .select({
      ventureId: residencies.ventureId,
      incubationStartedOn: sql<string | null>`min(${residencies.enteredOn}) FILTER (WHERE ${residencies.stage} = 'incubating')`.as(
        'incubation_started_on',
      ),
      lastCarrierId: sql<number>`(array_agg(${residencies.carrierId} ORDER BY ${residencies.enteredOn} DESC, ${residencies.id} DESC))[1]`.as(
        'last_carrier_id',
      ),
    })
    .from(residencies)
    .groupBy(residencies.ventureId)
    .as('venture_history');
}
export type VentureHistory = ReturnType<typeof ventureHistory>;

/**
 * The carriers a query may cover: the scope's, narrowed to one carrier when asked (a
 * carrier outside the scope leaves none); null means every carrier (committee scope).
 */
export function carriersToCover(scope: Scope, carrierId?: number): number[] | null {
  if (scope.kind === 'none') return [];
  if (scope.kind === 'all') return carrierId === undefined ? null : [carrierId];
  if (carrierId === undefined) return scope.carrierIds;
  return scope.carrierIds.includes(carrierId) ? [carrierId] : [];
}

/** The ownership rule as a condition; the query must join openResidency and the history. */
export function ventureBelongsTo(carrierIds: number[] | null, history: VentureHistory): SQL {
  if (carrierIds === null) return sql`true`;
  if (carrierIds.length === 0) return sql`false`;
  return or(
    inArray(ventures.currentCarrierId, carrierIds),
    and(
      isNull(openResidency.id),
      inArray(ventures.stage, ['graduated', 'exited']),
      sql`${history.lastCarrierId} IN (${sql.join(
        carrierIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ),
  )!;
}

/**
 * One venture of the caller's, with what the rule needs; notFound otherwise (never
 * "forbidden"). Changes ('write') are for operators only: committee scope reads here.
 */
export async function findOwnedVenture(db: DbOrTx, scope: Scope, ventureId: number, mode: 'read' | 'write' = 'read') {
  if (mode === 'write' && scope.kind !== 'carriers') throw notFound();
  const history = ventureHistory(db);
  const [row] = await db
    .select({
      venture: getTableColumns(ventures),
      openResidencyId: openResidency.id,
      openCarrierId: openResidency.carrierId,
      openStage: openResidency.stage,
      openEnteredOn: openResidency.enteredOn,
      openWarnings: openResidency.ruleWarnings,
      incubationStartedOn: history.incubationStartedOn,
      lastCarrierId: history.lastCarrierId,
    })
    .from(ventures)
    .leftJoin(openResidency, openResidencyOn)
    .leftJoin(history, eq(history.ventureId, ventures.id))
    .where(and(eq(ventures.id, ventureId), ventureBelongsTo(carriersToCover(scope), history)))
    .limit(1);
  if (!row) throw notFound();
  return { ...row, homeCarrierId: row.venture.currentCarrierId ?? row.lastCarrierId ?? null };
}
export type OwnedVenture = Awaited<ReturnType<typeof findOwnedVenture>>;
