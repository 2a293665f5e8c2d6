import 'server-only';

import type { DbOrTx } from '../../client';
import { budgetExecution, reviewQueueAge, type BudgetExecution, type QueueAge } from './budget';
import {
  admissionsAndGraduations,
  carrierFigures,
  comparableYears,
  reportQuarters,
  reportYear,
  revenueByIndustry,
  stagesAtYearEnd,
  type CarrierKindFigures,
  type QuarterFigures,
  type ReportYear,
  type YearPair,
} from './dashboard';
import type { ResidencyStage } from '@/lib/domain/vocabulary';
import type { NetworkFilter } from './filter';
import { pipelineFunnel, type CohortFunnel } from './pipeline';
import { targetProgress, targetsOfYear, type TargetFigures, type TargetProgress } from './targets';

/**
 * Everything the committee's dashboard shows for a year and its filters: a fixed number of
 * grouped queries, run side by side, whatever the size of the network.
 */
export type NetworkOverview = {
  filter: NetworkFilter;
  carriersByKind: CarrierKindFigures[];
  carriers: YearPair;
  incubationAreaM2: YearPair;
  stages: Record<ResidencyStage, YearPair>;
  admissions: YearPair;
  graduations: YearPair;
  pendingGraduations: number;
  quarters: QuarterFigures[];
  /**
   * The report figures of the year and of the same quarters of the year before; `comparable`
   * is false when the year before lacks some of those quarters (no change is computed then).
   */
  reports: { current: ReportYear; previous: ReportYear; comparable: boolean };
  revenueByIndustry: { industry: string; revenueFen: YearPair }[];
  budget: BudgetExecution;
  queue: QueueAge[];
  funnel: CohortFunnel[];
  targets: TargetProgress[];
};

const sumPair = (rows: YearPair[]): YearPair => ({
  current: rows.reduce((s, r) => s + r.current, 0),
  previous: rows.reduce((s, r) => s + r.previous, 0),
});
const growth = (p: YearPair | undefined) => (p && p.previous > 0 ? Math.round(((p.current - p.previous) * 1000) / p.previous) / 10 : null);
const wan = (fen: number) => Math.round(fen / 100) / 10_000;

export async function networkOverview(db: DbOrTx, f: NetworkFilter, today: string): Promise<NetworkOverview> {
  const [carriersByKind, stages, flows, quarters, industries, budget, queue, funnel, targets] = await Promise.all([
    carrierFigures(db, f),
    stagesAtYearEnd(db, f, today),
    admissionsAndGraduations(db, f),
    reportQuarters(db, f),
    revenueByIndustry(db, f),
    budgetExecution(db, f),
    reviewQueueAge(db, f, today),
    pipelineFunnel(db, f),
    targetsOfYear(db, f.year),
  ]);
  const current = reportYear(quarters, f.year);
  const previous = reportYear(quarters, f.year - 1, current.lastQuarter);
  const overview = {
    filter: f,
    carriersByKind,
    carriers: sumPair(carriersByKind.map((k) => k.carriers)),
    incubationAreaM2: sumPair(carriersByKind.map((k) => k.incubationAreaM2)),
    stages,
    ...flows,
    quarters,
    reports: { current, previous, comparable: comparableYears(current, previous) },
    revenueByIndustry: industries,
    budget,
    queue,
    funnel,
  };
  return { ...overview, targets: targetProgress(targets, figuresForTargets(overview)) };
}

/** The figure each known target metric is measured by. */
export function figuresForTargets(o: Omit<NetworkOverview, 'targets'>): TargetFigures {
  const r = o.reports.current;
  // A growth needs the same quarters in both years.
  const industry = (name: string) => (o.reports.comparable ? o.revenueByIndustry.find((x) => x.industry === name)?.revenueFen : undefined);
  return {
    carriers: o.carriers.current,
    incubation_area_m2: o.incubationAreaM2.current,
    new_incubators: o.carriersByKind.find((k) => k.kind === 'incubator')?.newCarriers ?? 0,
    new_incubation_area_m2: o.carriersByKind.reduce((s, k) => s + k.newAreaM2, 0),
    new_admissions: o.admissions.current,
    graduations: o.graduations.current,
    high_tech_enterprises: r.highTech,
    employees: r.employees,
    revenue_wan: wan(r.revenueFen),
    rd_spend_wan: wan(r.rdSpendFen),
    financing_wan: wan(r.financingFen),
    ip_filed: r.ipFiled,
    ip_granted: r.ipGranted,
    biomedicine_output_growth_pct: growth(industry('biomedicine')),
    new_energy_output_growth_pct: growth(industry('new_energy')),
    budget_execution_pct: o.budget.total.executionRate,
  };
}
