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
 * The tenant table of the statistics page from the read models (docs/read-models.md): its totals
 * and the logic checks of every row (checkTenantFigures, kept per stay in stay_year_figures and
 * added up per carrier in carrier_year_tenants), one page of the table and the flagged tenants
 * that fall on one page of the checks list, read stay by stay only for the carriers those pages
 * fall in. The list of flagged rows puts
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
  const d = dueQuarters(f.year, f.today).length;
  // A stay's worst check with d quarters due, kept in stay_year_figures (bit d of its levels).
  const severity = sql.raw(`CASE WHEN (s.error_levels >> ${d}) & 1 = 1 THEN 'error' WHEN (s.warning_levels >> ${d}) & 1 = 1 THEN 'warning' END`);
  const { rows } = await db.execute<ViewSqlRow>(sql`
    -- The carriers of the year in the table's order (by name; carriers of one name are one group,
    -- since their tenants interleave by name), with their tenants and flagged tenants added up in
    -- carrier_year_tenants, and how many of each come before each group.
    WITH g AS (
      SELECT c.name AS carrier_name, sum(t.tenants)::int AS n, sum(t.errors[${d + 1}])::int AS ne,
             sum(t.warnings[${d + 1}])::int AS nw, sum(t.revenue_fen)::bigint AS revenue
      FROM carrier_year_tenants t JOIN carriers c ON c.id = t.carrier_id
      WHERE t.year = ${f.year} AND ${carrierFilter(sql`t.carrier_id`, f.carrierId)}
      GROUP BY c.name
    ),
    gs AS (
      SELECT g.*, sum(g.n) OVER w - g.n AS n0, sum(g.ne) OVER w - g.ne AS e0, sum(g.nw) OVER w - g.nw AS w0
      FROM g WINDOW w AS (ORDER BY g.carrier_name ROWS UNBOUNDED PRECEDING)
    ),
    n AS (
      SELECT coalesce(sum(g.n), 0)::int AS total, coalesce(sum(g.revenue), 0)::bigint AS revenue_total,
             coalesce(sum(g.ne), 0)::int AS errors, coalesce(sum(g.nw), 0)::int AS warnings
      FROM g
    ),
    pg AS (
      SELECT n.*, least(${wanted(p.page)}::int, greatest(1, (n.total + ${ts - 1}::int) / ${ts}::int)) AS page,
             least(${wanted(p.flaggedPage)}::int,
                   greatest(1, (n.errors + n.warnings + ${p.carrierErrors + p.carrierWarnings + fs - 1}::int) / ${fs}::int)) AS fpage
      FROM n
    ),
    -- Where each page falls: in the table, among the tenants' errors and among their warnings
    -- (the checks list has the carriers' errors, the tenants' errors, the carriers' warnings,
    -- then the tenants' warnings).
    win AS (
      SELECT (pg.page - 1) * ${ts}::int AS t0, pg.page * ${ts}::int AS t1,
             (pg.fpage - 1) * ${fs}::int - ${p.carrierErrors}::int AS e0, pg.fpage * ${fs}::int - ${p.carrierErrors}::int AS e1,
             (pg.fpage - 1) * ${fs}::int - ${p.carrierErrors + p.carrierWarnings}::int - pg.errors AS w0,
             pg.fpage * ${fs}::int - ${p.carrierErrors + p.carrierWarnings}::int - pg.errors AS w1
      FROM pg
    ),
    -- Only the groups a page falls in are read, stay by stay, and numbered on from the group's start.
    placed AS (
      SELECT 'page' AS part, gs.n0 AS first, win.t0 AS lo, win.t1 AS hi, gs.carrier_name, NULL::text AS severity
      FROM gs, win WHERE gs.n0 < win.t1 AND gs.n0 + gs.n > win.t0
      UNION ALL
      SELECT 'error', gs.e0, win.e0, win.e1, gs.carrier_name, 'error' FROM gs, win WHERE gs.ne > 0 AND gs.e0 < win.e1 AND gs.e0 + gs.ne > win.e0
      UNION ALL
      SELECT 'warning', gs.w0, win.w0, win.w1, gs.carrier_name, 'warning' FROM gs, win WHERE gs.nw > 0 AND gs.w0 < win.w1 AND gs.w0 + gs.nw > win.w0
    ),
    numbered AS (
      SELECT pl.part, pl.lo, pl.hi, s.venture_id, s.carrier_id, ${severity} AS severity,
             pl.first + row_number() OVER (PARTITION BY pl.part, pl.carrier_name ORDER BY s.name, s.venture_id, s.carrier_id) - 1 AS idx
      FROM placed pl
      JOIN carriers c ON c.name = pl.carrier_name AND ${carrierFilter(sql`c.id`, f.carrierId)}
      JOIN stay_year_figures s ON s.year = ${f.year} AND s.carrier_id = c.id
      WHERE pl.severity IS NULL OR ${severity} = pl.severity
    ),
    -- The rows shown: the table's page and the flagged tenants on the checks list's page.
    shown AS (
      SELECT 'page' AS part, nb.venture_id, nb.carrier_id, nb.severity, NULL::bigint AS position, nb.idx AS ord
      FROM numbered nb WHERE nb.part = 'page' AND nb.idx >= nb.lo AND nb.idx < nb.hi
      UNION ALL
      SELECT 'flag', nb.venture_id, nb.carrier_id, nb.severity,
             CASE WHEN nb.part = 'error' THEN ${p.carrierErrors}::int ELSE ${p.carrierErrors + p.carrierWarnings}::int + pg.errors END + nb.idx,
             NULL::bigint
      FROM numbered nb, pg WHERE nb.part <> 'page' AND nb.idx >= nb.lo AND nb.idx < nb.hi
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
