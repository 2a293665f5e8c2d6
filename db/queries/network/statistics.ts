import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { quarterDueDate, quarterEnd } from '@/lib/domain/reporting';
import type { CarrierFigures, TenantFigures } from '@/lib/domain/statistics-checks';
import type { CarrierKind, CarrierLevel, VentureKind } from '@/lib/domain/vocabulary';
import type { DbOrTx } from '../../client';

/**
 * The annual statistics (火炬统计) of the network: a carrier operation table and a tenant table
 * for one year, each row aggregated in SQL from residencies, graduations and quarterly reports.
 * Money is integer fen (the pages and the export turn it into 千元).
 */
export type StatisticsFilter = { year: number; carrierId?: number; today: string };

export type CarrierStatisticsRow = CarrierFigures & {
  carrierId: number;
  name: string;
  kind: CarrierKind;
  level: CarrierLevel;
  zone: string;
  /** Tenants that filed at least one report for the year at this carrier. */
  reportingTenants: number;
  employees: number;
  financingFen: number;
};

export type TenantStatisticsRow = TenantFigures & {
  ventureId: number;
  carrierId: number;
  carrierName: string;
  name: string;
  highTech: boolean;
  highTechCertOn: string | null;
  talentFlags: string[];
  residentAtYearEnd: boolean;
};

const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** The quarters of the year whose reports were due before `today`. */
export function dueQuarters(year: number, today: string): number[] {
  return [1, 2, 3, 4].filter((q) => quarterDueDate(year, q) < today);
}

/** The quarter ends of the year whose reports were due before `today`. */
const dueQuarterEnds = (year: number, today: string): string[] => dueQuarters(year, today).map((q) => quarterEnd(year, q));

/**
 * stay_year_figures holds the stays still open up to its horizon year (docs/read-models.md);
 * a year after it, up to the next one, moves the horizon on first (once a year, for everyone).
 * Later years are not asked for (statisticsYear).
 */
export async function ensureStayYears(db: DbOrTx, f: StatisticsFilter): Promise<void> {
  const year = Math.min(f.year, Number(f.today.slice(0, 4)) + 1);
  await db.execute(sql`SELECT summaries_extend_stay_years(${year}::int)`);
}

export const carrierFilter = (column: SQL, carrierId: number | undefined) => (carrierId === undefined ? sql`true` : sql`${column} = ${carrierId}`);

/** Limits a tenant aggregate to one stay, the outer row `of` (its venture_id and carrier_id), read through the venture's indexes. */
const ofStay = (alias: string, of: SQL | undefined) =>
  of ? sql`AND ${sql.raw(alias)}.venture_id = ${of}.venture_id AND ${sql.raw(alias)}.carrier_id = ${of}.carrier_id` : sql``;

/**
 * Each tenant stay of the year (one row per venture and carrier whose residencies overlap the
 * year), with the quarters it owed: those of the year, due before today, at whose end one of its
 * residencies there was open (a residency open at a quarter's end overlaps the year, so one pass
 * over the year's residencies gives both). The area is the one of its latest residency there;
 * a venture's residencies never overlap, so their start dates are distinct.
 */
export function staysSelect(f: StatisticsFilter, of?: SQL): SQL {
  const { start, end } = yearBounds(f.year);
  const covers = (d: string) => sql`bool_or(r.entered_on <= ${d}::date AND (r.left_on IS NULL OR r.left_on > ${d}::date))::int`;
  const due = dueQuarterEnds(f.year, f.today);
  const dueSql = due.length ? sql.join(due.map(covers), sql` + `) : sql`0`;
  return sql`
      SELECT r.venture_id, r.carrier_id, min(r.entered_on) AS entered_on,
             (max(ARRAY[r.entered_on - DATE '2000-01-01', r.area_m2]))[2] AS area_m2,
             bool_or(r.left_on IS NULL OR r.left_on > ${end}::date) AS at_year_end,
             (${dueSql})::int AS due
      FROM residencies r
      WHERE r.entered_on <= ${end}::date AND (r.left_on IS NULL OR r.left_on >= ${start}::date)
        AND ${carrierFilter(sql`r.carrier_id`, f.carrierId)} ${ofStay('r', of)}
      GROUP BY r.venture_id, r.carrier_id`;
}

/**
 * Each tenant's reports of the year at one carrier, summed; the employees of its last quarter
 * (a venture files one report a quarter, so the quarter picks one row: the maximum of the quarter
 * shifted above the employees, who are never negative, which is cheaper than an ordered
 * aggregate). Read by an index-only scan of venture_reports_year_cover, in group order.
 */
export function reportsSelect(f: StatisticsFilter, of?: SQL): SQL {
  return sql`
      SELECT vr.venture_id, vr.carrier_id, count(*)::int AS reported,
             sum(vr.revenue_fen)::bigint AS revenue, sum(vr.net_profit_fen)::bigint AS profit,
             sum(vr.rd_spend_fen)::bigint AS rd, sum(vr.tax_fen)::bigint AS tax,
             sum(vr.financing_fen)::bigint AS financing,
             (max((vr.quarter::bigint << 32) | vr.employees) & 4294967295)::int AS employees,
             sum(vr.ip_filed)::int AS ip_filed, sum(vr.ip_granted)::int AS ip_granted,
             max(vr.invention_patents)::int AS patents
      FROM venture_reports vr
      WHERE vr.year = ${f.year} AND ${carrierFilter(sql`vr.carrier_id`, f.carrierId)} ${ofStay('vr', of)}
      GROUP BY vr.venture_id, vr.carrier_id`;
}

/** Each tenant's last verified graduation from a carrier, by the year's end. */
export function graduationSelect(f: StatisticsFilter, of?: SQL): SQL {
  return sql`
      SELECT g.venture_id, g.carrier_id, max(g.graduated_on) AS graduated_on
      FROM graduations g
      WHERE g.status = 'verified' AND g.graduated_on <= ${yearBounds(f.year).end}::date ${ofStay('g', of)}
      GROUP BY g.venture_id, g.carrier_id`;
}

export const staysSql = (f: StatisticsFilter): SQL => sql`stays AS (${staysSelect(f)})`;
export const tenantReportsSql = (f: StatisticsFilter): SQL => sql`rep AS (${reportsSelect(f)}), grad AS (${graduationSelect(f)})`;

/** The columns of a tenant row, over stays s, ventures v, carriers c, rep p and grad g. */
export const tenantColumnsSql = sql`
    s.venture_id, s.carrier_id, c.name AS carrier_name, v.name, v.kind, v.industry, v.credit_code,
    v.founded_on::text AS founded_on, v.technical_field, v.high_tech_cert_on::text AS high_tech_cert_on, v.talent_flags,
    s.entered_on::text AS entered_on, s.at_year_end, s.area_m2, g.graduated_on::text AS graduated_on,
    s.due, coalesce(p.reported, 0) AS reported,
    coalesce(p.revenue, 0) AS revenue, coalesce(p.profit, 0) AS profit, coalesce(p.rd, 0) AS rd,
    coalesce(p.tax, 0) AS tax, coalesce(p.financing, 0) AS financing, coalesce(p.employees, 0) AS employees,
    coalesce(p.ip_filed, 0) AS ip_filed, coalesce(p.ip_granted, 0) AS ip_granted, coalesce(p.patents, 0) AS patents`;

/** The joins that go with tenantColumnsSql, over the CTEs of staysSql and tenantReportsSql. */
export const tenantJoinsSql = sql`
    FROM stays s
    JOIN ventures v ON v.id = s.venture_id
    JOIN carriers c ON c.id = s.carrier_id
    LEFT JOIN rep p ON p.venture_id = s.venture_id AND p.carrier_id = s.carrier_id
    LEFT JOIN grad g ON g.venture_id = s.venture_id AND g.carrier_id = s.carrier_id`;

export type TenantSqlRow = {
  venture_id: number;
  carrier_id: number;
  carrier_name: string;
  name: string;
  kind: VentureKind;
  industry: string;
  credit_code: string | null;
  founded_on: string | null;
  technical_field: string | null;
  high_tech_cert_on: string | null;
  talent_flags: string[];
  entered_on: string;
  at_year_end: boolean;
  area_m2: number;
  graduated_on: string | null;
  due: number;
  reported: number;
  revenue: string;
  profit: string;
  rd: string;
  tax: string;
  financing: string;
  employees: number;
  ip_filed: number;
  ip_granted: number;
  patents: number;
};

const dateText = (d: unknown): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

/** The tenant table: every venture resident at some time of the year, by carrier then name. */
export async function tenantStatistics(db: DbOrTx, f: StatisticsFilter): Promise<TenantStatisticsRow[]> {
  const { rows } = await db.execute<TenantSqlRow>(sql`
    WITH ${staysSql(f)}, ${tenantReportsSql(f)}
    SELECT ${tenantColumnsSql} ${tenantJoinsSql}
    ORDER BY c.name, v.name, s.venture_id, s.carrier_id`);
  return rows.map((r) => tenantRow(r, f.year));
}

/** A tenant row as selected by tenantColumnsSql. */
export function tenantRow(r: TenantSqlRow, year: number): TenantStatisticsRow {
  const { end } = yearBounds(year);
  const highTechCertOn = dateText(r.high_tech_cert_on);
  return {
    ventureId: Number(r.venture_id),
    carrierId: Number(r.carrier_id),
    carrierName: r.carrier_name,
    name: r.name,
    kind: r.kind,
    industry: r.industry,
    creditCode: r.credit_code,
    foundedOn: dateText(r.founded_on),
    technicalField: r.technical_field,
    highTechCertOn,
    highTech: highTechCertOn !== null && highTechCertOn <= end,
    talentFlags: r.talent_flags ?? [],
    enteredOn: dateText(r.entered_on)!,
    residentAtYearEnd: Boolean(r.at_year_end),
    graduatedOn: dateText(r.graduated_on),
    quartersDue: Number(r.due),
    quartersReported: Number(r.reported),
    areaM2: Number(r.area_m2),
    revenueFen: Number(r.revenue),
    netProfitFen: Number(r.profit),
    rdSpendFen: Number(r.rd),
    taxFen: Number(r.tax),
    financingFen: Number(r.financing),
    employees: Number(r.employees),
    ipFiled: Number(r.ip_filed),
    ipGranted: Number(r.ip_granted),
    inventionPatents: Number(r.patents),
  };
}

type CarrierSqlRow = {
  id: number;
  name: string;
  kind: CarrierKind;
  level: CarrierLevel;
  zone: string;
  operating_since: string | null;
  credit_code: string | null;
  total_area_m2: number;
  incubation_area_m2: number;
  seed_fund_fen: string;
  professional_staff: number;
  total_staff: number;
  mentors: number;
  tenants_in_year: number;
  tenants_at_end: number;
  new_tenants: number;
  occupied: number;
  grads_year: number;
  grads_total: number;
  reporting: number;
  revenue: string;
  rd: string;
  tax: string;
  financing: string;
  employees: string;
};

/**
 * The carrier operation table: every carrier operating by the year's end (or the one asked
 * for), with its tenants, graduates and its tenants' reported figures of the year (the tenants
 * from the read model carrier_year_tenants, the figures from carrier_year_figures,
 * docs/read-models.md).
 */
export async function carrierStatistics(db: DbOrTx, f: StatisticsFilter): Promise<CarrierStatisticsRow[]> {
  const { start, end } = yearBounds(f.year);
  await ensureStayYears(db, f);
  const { rows } = await db.execute<CarrierSqlRow>(sql`
    WITH per_carrier AS (
      SELECT t.carrier_id, t.tenants AS tenants_in_year, t.tenants_at_end, t.new_tenants, t.occupied_m2 AS occupied
      FROM carrier_year_tenants t
      WHERE t.year = ${f.year} AND ${carrierFilter(sql`t.carrier_id`, f.carrierId)}
    ),
    per_carrier_rep AS (
      SELECT y.carrier_id, y.reporting_tenants AS reporting, y.revenue_fen AS revenue, y.rd_spend_fen AS rd,
             y.tax_fen AS tax, y.financing_fen AS financing, y.employees
      FROM carrier_year_figures y
      WHERE y.year = ${f.year} AND ${carrierFilter(sql`y.carrier_id`, f.carrierId)}
    ),
    -- Verified graduations by the day they are dated, as carrier_quarter_figures counts them; read
    -- from the graduations (one row each) rather than from every quarter of that table's history.
    grads AS (
      SELECT g.carrier_id,
             count(*) FILTER (WHERE g.graduated_on >= ${start}::date)::int AS grads_year,
             count(*)::int AS grads_total
      FROM graduations g
      WHERE g.status = 'verified' AND g.graduated_on <= ${end}::date AND ${carrierFilter(sql`g.carrier_id`, f.carrierId)}
      GROUP BY g.carrier_id
    )
    SELECT c.id, c.name, c.kind, c.level, c.zone, c.operating_since::text AS operating_since, c.credit_code,
           c.total_area_m2, c.incubation_area_m2, c.seed_fund_fen, c.professional_staff, c.total_staff, c.mentors,
           coalesce(pc.tenants_in_year, 0) AS tenants_in_year, coalesce(pc.tenants_at_end, 0) AS tenants_at_end,
           coalesce(pc.new_tenants, 0) AS new_tenants, coalesce(pc.occupied, 0) AS occupied,
           coalesce(g.grads_year, 0) AS grads_year, coalesce(g.grads_total, 0) AS grads_total,
           coalesce(r.reporting, 0) AS reporting, coalesce(r.revenue, 0) AS revenue, coalesce(r.rd, 0) AS rd,
           coalesce(r.tax, 0) AS tax, coalesce(r.financing, 0) AS financing, coalesce(r.employees, 0) AS employees
    FROM carriers c
    LEFT JOIN per_carrier pc ON pc.carrier_id = c.id
    LEFT JOIN per_carrier_rep r ON r.carrier_id = c.id
    LEFT JOIN grads g ON g.carrier_id = c.id
    WHERE (c.operating_since IS NULL OR c.operating_since <= ${end}::date OR pc.carrier_id IS NOT NULL)
      AND ${carrierFilter(sql`c.id`, f.carrierId)}
    ORDER BY c.kind, c.name, c.id`);
  return rows.map((r) => ({
    carrierId: Number(r.id),
    name: r.name,
    kind: r.kind,
    level: r.level,
    zone: r.zone,
    operatingSince: dateText(r.operating_since),
    creditCode: r.credit_code,
    totalAreaM2: Number(r.total_area_m2),
    incubationAreaM2: Number(r.incubation_area_m2),
    occupiedAreaM2: Number(r.occupied),
    tenantsInYear: Number(r.tenants_in_year),
    tenantsAtYearEnd: Number(r.tenants_at_end),
    newTenants: Number(r.new_tenants),
    graduatesInYear: Number(r.grads_year),
    graduatesTotal: Number(r.grads_total),
    seedFundFen: Number(r.seed_fund_fen),
    professionalStaff: Number(r.professional_staff),
    totalStaff: Number(r.total_staff),
    mentors: Number(r.mentors),
    reportingTenants: Number(r.reporting),
    revenueFen: Number(r.revenue),
    rdSpendFen: Number(r.rd),
    taxFen: Number(r.tax),
    financingFen: Number(r.financing),
    employees: Number(r.employees),
  }));
}

/** Years with quarterly reports, and the current one, newest first. */
export async function statisticsYears(db: DbOrTx, today: string): Promise<number[]> {
  // The distinct years of venture_reports_period_idx, one index probe a year (a loose index scan).
  const { rows } = await db.execute<{ year: number }>(sql`
    WITH RECURSIVE years AS (
      (SELECT year FROM venture_reports ORDER BY year DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT vr.year FROM venture_reports vr WHERE vr.year < years.year ORDER BY vr.year DESC LIMIT 1) FROM years WHERE years.year IS NOT NULL
    )
    SELECT year FROM years WHERE year IS NOT NULL ORDER BY year DESC`);
  const current = Number(today.slice(0, 4));
  return [...new Set([current, ...rows.map((r) => Number(r.year))])].sort((a, b) => b - a);
}
