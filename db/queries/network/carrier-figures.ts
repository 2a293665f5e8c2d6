import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { quarterEnd, quarterStart, type Quarter } from '@/lib/domain/reporting';
import { limitEndsOnSql, limitMonthsSql, limitOverdueSql } from '../ventures/limits';

/**
 * The per-carrier figures the committee's carrier list and carrier page share, as CTEs keyed by
 * carrier_id, each one grouped query:
 * - open_stays: current tenants (open residencies of any stage), their area, how many have a
 *   financing recorded up to today, how many were admitted with a rule warning;
 * - overdue_stays: open incubating stays past their incubation limit (the SQL of limits.ts);
 * - grads: verified and pending graduations (from the read model carrier_quarter_figures);
 * - quarter_reports: ventures resident in the carrier during the reporting quarter (expected),
 *   how many have that quarter's report (filed), and how many of those were late.
 *
 * Given carrier ids, every CTE reads only those carriers' rows (residencies through
 * residencies_carrier_open_idx, carrier_quarter_figures through its key, the reports of their
 * ventures through venture_reports_one_per_quarter), so a page of carriers or one carrier costs
 * the same at any network size. Without ids they group the whole network.
 */
export type FigurePart = 'open' | 'overdue' | 'grads' | 'reports';
export const FIGURE_PARTS: readonly FigurePart[] = ['open', 'overdue', 'grads', 'reports'];

export type FigureScope = {
  /** Only these carriers; every carrier when absent. */
  carrierIds?: readonly number[];
  /** Only these CTEs (a figure of another one cannot be selected then); all when absent. */
  parts?: readonly FigurePart[];
};

/** `column = ANY('{…}'::int[])`: one parameter however many ids, and none is an empty set. */
export function carrierIdIn(column: SQL, ids: readonly number[] | undefined): SQL {
  if (!ids) return sql`true`;
  return sql`${column} = ANY(${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[])`;
}

function figureCte(part: FigurePart, today: string, q: Quarter, ids: readonly number[] | undefined): SQL {
  switch (part) {
    case 'open': {
      // Financed: a financing received up to today. Over the whole network PostgreSQL hashes the
      // EXISTS once; for some carriers the first financing is looked up per tenant instead
      // (venture_financings_venture_idx), so that the financings of other carriers are not read.
      const financed = ids
        ? sql`(SELECT min(vf.received_on) FROM venture_financings vf WHERE vf.venture_id = r.venture_id) <= ${today}::date`
        : sql`EXISTS (SELECT 1 FROM venture_financings vf WHERE vf.venture_id = r.venture_id AND vf.received_on <= ${today}::date)`;
      return sql`open_stays AS (
      SELECT r.carrier_id,
        count(*)::int AS tenants,
        coalesce(sum(r.area_m2), 0)::int AS occupied_area_m2,
        count(*) FILTER (WHERE ${financed})::int AS financed_tenants,
        count(*) FILTER (WHERE cardinality(r.rule_warnings) > 0)::int AS admission_warnings
      FROM residencies r
      WHERE r.left_on IS NULL AND ${carrierIdIn(sql`r.carrier_id`, ids)}
      GROUP BY r.carrier_id
    )`;
    }
    case 'overdue': {
      const startedOn = sql`(SELECT min(f.entered_on) FROM residencies f WHERE f.venture_id = v.id AND f.stage = 'incubating')`;
      const endsOn = limitEndsOnSql(startedOn, limitMonthsSql(sql`v.industry`));
      return sql`overdue_stays AS (
      SELECT r.carrier_id, count(*)::int AS overdue
      FROM residencies r JOIN ventures v ON v.id = r.venture_id
      WHERE r.left_on IS NULL AND r.stage = 'incubating' AND ${carrierIdIn(sql`r.carrier_id`, ids)}
        AND ${limitOverdueSql(endsOn, today)}
      GROUP BY r.carrier_id
    )`;
    }
    case 'grads':
      return sql`grads AS (
      SELECT g.carrier_id,
        sum(g.graduations)::int AS graduates,
        sum(g.pending_graduations)::int AS pending_graduations
      FROM carrier_quarter_figures g
      WHERE ${carrierIdIn(sql`g.carrier_id`, ids)}
      GROUP BY g.carrier_id
    )`;
    case 'reports':
      return sql`expected_reports AS (
      SELECT DISTINCT r.carrier_id, r.venture_id
      FROM residencies r
      WHERE r.entered_on <= ${quarterEnd(q.year, q.quarter)}::date
        AND (r.left_on IS NULL OR r.left_on >= ${quarterStart(q.year, q.quarter)}::date)
        AND ${carrierIdIn(sql`r.carrier_id`, ids)}
    ),
    quarter_reports AS (
      SELECT e.carrier_id,
        count(*)::int AS expected_reports,
        count(vr.id)::int AS filed_reports,
        count(*) FILTER (WHERE vr.late)::int AS late_reports
      FROM expected_reports e
      LEFT JOIN venture_reports vr ON vr.venture_id = e.venture_id AND vr.year = ${q.year} AND vr.quarter = ${q.quarter}
      GROUP BY e.carrier_id
    )`;
  }
}

/** The CTEs of the scope's parts, without the WITH. */
export function carrierFigureCtes(today: string, q: Quarter, scope: FigureScope = {}): SQL {
  return sql.join(
    (scope.parts ?? FIGURE_PARTS).map((part) => figureCte(part, today, q, scope.carrierIds)),
    sql`,
    `,
  );
}

/** `WITH` and the CTEs of the scope's parts; nothing when it has none. */
export function withCarrierFigures(today: string, q: Quarter, scope: FigureScope = {}): SQL {
  const parts = scope.parts ?? FIGURE_PARTS;
  return parts.length ? sql`WITH ${carrierFigureCtes(today, q, { ...scope, parts })}` : sql``;
}

const JOIN: Record<FigurePart, SQL> = {
  open: sql`LEFT JOIN open_stays os ON os.carrier_id = c.id`,
  overdue: sql`LEFT JOIN overdue_stays od ON od.carrier_id = c.id`,
  grads: sql`LEFT JOIN grads gr ON gr.carrier_id = c.id`,
  reports: sql`LEFT JOIN quarter_reports qr ON qr.carrier_id = c.id`,
};

/** The joins of those CTEs onto `carriers c`. */
export function carrierFigureJoinsOf(parts: readonly FigurePart[] = FIGURE_PARTS): SQL {
  return sql.join(
    parts.map((part) => JOIN[part]),
    sql` `,
  );
}

/** The joins of every CTE onto `carriers c`. */
export const carrierFigureJoins = carrierFigureJoinsOf();

/** The figure columns, as (expression, alias) pairs, so that the list can also sort on them. */
export const FIGURE_EXPR = {
  tenants: sql`coalesce(os.tenants, 0)`,
  occupiedAreaM2: sql`coalesce(os.occupied_area_m2, 0)`,
  /** Open residencies' area against the incubation area, in percent; null without an incubation area. */
  occupancy: sql`(CASE WHEN c.incubation_area_m2 > 0 THEN round(100.0 * coalesce(os.occupied_area_m2, 0) / c.incubation_area_m2, 1) END)`,
  financedTenants: sql`coalesce(os.financed_tenants, 0)`,
  /** Share of current tenants with a financing recorded, in percent; null without tenants. */
  financingRate: sql`(CASE WHEN coalesce(os.tenants, 0) > 0 THEN round(100.0 * os.financed_tenants / os.tenants, 1) END)`,
  graduates: sql`coalesce(gr.graduates, 0)`,
  pendingGraduations: sql`coalesce(gr.pending_graduations, 0)`,
  expectedReports: sql`coalesce(qr.expected_reports, 0)`,
  filedReports: sql`coalesce(qr.filed_reports, 0)`,
  lateReports: sql`coalesce(qr.late_reports, 0)`,
  /** Share of the quarter's expected reports filed, in percent; null when none was expected. */
  timeliness: sql`(CASE WHEN coalesce(qr.expected_reports, 0) > 0 THEN round(100.0 * qr.filed_reports / qr.expected_reports, 1) END)`,
  admissionWarnings: sql`coalesce(os.admission_warnings, 0)`,
  overdue: sql`coalesce(od.overdue, 0)`,
  missingReports: sql`(coalesce(qr.expected_reports, 0) - coalesce(qr.filed_reports, 0))`,
  warnings: sql`(coalesce(os.admission_warnings, 0) + coalesce(od.overdue, 0) + coalesce(qr.expected_reports, 0) - coalesce(qr.filed_reports, 0))`,
} as const;

export type CarrierFigures = {
  tenants: number;
  occupiedAreaM2: number;
  occupancy: number | null;
  financedTenants: number;
  financingRate: number | null;
  graduates: number;
  pendingGraduations: number;
  expectedReports: number;
  filedReports: number;
  lateReports: number;
  timeliness: number | null;
  admissionWarnings: number;
  overdue: number;
  missingReports: number;
  warnings: number;
};

/** The figure columns of a select list: `expr AS "name"`. */
export const figureSelect = sql.join(
  Object.entries(FIGURE_EXPR).map(
    ([name, expr]) =>
      sql`${expr}::${sql.raw(name === 'occupancy' || name === 'financingRate' || name === 'timeliness' ? 'float8' : 'int')} AS ${sql.identifier(name)}`,
  ),
  sql`, `,
);

/** Rows from the database to numbers (drivers give numeric and bigint as strings). */
export function figuresOfRow(r: Record<string, unknown>): CarrierFigures {
  const n = (k: string) => Number(r[k] ?? 0);
  const nullable = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  return {
    tenants: n('tenants'),
    occupiedAreaM2: n('occupiedAreaM2'),
    occupancy: nullable('occupancy'),
    financedTenants: n('financedTenants'),
    financingRate: nullable('financingRate'),
    graduates: n('graduates'),
    pendingGraduations: n('pendingGraduations'),
    expectedReports: n('expectedReports'),
    filedReports: n('filedReports'),
    lateReports: n('lateReports'),
    timeliness: nullable('timeliness'),
    admissionWarnings: n('admissionWarnings'),
    overdue: n('overdue'),
    missingReports: n('missingReports'),
    warnings: n('warnings'),
  };
}
