import 'server-only';
import { comparableYears, reportQuarters, reportYear } from './dashboard';
import { sql } from 'drizzle-orm';
import { targetOutcome, type TargetOutcome } from '@/lib/domain/statistics-checks';
import type { DbOrTx } from '../../client';
import { yearBudgets, type YearBudget } from '../subsidies/programmes';
import type { CarrierKind, GraduationCriterion, ProgramCategory, ResidencyStage } from '@/lib/domain/vocabulary';

/**
 * The figures of the committee's annual summary for one year, each an SQL aggregate: carriers,
 * tenants, graduations, high-tech enterprises, subsidies by category, budget execution, the
 * tenants' reported figures and the year's targets against what the data shows. Graduations,
 * report sums and the budget come from the read models (docs/read-models.md).
 */
type Kind = CarrierKind;
type Stage = ResidencyStage;
type Category = ProgramCategory;

export type SummaryCarrierKind = { kind: Kind; carriers: number; national: number; incubationAreaM2: number; opened: number; openedAreaM2: number };
export type SummarySubsidyCategory = { category: Category; awards: number; committedFen: number; paidFen: number };
export type SummaryTarget = {
  metric: string;
  unit: string;
  targetMin: number;
  targetMax: number | null;
  note: string | null;
  actual: number | null;
  outcome: TargetOutcome;
};

export type YearSummary = {
  year: number;
  carriers: SummaryCarrierKind[];
  tenantsAtYearEnd: Record<Stage, number>;
  admissions: number;
  graduations: { verified: number; pending: number; byCriterion: Record<GraduationCriterion, number> };
  highTech: { total: number; newInYear: number };
  financing: { events: number; amountFen: number };
  reports: { reportingTenants: number; revenueFen: number; rdSpendFen: number; taxFen: number };
  subsidies: SummarySubsidyCategory[];
  budget: YearBudget | null;
  targets: SummaryTarget[];
};

/** Tenants' revenue growth of an industry over the same quarters of the year before, in per cent (one decimal). */
function growth(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) * 1000) / previous) / 10;
}

export async function yearSummary(db: DbOrTx, year: number): Promise<YearSummary> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [carrierRows, stageRows, counts, criteria, industryRevenue, subsidyRows, budgets, targetRows, quarters] = await Promise.all([
    db.execute<{ kind: Kind; carriers: number; national: number; area: number; opened: number; opened_area: number }>(sql`
      SELECT kind, count(*)::int AS carriers, count(*) FILTER (WHERE level = 'national')::int AS national,
             coalesce(sum(incubation_area_m2), 0)::int AS area,
             count(*) FILTER (WHERE operating_since >= ${start}::date)::int AS opened,
             coalesce(sum(incubation_area_m2) FILTER (WHERE operating_since >= ${start}::date), 0)::int AS opened_area
      FROM carriers
      WHERE status <> 'closed' AND (operating_since IS NULL OR operating_since <= ${end}::date)
      GROUP BY kind ORDER BY kind`),
    db.execute<{ stage: Stage; n: number }>(sql`
      -- A venture's residencies never overlap (residencies_no_overlap), so at most one of them
      -- spans the year's end: counting the residencies counts the ventures, without a sort.
      SELECT stage, count(*)::int AS n FROM residencies
      WHERE entered_on <= ${end}::date AND (left_on IS NULL OR left_on > ${end}::date)
      GROUP BY stage`),
    db.execute<{
      admissions: number;
      verified: number;
      pending: number;
      high_tech_new: number;
      fin_events: number;
      fin_fen: string;
      reporting: number;
      revenue: string;
      rd: string;
      tax: string;
    }>(sql`
      WITH figures AS (
        -- One scan of the year's summary rows for every sum read from them.
        SELECT coalesce(sum(graduations), 0)::int AS verified, coalesce(sum(pending_graduations), 0)::int AS pending,
               coalesce(sum(revenue_fen), 0)::bigint AS revenue, coalesce(sum(rd_spend_fen), 0)::bigint AS rd,
               coalesce(sum(tax_fen), 0)::bigint AS tax
        FROM network_quarter_figures WHERE year = ${year}
      )
      SELECT
        -- Distinct ventures network-wide (one that moved counts once): index-only scans.
        (SELECT count(DISTINCT venture_id)::int FROM residencies WHERE entered_on BETWEEN ${start}::date AND ${end}::date) AS admissions,
        figures.verified, figures.pending,
        (SELECT count(*)::int FROM ventures WHERE high_tech_cert_on BETWEEN ${start}::date AND ${end}::date) AS high_tech_new,
        (SELECT count(*)::int FROM venture_financings WHERE received_on BETWEEN ${start}::date AND ${end}::date) AS fin_events,
        (SELECT coalesce(sum(amount_fen), 0)::bigint FROM venture_financings WHERE received_on BETWEEN ${start}::date AND ${end}::date) AS fin_fen,
        (SELECT count(DISTINCT venture_id)::int FROM venture_reports WHERE year = ${year}) AS reporting,
        figures.revenue, figures.rd, figures.tax
      FROM figures`),
    db.execute<{ criterion: string; n: number }>(sql`
      SELECT c AS criterion, count(*)::int AS n FROM graduations, unnest(criteria) AS c
      WHERE status = 'verified' AND graduated_on BETWEEN ${start}::date AND ${end}::date
      GROUP BY c`),
    db.execute<{ industry: string; year: number; revenue: string }>(sql`
      SELECT f.industry, f.year, sum(f.revenue_fen)::bigint AS revenue
      FROM network_quarter_figures f
      WHERE f.year IN (${year}, ${year - 1}) AND f.industry IN ('biomedicine', 'new_energy')
        -- the same quarters in both years, so that a year still running is not set against a whole one
        AND f.quarter <= (SELECT coalesce(max(quarter), 4) FROM network_quarter_figures WHERE year = ${year} AND reports > 0)
      GROUP BY f.industry, f.year`),
    db.execute<{ category: Category; awards: number; committed: string; paid: string }>(sql`
      SELECT p.category, count(a.id)::int AS awards,
             coalesce(sum(CASE WHEN a.status = 'acceptance_failed' THEN a.paid_fen ELSE coalesce(a.final_fen, a.approved_fen, 0) END), 0)::bigint AS committed,
             coalesce(sum(a.paid_fen), 0)::bigint AS paid
      FROM programs p JOIN applications a ON a.program_id = p.id
      WHERE p.year = ${year} AND a.status IN ('approved', 'paid', 'accepted', 'acceptance_failed')
      GROUP BY p.category ORDER BY p.category`),
    yearBudgets(db, { year }),
    db.execute<{ metric: string; unit: string; target_min: number; target_max: number | null; note: string | null }>(sql`
      SELECT metric, unit, target_min, target_max, note FROM annual_targets WHERE year = ${year} ORDER BY id`),
    // The same count as the network dashboard: certified tenants among the year's last reported quarter.
    reportQuarters(db, { year }),
  ]);

  const c = counts.rows[0]!;
  const carriers = carrierRows.rows.map((r) => ({
    kind: r.kind,
    carriers: Number(r.carriers),
    national: Number(r.national),
    incubationAreaM2: Number(r.area),
    opened: Number(r.opened),
    openedAreaM2: Number(r.opened_area),
  }));
  const tenantsAtYearEnd: Record<Stage, number> = { nursery: 0, incubating: 0, accelerating: 0 };
  for (const r of stageRows.rows) tenantsAtYearEnd[r.stage] = Number(r.n);
  const byCriterion = { high_tech: 0, financing: 0, revenue: 0, exit: 0 };
  for (const r of criteria.rows) if (r.criterion in byCriterion) byCriterion[r.criterion as keyof typeof byCriterion] = Number(r.n);
  const revenueOf = (industry: string, y: number) => Number(industryRevenue.rows.find((r) => r.industry === industry && Number(r.year) === y)?.revenue ?? 0);
  const thisYear = reportYear(quarters, year);
  const highTech = { total: thisYear.highTech, newInYear: Number(c.high_tech_new) };
  // A growth only against a year with reports for the same quarters; none against a partial one.
  const comparable = comparableYears(thisYear, reportYear(quarters, year - 1, thisYear.lastQuarter));
  const industryGrowth = (industry: string) => (comparable ? growth(revenueOf(industry, year), revenueOf(industry, year - 1)) : null);

  // What the data can say about each planned metric; null where the portal holds no such data.
  const actuals: Record<string, number | null> = {
    high_tech_enterprises: highTech.total,
    new_incubators: carriers.reduce((s, k) => s + k.opened, 0),
    new_incubation_area_m2: carriers.reduce((s, k) => s + k.openedAreaM2, 0),
    biomedicine_output_growth_pct: industryGrowth('biomedicine'),
    new_energy_output_growth_pct: industryGrowth('new_energy'),
  };
  const targets = targetRows.rows.map((t) => {
    const actual = actuals[t.metric] ?? null;
    const targetMax = t.target_max === null ? null : Number(t.target_max);
    return {
      metric: t.metric,
      unit: t.unit,
      targetMin: Number(t.target_min),
      targetMax,
      note: t.note,
      actual,
      outcome: targetOutcome(actual, Number(t.target_min), targetMax),
    };
  });

  return {
    year,
    carriers,
    tenantsAtYearEnd,
    admissions: Number(c.admissions),
    graduations: { verified: Number(c.verified), pending: Number(c.pending), byCriterion },
    highTech,
    financing: { events: Number(c.fin_events), amountFen: Number(c.fin_fen) },
    reports: { reportingTenants: Number(c.reporting), revenueFen: Number(c.revenue), rdSpendFen: Number(c.rd), taxFen: Number(c.tax) },
    subsidies: subsidyRows.rows.map((r) => ({ category: r.category, awards: Number(r.awards), committedFen: Number(r.committed), paidFen: Number(r.paid) })),
    budget: budgets[0] ?? null,
    targets,
  };
}

/**
 * Years the summary can be read for, newest first: every year from the first one the network
 * has data for (a stay, a quarterly report or a programme) to the current one, without gaps.
 * Targets alone do not open a year: a plan published long ago says nothing about the network.
 */
export async function summaryYears(db: DbOrTx, today: string): Promise<number[]> {
  const { rows } = await db.execute<{ first: number | null }>(sql`
    SELECT min(y)::int AS first FROM (
      SELECT extract(year FROM min(entered_on))::int AS y FROM residencies
      UNION ALL SELECT min(year) FROM venture_reports
      UNION ALL SELECT min(year) FROM programs) AS firsts`);
  const current = Number(today.slice(0, 4));
  const first = Math.min(current, Number(rows[0]?.first ?? current));
  return Array.from({ length: current - first + 1 }, (_, i) => current - i);
}
