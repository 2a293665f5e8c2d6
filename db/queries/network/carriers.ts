import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { lastClosedQuarter, type Quarter } from '@/lib/domain/reporting';
import type { DbOrTx } from '../../client';
import type { CarrierSort } from '@/lib/domain/network-lists';
import type { CarrierKind, CarrierLevel, CarrierStatus } from '@/lib/domain/vocabulary';
import { carrierFigureCtes, carrierFigureJoins, FIGURE_EXPR, figureSelect, figuresOfRow, type CarrierFigures } from './carrier-figures';
import { pinyin } from '../shared/collation';
import { containsPattern } from '../shared/search';

/**
 * The committee's list of the network's carriers with their figures (occupancy, tenants,
 * graduates, financing rate, report timeliness, warnings): one query with CTEs, filtered,
 * sorted and paged in SQL. Committee only: callers check the role.
 */
export type { CarrierSort };

export type CarrierListFilter = {
  q?: string;
  kind?: CarrierKind;
  level?: CarrierLevel;
  zone?: string;
  status?: CarrierStatus;
  /** Only carriers with at least one warning. */
  warnings?: boolean;
  sort?: CarrierSort;
  dir?: 'asc' | 'desc';
};

export type CarrierListRow = CarrierFigures & {
  id: number;
  name: string;
  nameEn: string | null;
  kind: CarrierKind;
  level: CarrierLevel;
  status: CarrierStatus;
  zone: string;
  incubationAreaM2: number;
  version: number;
};

const SORT_EXPR: Record<CarrierSort, SQL> = {
  name: pinyin(sql`c.name`),
  occupancy: FIGURE_EXPR.occupancy,
  tenants: FIGURE_EXPR.tenants,
  graduates: FIGURE_EXPR.graduates,
  financing: FIGURE_EXPR.financingRate,
  timeliness: FIGURE_EXPR.timeliness,
  warnings: FIGURE_EXPR.warnings,
};

/** The quarter whose reports the timeliness and missing-report figures count. */
export const reportingQuarter = (today: string): Quarter => lastClosedQuarter(today);

function filterSql(f: CarrierListFilter & { id?: number }): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.id !== undefined) parts.push(sql`c.id = ${f.id}`);
  const q = f.q?.trim();
  if (q) {
    // Each column as it is (no coalesce), so that each arm reads its trigram index.
    const like = containsPattern(q);
    parts.push(sql`(c.name ILIKE ${like} OR c.name_en ILIKE ${like} OR c.operator_org ILIKE ${like})`);
  }
  if (f.kind) parts.push(sql`c.kind = ${f.kind}`);
  if (f.level) parts.push(sql`c.level = ${f.level}`);
  if (f.zone) parts.push(sql`c.zone = ${f.zone}`);
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.warnings) parts.push(sql`${FIGURE_EXPR.warnings} > 0`);
  return sql.join(parts, sql` AND `);
}

function toRow(r: Record<string, unknown>): CarrierListRow {
  return {
    id: Number(r.id),
    name: String(r.name),
    nameEn: (r.nameEn as string | null) ?? null,
    kind: r.kind as CarrierKind,
    level: r.level as CarrierLevel,
    status: r.status as CarrierStatus,
    zone: String(r.zone),
    incubationAreaM2: Number(r.incubationAreaM2),
    version: Number(r.version),
    ...figuresOfRow(r),
  };
}

/** One page of the network's carriers with their figures, and how many match the filter. */
export async function listNetworkCarriers(
  db: DbOrTx,
  today: string,
  f: CarrierListFilter & { page: number; pageSize: number },
): Promise<{ rows: CarrierListRow[]; total: number; quarter: Quarter }> {
  const quarter = reportingQuarter(today);
  const dir = f.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const order = SORT_EXPR[f.sort ?? 'name'];
  const result = await db.execute(sql`
    WITH ${carrierFigureCtes(today, quarter)}
    SELECT c.id, c.name, c.name_en AS "nameEn", c.kind, c.level, c.status, c.zone,
      c.incubation_area_m2 AS "incubationAreaM2", c.version, ${figureSelect},
      count(*) OVER ()::int AS "total"
    FROM carriers c ${carrierFigureJoins}
    WHERE ${filterSql(f)}
    ORDER BY ${order} ${dir} NULLS LAST, ${pinyin(sql`c.name`)} ASC, c.id ASC
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const rows = result.rows as Record<string, unknown>[];
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && f.page > 1) {
    // Past the last page: the count still tells the page where the rows are.
    const counted = await db.execute(sql`
      WITH ${carrierFigureCtes(today, quarter)}
      SELECT count(*)::int AS n FROM carriers c ${carrierFigureJoins} WHERE ${filterSql(f)}`);
    total = Number((counted.rows[0] as { n: number } | undefined)?.n ?? 0);
  }
  return { rows: rows.map(toRow), total, quarter };
}

/** One carrier with the list's figures; null when there is no such carrier. */
export async function networkCarrierFigures(db: DbOrTx, today: string, carrierId: number): Promise<CarrierListRow | null> {
  const quarter = reportingQuarter(today);
  const result = await db.execute(sql`
    WITH ${carrierFigureCtes(today, quarter)}
    SELECT c.id, c.name, c.name_en AS "nameEn", c.kind, c.level, c.status, c.zone,
      c.incubation_area_m2 AS "incubationAreaM2", c.version, ${figureSelect}
    FROM carriers c ${carrierFigureJoins}
    WHERE ${filterSql({ id: carrierId })}`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return row ? toRow(row) : null;
}
