import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import {
  EARLY_COMPANY_YEARS,
  RESEARCH_LED_INDUSTRIES,
  TENANT_CHECK_SEVERITY,
  type CheckFlag,
  type CheckSeverity,
  type TenantCheckCode,
} from '@/lib/domain/statistics-checks';
import type { DbOrTx } from '../../client';
import {
  staysSql,
  tenantColumnsSql,
  tenantJoinsSql,
  tenantReportsSql,
  tenantRow,
  type StatisticsFilter,
  type TenantSqlRow,
  type TenantStatisticsRow,
} from './statistics';

/**
 * The tenant table of the statistics page in one pass over the year's stays: its totals, the
 * logic checks of every row (the same as checkTenantFigures, in SQL), one page of the table and
 * the flagged tenants that fall on one page of the checks list. The list of flagged rows puts
 * the carriers' errors first, then the tenants' errors, the carriers' warnings and the tenants'
 * warnings, each in its table's order; the page passes how many carriers were flagged of each.
 * The export reads every row with tenantStatistics.
 */
export type StatisticsViewPaging = {
  page: number;
  pageSize: number;
  flaggedPage: number;
  flaggedPageSize: number;
  carrierErrors: number;
  carrierWarnings: number;
};

export type TenantViewRow = TenantStatisticsRow & { severity: CheckSeverity | null; flags: CheckFlag[] };
/** A flagged tenant with its place (from 0) in the whole list of flagged rows. */
export type FlaggedTenant = TenantViewRow & { severity: CheckSeverity; position: number };

export type TenantStatisticsView = {
  /** Tenant rows of the year (stays: a venture at a carrier), and the sum of their revenue. */
  total: number;
  revenueFen: number;
  /** Tenant rows whose worst check is an error, or a warning. */
  errors: number;
  warnings: number;
  /** The page shown (clamped to the pages there are) and its rows, in the table's order. */
  page: number;
  rows: TenantViewRow[];
  /** The page of the checks list shown (clamped) and the tenants on it. */
  flaggedPage: number;
  flagged: FlaggedTenant[];
};

const textArray = (values: readonly string[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`ARRAY[]::text[]`;

/** checkTenantFigures over a row of tenantColumnsSql (dates as ISO text, so compared as the checks compare them). */
function tenantFlagsSql(year: number): SQL {
  const when = (code: TenantCheckCode, condition: SQL) => sql`CASE WHEN ${condition} THEN ${code}::text END`;
  return sql`array_remove(ARRAY[
    ${when('negative', sql`least(t.area_m2, t.revenue, t.rd, t.tax, t.financing, t.employees, t.ip_filed, t.ip_granted, t.patents) < 0`)},
    ${when('missingCreditCode', sql`t.kind::text = 'company' AND coalesce(t.credit_code, '') = ''`)},
    ${when('missingFounded', sql`t.kind::text = 'company' AND t.founded_on IS NULL`)},
    ${when('missingTechnicalField', sql`coalesce(t.technical_field, '') = ''`)},
    CASE WHEN t.due > 0 AND t.reported = 0 THEN ${'noReports' satisfies TenantCheckCode}::text
         WHEN t.reported < t.due THEN ${'missingQuarters' satisfies TenantCheckCode}::text END,
    ${when(
      'rdOverRevenue',
      sql`t.revenue > 0 AND t.rd > t.revenue AND t.kind::text <> 'team' AND NOT (t.industry::text = ANY(${textArray(RESEARCH_LED_INDUSTRIES)}))
        AND (t.founded_on IS NULL OR t.founded_on <= ${`${year - EARLY_COMPANY_YEARS}-12-31`})`,
    )},
    ${when('profitOverRevenue', sql`t.profit > t.revenue AND t.profit > 0`)},
    ${when('taxOverRevenue', sql`t.tax > t.revenue AND t.tax > 0`)},
    ${when('graduatedBeforeEntry', sql`t.graduated_on IS NOT NULL AND t.graduated_on < t.entered_on`)}
  ], NULL)`;
}

const ERROR_CODES = (Object.keys(TENANT_CHECK_SEVERITY) as TenantCheckCode[]).filter((c) => TENANT_CHECK_SEVERITY[c] === 'error');

type ViewSqlRow = Partial<TenantSqlRow> & {
  total: number;
  revenue_total: string;
  errors: number;
  warnings: number;
  page: number;
  fpage: number;
  part: 'page' | 'flag' | null;
  flags: string[] | null;
  severity: CheckSeverity | null;
  position: string | null;
};

export async function tenantStatisticsView(db: DbOrTx, f: StatisticsFilter, p: StatisticsViewPaging): Promise<TenantStatisticsView> {
  const ts = Math.max(1, Math.floor(p.pageSize));
  const fs = Math.max(1, Math.floor(p.flaggedPageSize));
  const wanted = (n: number) => Math.max(1, Math.floor(n) || 1);
  const { rows } = await db.execute<ViewSqlRow>(sql`
    WITH ${staysSql(f)}, ${tenantReportsSql(f)},
    t AS MATERIALIZED (
      SELECT ${tenantColumnsSql}, row_number() OVER (ORDER BY c.name, v.name, s.venture_id, s.carrier_id) AS ord
      ${tenantJoinsSql}
    ),
    checked AS MATERIALIZED (SELECT t.*, ${tenantFlagsSql(f.year)} AS flags FROM t),
    r AS MATERIALIZED (
      SELECT checked.*, CASE WHEN checked.flags && ${textArray(ERROR_CODES)} THEN 'error'
                             WHEN cardinality(checked.flags) > 0 THEN 'warning' END AS severity
      FROM checked
    ),
    n AS (
      SELECT count(*)::int AS total, coalesce(sum(r.revenue), 0)::bigint AS revenue_total,
             count(*) FILTER (WHERE r.severity = 'error')::int AS errors,
             count(*) FILTER (WHERE r.severity = 'warning')::int AS warnings
      FROM r
    ),
    pg AS (
      SELECT n.*, least(${wanted(p.page)}::int, greatest(1, (n.total + ${ts - 1}::int) / ${ts}::int)) AS page,
             least(${wanted(p.flaggedPage)}::int,
                   greatest(1, (n.errors + n.warnings + ${p.carrierErrors + p.carrierWarnings + fs - 1}::int) / ${fs}::int)) AS fpage
      FROM n
    ),
    fl AS (
      SELECT r.*, CASE WHEN r.severity = 'error' THEN ${p.carrierErrors}::int ELSE ${p.carrierErrors + p.carrierWarnings}::int + pg.errors END
                  + row_number() OVER (PARTITION BY r.severity ORDER BY r.ord) - 1 AS position
      FROM r, pg WHERE r.severity IS NOT NULL
    ),
    x AS (
      SELECT 'page' AS part, r.*, NULL::bigint AS position FROM r, pg
      WHERE r.ord > (pg.page - 1) * ${ts}::int AND r.ord <= pg.page * ${ts}::int
      UNION ALL
      SELECT 'flag' AS part, fl.* FROM fl, pg
      WHERE fl.position >= (pg.fpage - 1) * ${fs}::int AND fl.position < pg.fpage * ${fs}::int
    )
    SELECT pg.total, pg.revenue_total, pg.errors, pg.warnings, pg.page, pg.fpage, x.*
    FROM pg LEFT JOIN x ON true
    ORDER BY x.part, x.position, x.ord`);
  const head = rows[0]!;
  const viewRow = (r: ViewSqlRow): TenantViewRow => {
    const codes = (r.flags ?? []) as TenantCheckCode[];
    return {
      ...tenantRow(r as TenantSqlRow, f.year),
      severity: r.severity ?? null,
      flags: codes.map((code) => ({ code, severity: TENANT_CHECK_SEVERITY[code] })),
    };
  };
  return {
    total: Number(head.total),
    revenueFen: Number(head.revenue_total),
    errors: Number(head.errors),
    warnings: Number(head.warnings),
    page: Number(head.page),
    rows: rows.filter((r) => r.part === 'page').map(viewRow),
    flaggedPage: Number(head.fpage),
    flagged: rows.filter((r) => r.part === 'flag').map((r) => ({ ...viewRow(r), severity: r.severity!, position: Number(r.position) })),
  };
}
