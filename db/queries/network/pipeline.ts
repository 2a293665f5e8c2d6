import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { carriers, graduations, residencies, ventures } from '../../schema';
import { ventureMatches, type NetworkFilter } from './filter';

/**
 * The pipeline 苗圃 -> 孵化器 -> 加速器 by admission cohort: the year of a venture's first
 * admission to any carrier, counted under that first carrier (and the venture's industry).
 * - admitted: every venture of the cohort;
 * - nurseryTeams: those whose first stay was in a nursery; incorporated: of these, the ones
 *   that are companies now;
 * - graduated: ventures of the cohort with a verified graduation (at any date);
 * - accelerating: of the graduated, those that have stayed in an accelerator;
 * - medianMonthsToGraduation: median of whole months from first admission to the first
 *   verified graduation (percentile_cont, so it may fall between two values).
 */
export type CohortFunnel = {
  cohort: number;
  admitted: number;
  nurseryTeams: number;
  incorporated: number;
  graduated: number;
  accelerating: number;
  medianMonthsToGraduation: number | null;
  /** Rates in per cent, one decimal; null without a base. */
  incorporationRate: number | null;
  graduationRate: number | null;
  accelerationRate: number | null;
};

/** How many cohorts the funnel shows, ending with the selected year's. */
export const FUNNEL_COHORTS = 6;

const rate = (part: number, base: number) => (base > 0 ? Math.round((part * 1000) / base) / 10 : null);

export async function pipelineFunnel(db: DbOrTx, f: NetworkFilter): Promise<CohortFunnel[]> {
  const first = db
    .selectDistinctOn([residencies.ventureId], {
      ventureId: residencies.ventureId,
      carrierId: residencies.carrierId,
      stage: residencies.stage,
      enteredOn: residencies.enteredOn,
    })
    .from(residencies)
    .orderBy(residencies.ventureId, asc(residencies.enteredOn), asc(residencies.id))
    .as('first_stay');
  const graduated = db
    .select({ ventureId: graduations.ventureId, graduatedOn: sql<string>`min(${graduations.graduatedOn})`.as('graduated_on') })
    .from(graduations)
    .where(eq(graduations.status, 'verified'))
    .groupBy(graduations.ventureId)
    .as('graduated');
  const accelerated = db
    .selectDistinct({ ventureId: sql<number>`${residencies.ventureId}`.as('accelerated_venture_id') })
    .from(residencies)
    .where(eq(residencies.stage, 'accelerating'))
    .as('accelerated');
  const cohort = sql<number>`extract(year FROM ${first.enteredOn})::int`;
  const age = sql`age(${graduated.graduatedOn}, ${first.enteredOn})`;
  const months = sql`(extract(year FROM ${age}) * 12 + extract(month FROM ${age}))`;
  const rows = await db
    .select({
      cohort,
      admitted: sql<number>`count(*)::int`,
      nurseryTeams: sql<number>`count(*) FILTER (WHERE ${first.stage} = 'nursery')::int`,
      incorporated: sql<number>`count(*) FILTER (WHERE ${first.stage} = 'nursery' AND ${ventures.kind} = 'company')::int`,
      graduated: sql<number>`count(${graduated.ventureId})::int`,
      accelerating: sql<number>`count(*) FILTER (WHERE ${graduated.ventureId} IS NOT NULL AND ${accelerated.ventureId} IS NOT NULL)::int`,
      median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${months}) FILTER (WHERE ${graduated.ventureId} IS NOT NULL)`,
    })
    .from(first)
    .innerJoin(ventures, eq(ventures.id, first.ventureId))
    .innerJoin(carriers, eq(carriers.id, first.carrierId))
    .leftJoin(graduated, eq(graduated.ventureId, first.ventureId))
    .leftJoin(accelerated, eq(accelerated.ventureId, first.ventureId))
    .where(and(sql`${first.enteredOn} BETWEEN ${`${f.year - FUNNEL_COHORTS + 1}-01-01`} AND ${`${f.year}-12-31`}`, ventureMatches(f)))
    .groupBy(cohort)
    .orderBy(cohort);
  const found = rows.map((r) => {
    const n = {
      admitted: Number(r.admitted),
      nurseryTeams: Number(r.nurseryTeams),
      incorporated: Number(r.incorporated),
      graduated: Number(r.graduated),
      accelerating: Number(r.accelerating),
    };
    return {
      cohort: Number(r.cohort),
      ...n,
      medianMonthsToGraduation: r.median === null ? null : Math.round(Number(r.median) * 10) / 10,
      incorporationRate: rate(n.incorporated, n.nurseryTeams),
      graduationRate: rate(n.graduated, n.admitted),
      accelerationRate: rate(n.accelerating, n.graduated),
    };
  });
  // Every cohort of the range has a row, an empty year too, so the chart's axis has no gaps.
  return Array.from({ length: FUNNEL_COHORTS }, (_, i) => f.year - FUNNEL_COHORTS + 1 + i).map(
    (year) =>
      found.find((c) => c.cohort === year) ?? {
        cohort: year,
        admitted: 0,
        nurseryTeams: 0,
        incorporated: 0,
        graduated: 0,
        accelerating: 0,
        medianMonthsToGraduation: null,
        incorporationRate: null,
        graduationRate: null,
        accelerationRate: null,
      },
  );
}
