import 'server-only';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { bestTwoConsecutiveYears, evaluateGraduation, type CriterionResult, type GraduationCriterion } from '@/lib/domain/graduation';
import { CURRENT_RULES } from '@/lib/domain/rules';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { carriers, graduations, residencies, ventureFinancings, ventureReports, ventures } from '../../schema';
import { carrierCondition } from '../shared/scope';
import type { ExitKind } from '@/lib/domain/vocabulary';

/**
 * The facts the graduation criteria are decided on, gathered in two queries whatever the
 * number of ventures: the venture's own fields with its investment total, then its revenue
 * per calendar year. The decision itself is `evaluateGraduation` (lib/domain/graduation.ts).
 */
export type RevenueFigure = { firstYear: number; firstYearFen: number; secondYearFen: number; totalFen: number };

export type GraduationFigures = {
  financingTotalFen: number;
  /** The best two consecutive calendar years of revenue, or null without two such years. */
  revenue: RevenueFigure | null;
  highTechCertNo: string | null;
  highTechCertOn: string | null;
  exitKind: ExitKind | null;
  exitOn: string | null;
};

export type GraduationCandidate = {
  ventureId: number;
  ventureName: string;
  creditCode: string | null;
  industry: string;
  version: number;
  carrierId: number;
  carrierName: string;
  residencyId: number;
  /** When the open incubating residency began: a graduation cannot be dated before it. */
  enteredOn: string;
  pendingGraduation: boolean;
  evaluation: CriterionResult[];
  criteria: GraduationCriterion[];
  figures: GraduationFigures;
};

type FactsFilter = { carrierId?: number; ventureId?: number; candidatesOnly: boolean };

/** Ventures with an open incubating residency in the scope's carriers, with their facts as recorded by that carrier. */
export async function incubatingVentureFacts(db: DbOrTx, scope: Scope, today: string, f: FactsFilter): Promise<GraduationCandidate[]> {
  const financingTotal = sql<string>`(SELECT coalesce(sum(${ventureFinancings.amountFen}), 0) FROM ${ventureFinancings}
    WHERE ${ventureFinancings.ventureId} = ${ventures.id} AND ${ventureFinancings.carrierId} = ${residencies.carrierId}
      AND ${ventureFinancings.receivedOn} <= ${today}::date)`;
  // The venture's reports by their venture (a few rows), those of the stay's carrier summed: a
  // condition on the carrier would let the planner also read every report of the carrier.
  const revenueTotal = sql<string>`(SELECT coalesce(sum(${ventureReports.revenueFen}) FILTER (WHERE ${ventureReports.carrierId} = ${residencies.carrierId}), 0)
    FROM ${ventureReports} WHERE ${ventureReports.ventureId} = ${ventures.id})`;
  const pending = sql<boolean>`EXISTS (SELECT 1 FROM ${graduations} WHERE ${graduations.ventureId} = ${ventures.id} AND ${graduations.status} = 'pending')`;
  const conditions: (SQL | undefined)[] = [
    isNull(residencies.leftOn),
    eq(residencies.stage, 'incubating'),
    carrierCondition(scope, residencies.carrierId),
    f.carrierId === undefined ? undefined : eq(residencies.carrierId, f.carrierId),
    f.ventureId === undefined ? undefined : eq(residencies.ventureId, f.ventureId),
  ];
  if (f.candidatesOnly) {
    // A cheap superset of the rule (all revenue together rather than the best two years);
    // the rule itself decides below.
    conditions.push(sql`NOT ${pending}`);
    conditions.push(sql`(
      (${ventures.highTechCertNo} IS NOT NULL AND ${ventures.highTechCertOn} <= ${today}::date)
      OR ${ventures.exitKind} IS NOT NULL
      OR ${financingTotal} > ${CURRENT_RULES.graduationFinancingOverFen}
      OR ${revenueTotal} > ${CURRENT_RULES.graduationTwoYearRevenueOverFen})`);
  }
  // The stay's venture, read by its key (a lateral lookup the planner keeps as one): the open
  // stays of the scope's carriers are found first, and the network's ventures are never read whole.
  const ventureOfStay = db
    .select()
    .from(ventures)
    .where(sql`${ventures.id} = ${residencies.ventureId}`)
    .limit(1)
    .as('ventures');
  const rows = await db
    .select({
      ventureId: ventures.id,
      ventureName: ventures.name,
      creditCode: ventures.creditCode,
      industry: ventures.industry,
      version: ventures.version,
      carrierId: residencies.carrierId,
      carrierName: carriers.name,
      residencyId: residencies.id,
      enteredOn: residencies.enteredOn,
      highTechCertNo: ventures.highTechCertNo,
      highTechCertOn: ventures.highTechCertOn,
      exitKind: ventures.exitKind,
      exitOn: ventures.exitOn,
      financingTotalFen: financingTotal,
      pendingGraduation: pending,
    })
    .from(residencies)
    .crossJoinLateral(ventureOfStay)
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(and(...conditions))
    .orderBy(asc(carriers.name), asc(ventures.name), asc(ventures.id));
  if (rows.length === 0) return [];

  // Only what the carrier of the stay recorded counts for it (docs/data-ownership.md).
  const revenueRows = await db
    .select({
      ventureId: ventureReports.ventureId,
      carrierId: ventureReports.carrierId,
      year: ventureReports.year,
      revenueFen: sql<string>`sum(${ventureReports.revenueFen})`,
    })
    .from(ventureReports)
    .where(
      inArray(
        ventureReports.ventureId,
        rows.map((r) => r.ventureId),
      ),
    )
    .groupBy(ventureReports.ventureId, ventureReports.carrierId, ventureReports.year);
  const stayCarrier = new Map(rows.map((r) => [r.ventureId, r.carrierId]));
  const revenueOf = new Map<number, Record<number, number>>();
  for (const r of revenueRows) {
    if (stayCarrier.get(r.ventureId) !== r.carrierId) continue;
    const years = revenueOf.get(r.ventureId) ?? {};
    years[r.year] = Number(r.revenueFen);
    revenueOf.set(r.ventureId, years);
  }

  return rows.map((r) => {
    const { evaluation, figures } = assessGraduation(r, Number(r.financingTotalFen), revenueOf.get(r.ventureId) ?? {}, today);
    return {
      ventureId: r.ventureId,
      ventureName: r.ventureName,
      creditCode: r.creditCode,
      industry: r.industry,
      version: r.version,
      carrierId: r.carrierId,
      carrierName: r.carrierName,
      residencyId: r.residencyId,
      enteredOn: r.enteredOn,
      pendingGraduation: Boolean(r.pendingGraduation),
      evaluation,
      criteria: evaluation.filter((e) => e.met).map((e) => e.criterion),
      figures,
    };
  });
}

/**
 * The criteria a venture meets as of `today` (evaluateGraduation) and the figures they are
 * decided on, from its own fields, its investment total and its revenue per calendar year.
 */
export function assessGraduation(
  v: Pick<GraduationFigures, 'highTechCertNo' | 'highTechCertOn' | 'exitKind' | 'exitOn'>,
  financingTotalFen: number,
  revenueByYear: Record<number, number>,
  today: string,
): { evaluation: CriterionResult[]; figures: GraduationFigures } {
  const evaluation = evaluateGraduation({
    highTechCertNo: v.highTechCertNo,
    highTechCertOn: v.highTechCertOn,
    financingTotalFen,
    revenueByYear,
    exitKind: v.exitKind,
    today,
  });
  const best = bestTwoConsecutiveYears(revenueByYear);
  return {
    evaluation,
    figures: {
      financingTotalFen,
      revenue:
        best.firstYear === null
          ? null
          : {
              firstYear: best.firstYear,
              firstYearFen: revenueByYear[best.firstYear] ?? 0,
              secondYearFen: revenueByYear[best.firstYear + 1] ?? 0,
              totalFen: best.totalFen,
            },
      highTechCertNo: v.highTechCertNo,
      highTechCertOn: v.highTechCertOn,
      exitKind: v.exitKind,
      exitOn: v.exitOn,
    },
  };
}
