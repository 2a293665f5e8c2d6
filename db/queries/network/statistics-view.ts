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
  graduationSelect,
  reportsSelect,
  staysSelect,
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

/**
 * checkTenantFigures over a stay s, its venture v, its reports p and its graduation g (dates
 * compare as the checks compare their ISO text).
 */
function tenantFlagsSql(year: number): SQL {
  const when = (code: TenantCheckCode, condition: SQL) => sql`CASE WHEN ${condition} THEN ${code}::text END`;
  const n = (column: string) => sql.raw(`coalesce(p.${column}, 0)`);
  return sql`array_remove(ARRAY[
    ${when('negative', sql`least(s.area_m2, ${n('revenue')}, ${n('rd')}, ${n('tax')}, ${n('financing')}, ${n('employees')}, ${n('ip_filed')}, ${n('ip_granted')}, ${n('patents')}) < 0`)},
    ${when('missingCreditCode', sql`v.kind = 'company' AND coalesce(v.credit_code, '') = ''`)},
    ${when('missingFounded', sql`v.kind = 'company' AND v.founded_on IS NULL`)},
    ${when('missingTechnicalField', sql`coalesce(v.technical_field, '') = ''`)},
    CASE WHEN s.due > 0 AND ${n('reported')} = 0 THEN ${'noReports' satisfies TenantCheckCode}::text
         WHEN ${n('reported')} < s.due THEN ${'missingQuarters' satisfies TenantCheckCode}::text END,
    ${when(
      'rdOverRevenue',
      sql`p.revenue > 0 AND p.rd > p.revenue AND v.kind <> 'team' AND NOT (v.industry::text = ANY(${textArray(RESEARCH_LED_INDUSTRIES)}))
        AND (v.founded_on IS NULL OR v.founded_on <= ${`${year - EARLY_COMPANY_YEARS}-12-31`}::date)`,
    )},
    ${when('profitOverRevenue', sql`${n('profit')} > ${n('revenue')} AND ${n('profit')} > 0`)},
    ${when('taxOverRevenue', sql`${n('tax')} > ${n('revenue')} AND ${n('tax')} > 0`)},
    ${when('graduatedBeforeEntry', sql`g.graduated_on < s.entered_on`)}
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
    -- Every stay of the year, narrow: its place in the table's order, its revenue and its checks.
    k AS MATERIALIZED (
      SELECT s.venture_id, s.carrier_id, c.name AS carrier_name, v.name, coalesce(p.revenue, 0) AS revenue, x.flags,
             CASE WHEN x.flags && ${textArray(ERROR_CODES)} THEN 'error' WHEN cardinality(x.flags) > 0 THEN 'warning' END AS severity
      ${tenantJoinsSql}
      CROSS JOIN LATERAL (SELECT ${tenantFlagsSql(f.year)} AS flags) AS x
    ),
    n AS (
      SELECT count(*)::int AS total, coalesce(sum(k.revenue), 0)::bigint AS revenue_total,
             count(*) FILTER (WHERE k.severity = 'error')::int AS errors,
             count(*) FILTER (WHERE k.severity = 'warning')::int AS warnings
      FROM k
    ),
    pg AS (
      SELECT n.*, least(${wanted(p.page)}::int, greatest(1, (n.total + ${ts - 1}::int) / ${ts}::int)) AS page,
             least(${wanted(p.flaggedPage)}::int,
                   greatest(1, (n.errors + n.warnings + ${p.carrierErrors + p.carrierWarnings + fs - 1}::int) / ${fs}::int)) AS fpage
      FROM n
    ),
    -- Only the flagged rows are numbered in the table's order, and only the page's rows sorted
    -- out of the rest (names compare by the database's collation, which is the dear part).
    fl AS (
      SELECT k.venture_id, k.carrier_id,
             CASE WHEN k.severity = 'error' THEN ${p.carrierErrors}::int ELSE ${p.carrierErrors + p.carrierWarnings}::int + pg.errors END
             + row_number() OVER (PARTITION BY k.severity ORDER BY k.carrier_name, k.name, k.venture_id, k.carrier_id) - 1 AS position
      FROM k, pg WHERE k.severity IS NOT NULL
    ),
    page_rows AS (
      SELECT k.venture_id, k.carrier_id, k.carrier_name, k.name FROM k
      ORDER BY k.carrier_name, k.name, k.venture_id, k.carrier_id
      LIMIT ${ts}::int OFFSET (SELECT (pg.page - 1) * ${ts}::int FROM pg)
    ),
    -- The rows shown: the table's page and the flagged tenants on the checks list's page.
    shown AS (
      SELECT 'page' AS part, pr.venture_id, pr.carrier_id, NULL::bigint AS position,
             row_number() OVER (ORDER BY pr.carrier_name, pr.name, pr.venture_id, pr.carrier_id) AS ord
      FROM page_rows pr
      UNION ALL
      SELECT 'flag' AS part, fl.venture_id, fl.carrier_id, fl.position, NULL::bigint AS ord FROM fl, pg
      WHERE fl.position >= (pg.fpage - 1) * ${fs}::int AND fl.position < pg.fpage * ${fs}::int
    ),
    -- Only the shown rows are read whole, each through its venture's indexes.
    x AS (
      SELECT sh.part, sh.ord, sh.position, k.flags, k.severity, ${tenantColumnsSql}
      FROM shown sh
      JOIN k ON k.venture_id = sh.venture_id AND k.carrier_id = sh.carrier_id
      CROSS JOIN LATERAL (${staysSelect(f, sql`sh`)}) AS s
      JOIN ventures v ON v.id = s.venture_id
      JOIN carriers c ON c.id = s.carrier_id
      LEFT JOIN LATERAL (${reportsSelect(f, sql`sh`)}) AS p ON true
      LEFT JOIN LATERAL (${graduationSelect(f, sql`sh`)}) AS g ON true
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
