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
  carrierFilter,
  dueQuarters,
  ensureStayYears,
  graduationSelect,
  reportsSelect,
  staysSelect,
  tenantColumnsSql,
  tenantRow,
  type StatisticsFilter,
  type TenantSqlRow,
  type TenantStatisticsRow,
} from './statistics';

/**
 * The tenant table of the statistics page in one pass over the year's stays (their rows of the
 * read model stay_year_figures, docs/read-models.md): its totals, the
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
 * checkTenantFigures over a stay's row t of stay_year_figures, one condition per check in the
 * checks' order (dates compare as the checks compare their ISO text). The quarters it owed are
 * those it covered (t.covered, bit q-1 for quarter q) among the quarters due by the day asked.
 */
function tenantChecksSql(f: StatisticsFilter): [TenantCheckCode, SQL][] {
  const due = dueQuarters(f.year, f.today);
  const dueSql = due.length ? sql.raw(`(${due.map((q) => `((t.covered >> ${q - 1}) & 1)`).join(' + ')})`) : sql`0`;
  return [
    [
      'negative',
      sql`least(t.area_m2, t.revenue_fen, t.rd_spend_fen, t.tax_fen, t.financing_fen, t.employees, t.ip_filed, t.ip_granted, t.invention_patents) < 0`,
    ],
    ['missingCreditCode', sql`t.kind = 'company' AND t.no_credit_code`],
    ['missingFounded', sql`t.kind = 'company' AND t.founded_on IS NULL`],
    ['missingTechnicalField', sql`t.no_technical_field`],
    ['noReports', sql`t.reports = 0 AND ${dueSql} > 0`],
    ['missingQuarters', sql`t.reports > 0 AND t.reports < ${dueSql}`],
    [
      'rdOverRevenue',
      sql`t.revenue_fen > 0 AND t.rd_spend_fen > t.revenue_fen AND t.kind <> 'team' AND NOT (t.industry::text = ANY(${textArray(RESEARCH_LED_INDUSTRIES)}))
        AND (t.founded_on IS NULL OR t.founded_on <= ${`${f.year - EARLY_COMPANY_YEARS}-12-31`}::date)`,
    ],
    ['profitOverRevenue', sql`t.net_profit_fen > t.revenue_fen AND t.net_profit_fen > 0`],
    ['taxOverRevenue', sql`t.tax_fen > t.revenue_fen AND t.tax_fen > 0`],
    ['graduatedBeforeEntry', sql`t.graduated_on < t.entered_on`],
  ];
}

/** The codes of the checks a row t fails, in order. */
const flagsSql = (checks: [TenantCheckCode, SQL][]) =>
  sql`array_remove(ARRAY[${sql.join(
    checks.map(([code, condition]) => sql`CASE WHEN ${condition} THEN ${code}::text END`),
    sql`, `,
  )}], NULL)`;

/** A row t's worst severity: 'error', 'warning' or null, without listing its checks. */
function severitySql(checks: [TenantCheckCode, SQL][]): SQL {
  const any = (severity: CheckSeverity) =>
    sql.join(
      checks.filter(([code]) => TENANT_CHECK_SEVERITY[code] === severity).map(([, condition]) => sql`coalesce(${condition}, false)`),
      sql` OR `,
    );
  return sql`CASE WHEN ${any('error')} THEN 'error' WHEN ${any('warning')} THEN 'warning' END`;
}

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
  await ensureStayYears(db, f);
  const checks = tenantChecksSql(f);
  const { rows } = await db.execute<ViewSqlRow>(sql`
    -- Every stay of the year, narrow (stay_year_figures): its place in the table's order, its
    -- revenue and its checks.
    WITH k AS MATERIALIZED (
      SELECT t.venture_id, t.carrier_id, c.name AS carrier_name, t.name, t.revenue_fen AS revenue, ${severitySql(checks)} AS severity
      FROM stay_year_figures t
      JOIN carriers c ON c.id = t.carrier_id
      WHERE t.year = ${f.year} AND ${carrierFilter(sql`t.carrier_id`, f.carrierId)}
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
      SELECT k.venture_id, k.carrier_id, k.severity,
             CASE WHEN k.severity = 'error' THEN ${p.carrierErrors}::int ELSE ${p.carrierErrors + p.carrierWarnings}::int + pg.errors END
             + row_number() OVER (PARTITION BY k.severity ORDER BY k.carrier_name, k.name, k.venture_id, k.carrier_id) - 1 AS position
      FROM k, pg WHERE k.severity IS NOT NULL
    ),
    page_rows AS (
      SELECT k.venture_id, k.carrier_id, k.carrier_name, k.name, k.severity FROM k
      ORDER BY k.carrier_name, k.name, k.venture_id, k.carrier_id
      LIMIT ${ts}::int OFFSET (SELECT (pg.page - 1) * ${ts}::int FROM pg)
    ),
    -- The rows shown: the table's page and the flagged tenants on the checks list's page.
    shown AS (
      SELECT 'page' AS part, pr.venture_id, pr.carrier_id, pr.severity, NULL::bigint AS position,
             row_number() OVER (ORDER BY pr.carrier_name, pr.name, pr.venture_id, pr.carrier_id) AS ord
      FROM page_rows pr
      UNION ALL
      SELECT 'flag' AS part, fl.venture_id, fl.carrier_id, fl.severity, fl.position, NULL::bigint AS ord FROM fl, pg
      WHERE fl.position >= (pg.fpage - 1) * ${fs}::int AND fl.position < pg.fpage * ${fs}::int
    ),
    -- Only the shown rows are read whole, each through its venture's indexes, and their checks listed.
    x AS (
      SELECT sh.part, sh.ord, sh.position, sh.severity, ck.flags, ${tenantColumnsSql}
      FROM shown sh
      -- (LIMIT 1 keeps it a lookup by key per shown row rather than a join with the whole year.)
      CROSS JOIN LATERAL (
        SELECT ${flagsSql(checks)} AS flags FROM stay_year_figures t
        WHERE t.year = ${f.year} AND t.carrier_id = sh.carrier_id AND t.venture_id = sh.venture_id LIMIT 1
      ) AS ck
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
