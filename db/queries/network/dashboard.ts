import 'server-only';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import { carriers, networkQuarterFigures as nqf, residencies } from '../../schema';
import { carrierFocusMatches, residencyMatches, yearBounds, type NetworkFilter } from './filter';
import { RESIDENCY_STAGES, type CarrierKind, type ResidencyStage } from '@/lib/domain/vocabulary';

/**
 * The committee's network figures for a year and the year before, each from one grouped query.
 * Report figures and graduations come from the read model network_quarter_figures
 * (docs/read-models.md), whose rows hold a quarter of the carriers of one zone, kind and level
 * for one industry; carriers,
 * stages and admissions (distinct ventures) from their own rows.
 *
 * Definitions:
 * - Carriers and incubation area: carriers active now that were operating by the year's end
 *   (operating_since on or before it, or unknown); "new" ones started operating in the year.
 * - Ventures by stage: ventures in residence at the year's end (today within the current year),
 *   by the stage of that residency, in the residency's carrier.
 * - New admissions: distinct ventures that entered a carrier in the year.
 * - Graduations: verified graduations dated in the year (pending ones shown beside them).
 * - Quarterly report figures (venture_reports): flow figures (revenue, R&D spend, financing
 *   raised, IP filed, IP granted) are summed over the year's quarters; stock figures
 *   (employees, high-tech enterprises) come from the year's last reported quarter, a high-tech
 *   enterprise being a reporting venture certified by that quarter's end. Reports count under
 *   the carrier they were filed against.
 */
export type YearPair = { current: number; previous: number };
export type QuarterFigures = {
  year: number;
  quarter: number;
  reports: number;
  revenueFen: number;
  rdSpendFen: number;
  financingFen: number;
  ipFiled: number;
  ipGranted: number;
  employees: number;
  highTech: number;
};
export type ReportYear = Omit<QuarterFigures, 'quarter'> & { lastQuarter: number | null; /** The quarters with reports, in order. */ quarters: number[] };
export type CarrierKindFigures = { kind: CarrierKind; carriers: YearPair; incubationAreaM2: YearPair; newCarriers: number; newAreaM2: number };

/** Conditions on a row of the network's quarters (network_quarter_figures), which carries its carriers' zone, kind and level. */
function summaryMatches(f: NetworkFilter) {
  return and(
    f.zone ? eq(nqf.zone, f.zone) : undefined,
    f.kind ? eq(nqf.kind, f.kind) : undefined,
    f.level ? eq(nqf.level, f.level) : undefined,
    f.industry ? eq(nqf.industry, f.industry) : undefined,
  );
}

const num = (v: unknown) => Number(v ?? 0);
const pair = (current: unknown, previous: unknown): YearPair => ({ current: num(current), previous: num(previous) });

/** Carriers and their incubation area by kind, at the year's end and the previous year's. */
export async function carrierFigures(db: DbOrTx, f: NetworkFilter): Promise<CarrierKindFigures[]> {
  const { start, end } = yearBounds(f.year, '9999-12-31');
  const prevEnd = `${f.year - 1}-12-31`;
  const operatingBy = (day: string) => sql`(${carriers.operatingSince} IS NULL OR ${carriers.operatingSince} <= ${day})`;
  const startedIn = sql`${carriers.operatingSince} BETWEEN ${start} AND ${end}`;
  const rows = await db
    .select({
      kind: carriers.kind,
      carriers: sql<number>`count(*) FILTER (WHERE ${operatingBy(end)})::int`,
      carriersPrev: sql<number>`count(*) FILTER (WHERE ${operatingBy(prevEnd)})::int`,
      area: sql<number>`coalesce(sum(${carriers.incubationAreaM2}) FILTER (WHERE ${operatingBy(end)}), 0)::bigint`,
      areaPrev: sql<number>`coalesce(sum(${carriers.incubationAreaM2}) FILTER (WHERE ${operatingBy(prevEnd)}), 0)::bigint`,
      newCarriers: sql<number>`count(*) FILTER (WHERE ${startedIn})::int`,
      newArea: sql<number>`coalesce(sum(${carriers.incubationAreaM2}) FILTER (WHERE ${startedIn}), 0)::bigint`,
    })
    .from(carriers)
    .where(and(eq(carriers.status, 'active'), carrierFocusMatches(f)))
    .groupBy(carriers.kind)
    .orderBy(asc(carriers.kind));
  return rows.map((r) => ({
    kind: r.kind,
    carriers: pair(r.carriers, r.carriersPrev),
    incubationAreaM2: pair(r.area, r.areaPrev),
    newCarriers: num(r.newCarriers),
    newAreaM2: num(r.newArea),
  }));
}

/**
 * Ventures in residence at the year's end (or today) and at the previous year's end, by stage.
 * A venture's stays never overlap (the exclusion constraint residencies_no_overlap on the same
 * half-open ranges as `residentOn`), so on any one day each venture has at most one stay and
 * counting the stays counts the ventures.
 */
export async function stagesAtYearEnd(db: DbOrTx, f: NetworkFilter, today: string): Promise<Record<ResidencyStage, YearPair>> {
  const { cutoff } = yearBounds(f.year, today);
  const prevCut = `${f.year - 1}-12-31`;
  const residentOn = (day: string) => sql`${residencies.enteredOn} <= ${day} AND (${residencies.leftOn} IS NULL OR ${residencies.leftOn} > ${day})`;
  const rows = await db
    .select({
      stage: residencies.stage,
      current: sql<number>`count(*) FILTER (WHERE ${residentOn(cutoff)})::int`,
      previous: sql<number>`count(*) FILTER (WHERE ${residentOn(prevCut)})::int`,
    })
    .from(residencies)
    .where(and(lte(residencies.enteredOn, cutoff), sql`(${residencies.leftOn} IS NULL OR ${residencies.leftOn} > ${prevCut})`, residencyMatches(f)))
    .groupBy(residencies.stage);
  const out = Object.fromEntries(RESIDENCY_STAGES.map((s) => [s, { current: 0, previous: 0 }])) as Record<ResidencyStage, YearPair>;
  for (const r of rows) out[r.stage] = pair(r.current, r.previous);
  return out;
}

/** New admissions and verified graduations in the year and the year before; pending graduations of the year. */
export async function admissionsAndGraduations(db: DbOrTx, f: NetworkFilter) {
  const cur = yearBounds(f.year, '9999-12-31');
  const prev = yearBounds(f.year - 1, '9999-12-31');
  const entered = (b: { start: string; end: string }) => sql`${residencies.enteredOn} BETWEEN ${b.start} AND ${b.end}`;
  const [[a], [g]] = await Promise.all([
    db
      .select({
        current: sql<number>`count(DISTINCT ${residencies.ventureId}) FILTER (WHERE ${entered(cur)})::int`,
        previous: sql<number>`count(DISTINCT ${residencies.ventureId}) FILTER (WHERE ${entered(prev)})::int`,
      })
      .from(residencies)
      .where(and(gte(residencies.enteredOn, prev.start), lte(residencies.enteredOn, cur.end), residencyMatches(f))),
    db
      .select({
        current: sql<number>`coalesce(sum(${nqf.graduations}) FILTER (WHERE ${nqf.year} = ${f.year}), 0)::int`,
        previous: sql<number>`coalesce(sum(${nqf.graduations}) FILTER (WHERE ${nqf.year} = ${f.year - 1}), 0)::int`,
        pending: sql<number>`coalesce(sum(${nqf.pendingGraduations}) FILTER (WHERE ${nqf.year} = ${f.year}), 0)::int`,
      })
      .from(nqf)
      .where(and(inArray(nqf.year, [f.year - 1, f.year]), summaryMatches(f))),
  ]);
  return { admissions: pair(a?.current, a?.previous), graduations: pair(g?.current, g?.previous), pendingGraduations: num(g?.pending) };
}

/** The report figures of each quarter of the year and the year before. */
export async function reportQuarters(db: DbOrTx, f: NetworkFilter): Promise<QuarterFigures[]> {
  const rows = await db
    .select({
      year: nqf.year,
      quarter: nqf.quarter,
      reports: sql<number>`sum(${nqf.reports})::bigint`,
      revenueFen: sql<number>`sum(${nqf.revenueFen})::bigint`,
      rdSpendFen: sql<number>`sum(${nqf.rdSpendFen})::bigint`,
      financingFen: sql<number>`sum(${nqf.financingFen})::bigint`,
      ipFiled: sql<number>`sum(${nqf.ipFiled})::bigint`,
      ipGranted: sql<number>`sum(${nqf.ipGranted})::bigint`,
      employees: sql<number>`sum(${nqf.employees})::bigint`,
      highTech: sql<number>`sum(${nqf.highTech})::bigint`,
    })
    .from(nqf)
    .where(and(inArray(nqf.year, [f.year - 1, f.year]), summaryMatches(f)))
    .groupBy(nqf.year, nqf.quarter)
    .having(sql`sum(${nqf.reports}) > 0`)
    .orderBy(asc(nqf.year), asc(nqf.quarter));
  return rows.map((r) => ({
    year: r.year,
    quarter: r.quarter,
    reports: num(r.reports),
    revenueFen: num(r.revenueFen),
    rdSpendFen: num(r.rdSpendFen),
    financingFen: num(r.financingFen),
    ipFiled: num(r.ipFiled),
    ipGranted: num(r.ipGranted),
    employees: num(r.employees),
    highTech: num(r.highTech),
  }));
}

/**
 * A year's figures from its quarters' rows: flows summed, stocks from the last reported quarter.
 * `upToQuarter` keeps the comparison like for like: the previous year is read over the quarters
 * the selected year has reported so far. Whether the previous year has each of those quarters
 * is `comparableYears`.
 */
export function reportYear(quarters: QuarterFigures[], year: number, upToQuarter: number | null = null): ReportYear {
  const mine = quarters.filter((q) => q.year === year && (upToQuarter === null || q.quarter <= upToQuarter)).sort((a, b) => a.quarter - b.quarter);
  const last = mine.at(-1);
  const sum = (k: 'reports' | 'revenueFen' | 'rdSpendFen' | 'financingFen' | 'ipFiled' | 'ipGranted') => mine.reduce((s, q) => s + q[k], 0);
  return {
    year,
    lastQuarter: last?.quarter ?? null,
    quarters: mine.map((q) => q.quarter),
    reports: sum('reports'),
    revenueFen: sum('revenueFen'),
    rdSpendFen: sum('rdSpendFen'),
    financingFen: sum('financingFen'),
    ipFiled: sum('ipFiled'),
    ipGranted: sum('ipGranted'),
    employees: last?.employees ?? 0,
    highTech: last?.highTech ?? 0,
  };
}

/**
 * The previous year can be set against the current one only when both have reports and the
 * previous one has every quarter the current one has: a year with data for its last quarter
 * only is not a year.
 */
export function comparableYears(current: ReportYear, previous: ReportYear): boolean {
  return current.quarters.length > 0 && previous.quarters.length > 0 && current.quarters.every((q) => previous.quarters.includes(q));
}

/**
 * Revenue by the ventures' industry in the year and in the same quarters of the year before
 * (output growth by industry, like for like).
 */
export async function revenueByIndustry(db: DbOrTx, f: NetworkFilter) {
  const reportedUpTo = sql`coalesce((SELECT max(q.quarter) FROM ${nqf} q WHERE q.year = ${f.year} AND q.reports > 0), 4)`;
  const rows = await db
    .select({
      industry: nqf.industry,
      current: sql<number>`coalesce(sum(${nqf.revenueFen}) FILTER (WHERE ${nqf.year} = ${f.year}), 0)::bigint`,
      previous: sql<number>`coalesce(sum(${nqf.revenueFen}) FILTER (WHERE ${nqf.year} = ${f.year - 1} AND ${nqf.quarter} <= ${reportedUpTo}), 0)::bigint`,
    })
    .from(nqf)
    .where(and(inArray(nqf.year, [f.year - 1, f.year]), summaryMatches(f)))
    .groupBy(nqf.industry)
    .having(sql`sum(${nqf.reports}) > 0`)
    .orderBy(asc(nqf.industry));
  return rows.map((r) => ({ industry: r.industry, revenueFen: pair(r.current, r.previous) }));
}
