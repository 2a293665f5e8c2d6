import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { applications, carriers, programmeFunding, programs, ventures } from '../../schema';
import { COMMITTEE_STEP_STATUSES, type CommitteeStepStatus } from '@/lib/domain/workflow';
import { committeeStepDueSql } from '../subsidies/committee-queue';
import { anyFilter, carrierMatches, type NetworkFilter } from './filter';
import { budgetFigures, budgetsOf, programmeBudgets, programmeSums, yearBudgets, type BudgetFigures, type ProgrammeBudget } from '../subsidies/programmes';

/**
 * Subsidy budget execution of a year's programmes and the committee's review queue, for the
 * network dashboard. Without carrier or industry filters these are exactly the programmes
 * page's figures (programmeBudgets / yearBudgets). With filters, approved and paid amounts are
 * those of applications whose carrier (and venture's industry) match; a programme's budget is
 * never split, so it stays whole and the execution rate is the filtered paid over it.
 */
export type BudgetExecution = { programmes: ProgrammeBudget[]; total: BudgetFigures & { programmes: number } };

/** Summary rows matching the filter: by their carrier, and by their venture's industry (carrier applications have none). */
function fundingMatches(f: NetworkFilter) {
  return and(carrierMatches(f), f.industry ? eq(programmeFunding.industry, f.industry) : undefined);
}

/** Applications matching the filter: by their carrier, and by their venture's industry (carrier applications have none). */
function applicationMatches(f: NetworkFilter) {
  return and(
    carrierMatches(f),
    f.industry ? sql`EXISTS (SELECT 1 FROM ${ventures} WHERE ${ventures.id} = ${applications.ventureId} AND ${ventures.industry} = ${f.industry})` : undefined,
  );
}

export async function budgetExecution(db: DbOrTx, f: NetworkFilter): Promise<BudgetExecution> {
  if (!anyFilter(f)) {
    const [perProgramme, [perYear]] = await Promise.all([programmeBudgets(db, { year: f.year }), yearBudgets(db, { year: f.year })]);
    return { programmes: perProgramme, total: perYear ?? { ...budgetFigures(0, 0, 0, 0), programmes: 0 } };
  }
  const matched = programmeSums(db, fundingMatches(f));
  const programmes = await budgetsOf(db, matched, eq(programs.year, f.year), asc(programs.code));
  const sum = (k: 'budgetFen' | 'committedFen' | 'paidFen' | 'awards') => programmes.reduce((s, p) => s + p[k], 0);
  return { programmes, total: { ...budgetFigures(sum('budgetFen'), sum('committedFen'), sum('paidFen'), sum('awards')), programmes: programmes.length } };
}

export type QueueStatus = CommitteeStepStatus;
export type QueueAge = { status: QueueStatus; waiting: number; oldestDays: number | null; medianDays: number | null; over30Days: number };

/**
 * The review queue of the year's programmes: how many applications wait on each committee step
 * (lib/domain/workflow.ts committeeStepDue) and how long since they were submitted,
 * in days in Shanghai.
 */
export async function reviewQueueAge(db: DbOrTx, f: NetworkFilter, today: string): Promise<QueueAge[]> {
  const days = sql`(${today}::date - (${applications.submittedAt} AT TIME ZONE 'Asia/Shanghai')::date)`;
  const rows = await db
    .select({
      status: applications.status,
      waiting: sql<number>`count(*)::int`,
      oldest: sql<number | null>`max(${days})`,
      median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days})`,
      over30: sql<number>`count(*) FILTER (WHERE ${days} > 30)::int`,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(carriers, eq(carriers.id, applications.carrierId))
    .where(and(eq(programs.year, f.year), committeeStepDueSql(), applicationMatches(f)))
    .groupBy(applications.status);
  return COMMITTEE_STEP_STATUSES.map((status) => {
    const r = rows.find((x) => x.status === status);
    return {
      status,
      waiting: Number(r?.waiting ?? 0),
      oldestDays: r?.oldest == null ? null : Number(r.oldest),
      medianDays: r?.median == null ? null : Math.round(Number(r.median) * 10) / 10,
      over30Days: Number(r?.over30 ?? 0),
    };
  });
}
