import 'server-only';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { VentureStage } from '@/lib/domain/vocabulary';
import type { DbOrTx } from '../../client';
import { carriers, residencies, ventures } from '../../schema';

/** Carriers by kind across the network, with their incubation area. */
export async function carrierCountsByKind(db: DbOrTx) {
  return db
    .select({
      kind: carriers.kind,
      carriers: count(),
      incubationAreaM2: sql<number>`coalesce(sum(${carriers.incubationAreaM2}), 0)::int`,
    })
    .from(carriers)
    .where(eq(carriers.status, 'active'))
    .groupBy(carriers.kind)
    .orderBy(asc(carriers.kind));
}

/** Ventures by their current stage, across the network or within some carriers. */
export async function ventureCountsByStage(db: DbOrTx, carrierIds?: number[]) {
  if (carrierIds && carrierIds.length === 0) return [];
  return db
    .select({ stage: ventures.stage, ventures: count() })
    .from(ventures)
    .where(carrierIds ? inArray(ventures.currentCarrierId, carrierIds) : undefined)
    .groupBy(ventures.stage)
    .orderBy(asc(ventures.stage));
}

/**
 * The given carriers with their ventures by current stage and their occupied area:
 * one grouped query, whatever the number of carriers.
 */
export async function carrierSummaries(db: DbOrTx, carrierIds: number[]) {
  if (carrierIds.length === 0) return [];
  const stageCounts = db
    .select({
      carrierId: ventures.currentCarrierId,
      stage: ventures.stage,
      n: count().as('n'),
    })
    .from(ventures)
    .where(inArray(ventures.currentCarrierId, carrierIds))
    .groupBy(ventures.currentCarrierId, ventures.stage)
    .as('stage_counts');
  const occupied = db
    .select({
      carrierId: residencies.carrierId,
      areaM2: sql<number>`sum(${residencies.areaM2})::int`.as('area_m2'),
      open: count().as('open_residencies'),
    })
    .from(residencies)
    .where(and(inArray(residencies.carrierId, carrierIds), isNull(residencies.leftOn)))
    .groupBy(residencies.carrierId)
    .as('occupied');
  const rows = await db
    .select({
      id: carriers.id,
      name: carriers.name,
      nameEn: carriers.nameEn,
      kind: carriers.kind,
      level: carriers.level,
      zone: carriers.zone,
      incubationAreaM2: carriers.incubationAreaM2,
      occupiedAreaM2: sql<number>`coalesce(max(${occupied.areaM2}), 0)::int`,
      openResidencies: sql<number>`coalesce(max(${occupied.open}), 0)::int`,
      byStage: sql<
        Record<string, number>
      >`coalesce(jsonb_object_agg(${stageCounts.stage}, ${stageCounts.n}) FILTER (WHERE ${stageCounts.stage} IS NOT NULL), '{}'::jsonb)`,
    })
    .from(carriers)
    .leftJoin(stageCounts, eq(stageCounts.carrierId, carriers.id))
    .leftJoin(occupied, eq(occupied.carrierId, carriers.id))
    .where(inArray(carriers.id, carrierIds))
    .groupBy(carriers.id)
    .orderBy(asc(carriers.kind), asc(carriers.name));
  return rows.map((r) => ({ ...r, byStage: r.byStage as Partial<Record<VentureStage, number>> }));
}

/** Network totals for the committee's first page. */
export async function networkTotals(db: DbOrTx) {
  const [row] = await db
    .select({
      carriers: sql<number>`(SELECT count(*)::int FROM ${carriers} WHERE ${carriers.status} = 'active')`,
      ventures: sql<number>`(SELECT count(*)::int FROM ${ventures})`,
      openResidencies: sql<number>`(SELECT count(*)::int FROM ${residencies} WHERE ${residencies.leftOn} IS NULL)`,
      incubationAreaM2: sql<number>`(SELECT coalesce(sum(${carriers.incubationAreaM2}), 0)::int FROM ${carriers} WHERE ${carriers.status} = 'active')`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row ?? { carriers: 0, ventures: 0, openResidencies: 0, incubationAreaM2: 0 };
}
