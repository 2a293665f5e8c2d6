import 'server-only';
import { and, between, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { carriers, ventureCohorts } from '../../schema';
import { carrierMatches, type NetworkFilter } from './filter';

/**
 * The pipeline 苗圃 -> 孵化器 -> 加速器 by admission cohort: the year of a venture's first
 * admission to any carrier, counted under that first carrier (and the venture's industry), read
 * from the read model venture_cohorts (one row per venture, docs/read-models.md).
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
  const vc = ventureCohorts;
  const age = sql`age(${vc.graduatedOn}, ${vc.firstEnteredOn})`;
  const months = sql`(extract(year FROM ${age}) * 12 + extract(month FROM ${age}))`;
  const onCarrier = carrierMatches(f);
  const rows = await db
    .select({
      cohort: vc.cohort,
      admitted: sql<number>`count(*)::int`,
      nurseryTeams: sql<number>`count(*) FILTER (WHERE ${vc.firstStage} = 'nursery')::int`,
      incorporated: sql<number>`count(*) FILTER (WHERE ${vc.firstStage} = 'nursery' AND ${vc.ventureKind} = 'company')::int`,
      graduated: sql<number>`count(${vc.graduatedOn})::int`,
      accelerating: sql<number>`count(*) FILTER (WHERE ${vc.graduatedOn} IS NOT NULL AND ${vc.accelerated})::int`,
      median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${months}) FILTER (WHERE ${vc.graduatedOn} IS NOT NULL)`,
    })
    .from(vc)
    .where(
      and(
        between(vc.cohort, f.year - FUNNEL_COHORTS + 1, f.year),
        onCarrier ? sql`${vc.firstCarrierId} IN (SELECT ${carriers.id} FROM ${carriers} WHERE ${onCarrier})` : undefined,
        f.industry ? eq(vc.industry, f.industry) : undefined,
      ),
    )
    .groupBy(vc.cohort)
    .orderBy(vc.cohort);
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
