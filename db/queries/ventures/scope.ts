import 'server-only';
import { and, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { residencies, ventures } from '../../schema';

/**
 * Which ventures an operator sees (docs/data-ownership.md): every venture that lived a stay in
 * one of their carriers, with its identity and what was recorded during their own stays. It is
 * theirs now while its latest stay is theirs; only the carrier of the open stay changes it.
 */
export const openResidency = alias(residencies, 'open_residency');
export const openResidencyOn = and(eq(openResidency.ventureId, ventures.id), isNull(openResidency.leftOn));

/**
 * Narrows the stays aggregated into a history to those of ventures that lived in one of these
 * carriers (every stay of such a venture, wherever it was): the history of any venture a carrier's
 * reader may see is whole, and its cost follows the carrier's ventures, not the network's.
 */
function livedInAny(carrierIds: number[] | null): SQL | undefined {
  if (carrierIds === null) return undefined;
  if (carrierIds.length === 0) return sql`false`;
  return sql`${residencies.ventureId} IN (SELECT lived.venture_id FROM ${residencies} lived WHERE lived.carrier_id IN (${sql.join(
    carrierIds.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
}

/** Per venture: the start of incubation (its first incubating residency), its latest carrier and the entry of its latest stay. */
export function ventureHistory(db: DbOrTx, carrierIds: number[] | null = null) {
  return db
    .select({
      ventureId: residencies.ventureId,
      incubationStartedOn: sql<string | null>`min(${residencies.enteredOn}) FILTER (WHERE ${residencies.stage} = 'incubating')`.as('incubation_started_on'),
      lastCarrierId: sql<number>`(array_agg(${residencies.carrierId} ORDER BY ${residencies.enteredOn} DESC, ${residencies.id} DESC))[1]`.as('last_carrier_id'),
      lastEnteredOn: sql<string | null>`(max(${residencies.enteredOn}))::text`.as('last_entered_on'),
    })
    .from(residencies)
    .where(livedInAny(carrierIds))
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

/** The venture lived a stay in one of these carriers (null: every carrier, committee scope). */
export function ventureLivedBy(carrierIds: number[] | null): SQL {
  if (carrierIds === null) return sql`true`;
  if (carrierIds.length === 0) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM ${residencies} lived WHERE lived.venture_id = ${ventures.id} AND lived.carrier_id IN (${sql.join(
    carrierIds.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
}

/** The ventures that lived a stay in one of these carriers (residencies_carrier_open_idx). */
export async function ventureIdsLivedBy(db: DbOrTx, carrierIds: number[]): Promise<number[]> {
  if (carrierIds.length === 0) return [];
  const rows = await db.selectDistinct({ id: residencies.ventureId }).from(residencies).where(inArray(residencies.carrierId, carrierIds));
  return rows.map((r) => r.id);
}

/**
 * Per venture of `ventureIds` (those these carriers lived, ventureIdsLivedBy), its history as
 * ventureHistory gives it and, among these carriers' stays, the latest one: the end of their own
 * period with it and its entry date. One pass over the stays of those ventures only
 * (residencies_venture_idx), so that the list joins one subquery whose size is the carriers' own,
 * however large the network around them.
 */
export function ventureHistoryWithPeriod(db: DbOrTx, carrierIds: number[], ventureIds: number[]) {
  const ids = sql.join(
    (carrierIds.length ? carrierIds : [-1]).map((id) => sql`${id}`),
    sql`, `,
  );
  const latestOwn = (col: SQL) =>
    sql`(array_agg(${col} ORDER BY ${residencies.enteredOn} DESC, ${residencies.id} DESC) FILTER (WHERE ${residencies.carrierId} IN (${ids})))[1]`;
  return db
    .select({
      ventureId: residencies.ventureId,
      incubationStartedOn: sql<string | null>`min(${residencies.enteredOn}) FILTER (WHERE ${residencies.stage} = 'incubating')`.as('incubation_started_on'),
      lastCarrierId: sql<number>`(array_agg(${residencies.carrierId} ORDER BY ${residencies.enteredOn} DESC, ${residencies.id} DESC))[1]`.as('last_carrier_id'),
      carrierId: sql<number | null>`${latestOwn(sql`${residencies.carrierId}`)}`.as('period_carrier_id'),
      stage: sql<string | null>`${latestOwn(sql`${residencies.stage}::text`)}`.as('period_stage'),
      enteredOn: sql<string | null>`${latestOwn(sql`${residencies.enteredOn}::text`)}`.as('period_entered_on'),
      exitReason: sql<string | null>`${latestOwn(sql`${residencies.exitReason}::text`)}`.as('period_exit_reason'),
    })
    .from(residencies)
    .where(sql`${residencies.ventureId} = ANY(${sql.param(ventureIds)}::int[])`)
    .groupBy(residencies.ventureId)
    .as('venture_history');
}
export type OwnPeriod = ReturnType<typeof ventureHistoryWithPeriod>;

/** The stage as the carrier's own period left it, in SQL (lib/domain/stays.ts stageAsLeft). */
export function stageAsLeftSql(period: OwnPeriod): SQL<string> {
  return sql<string>`(CASE WHEN ${period.exitReason} IS NULL OR ${period.exitReason} = 'moved' THEN ${period.stage}
    WHEN ${period.exitReason} = 'graduated' THEN 'graduated' WHEN ${period.exitReason} = 'incorporated' THEN 'incubating' ELSE 'exited' END)`;
}

/**
 * One venture the caller's carriers lived, with what the rule needs; notFound otherwise (never
 * "forbidden"). `current`: its latest stay is the caller's (committee scope: always).
 * `editable`: its open stay is in one of the caller's carriers; 'write' requires it.
 */
export async function findOwnedVenture(db: DbOrTx, scope: Scope, ventureId: number, mode: 'read' | 'write' = 'read') {
  if (mode === 'write' && scope.kind !== 'carriers') throw notFound();
  const carrierIds = carriersToCover(scope);
  const history = ventureHistory(db, carrierIds);
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
    .where(and(eq(ventures.id, ventureId), ventureLivedBy(carrierIds)))
    .limit(1);
  if (!row) throw notFound();
  const ours = (id: number | null) => id !== null && (carrierIds === null || carrierIds.includes(id));
  const editable = scope.kind === 'carriers' && ours(row.openCarrierId);
  if (mode === 'write' && !editable) throw notFound();
  const current = carrierIds === null || ours(row.lastCarrierId);
  return {
    ...row,
    current,
    editable,
    homeCarrierId: editable ? row.openCarrierId! : current ? (row.venture.currentCarrierId ?? row.lastCarrierId ?? null) : null,
  };
}
export type OwnedVenture = Awaited<ReturnType<typeof findOwnedVenture>>;
