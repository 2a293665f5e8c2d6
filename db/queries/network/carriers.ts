import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { lastClosedQuarter, type Quarter } from '@/lib/domain/reporting';
import type { DbOrTx } from '../../client';
import type { CarrierSort } from '@/lib/domain/network-lists';
import type { CarrierKind, CarrierLevel, CarrierStatus } from '@/lib/domain/vocabulary';
import {
  carrierFigureJoinsOf,
  carrierIdIn,
  FIGURE_EXPR,
  FIGURE_PARTS,
  figureSelect,
  figuresOfRow,
  withCarrierFigures,
  type CarrierFigures,
  type FigurePart,
} from './carrier-figures';
import { pinyin } from '../shared/collation';
import { containsPattern } from '../shared/search';

/**
 * The committee's list of the network's carriers with their figures (occupancy, tenants,
 * graduates, financing rate, report timeliness, warnings), filtered, sorted and paged in SQL, in
 * two statements: the page's carriers first, then the figures of those carriers only.
 * Committee only: callers check the role.
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

/** Each sort's expression and the figure CTEs it reads. */
const SORTS: Record<CarrierSort, { expr: SQL; parts: readonly FigurePart[] }> = {
  name: { expr: pinyin(sql`c.name`), parts: [] },
  occupancy: { expr: FIGURE_EXPR.occupancy, parts: ['open'] },
  tenants: { expr: FIGURE_EXPR.tenants, parts: ['open'] },
  graduates: { expr: FIGURE_EXPR.graduates, parts: ['grads'] },
  financing: { expr: FIGURE_EXPR.financingRate, parts: ['open'] },
  timeliness: { expr: FIGURE_EXPR.timeliness, parts: ['reports'] },
  warnings: { expr: FIGURE_EXPR.warnings, parts: ['open', 'overdue', 'reports'] },
};

/** The list's order: the sort, empty values last, then the name in pinyin order and the id. */
export function carrierListOrder(f: Pick<CarrierListFilter, 'sort' | 'dir'>): SQL {
  const dir = f.dir === 'desc' ? sql`DESC` : sql`ASC`;
  return sql`${SORTS[f.sort ?? 'name'].expr} ${dir} NULLS LAST, ${pinyin(sql`c.name`)} ASC, c.id ASC`;
}

/**
 * The figure CTEs choosing the page needs: none for the name order without the warnings filter
 * (the page is chosen on the carriers alone); otherwise those of the sorted figure and of the
 * warnings, computed over the whole network, since a carrier's place in that order depends on its
 * own figure. That is a deliberate choice: those orders are asked for now and then, and they read
 * one or three of the four CTEs over the network instead of all four (the page's other figures
 * are still read for its carriers only); a page independent of the network there would need the
 * figures kept per carrier (a read model).
 */
export function pageFigureParts(f: Pick<CarrierListFilter, 'sort' | 'warnings'>): FigurePart[] {
  const parts = new Set<FigurePart>(SORTS[f.sort ?? 'name'].parts);
  if (f.warnings) for (const p of SORTS.warnings.parts) parts.add(p);
  return FIGURE_PARTS.filter((p) => parts.has(p));
}

/** The quarter whose reports the timeliness and missing-report figures count. */
export const reportingQuarter = (today: string): Quarter => lastClosedQuarter(today);

function filterSql(f: CarrierListFilter): SQL {
  const parts: SQL[] = [sql`true`];
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

const CARRIER_COLUMNS = sql`c.id, c.name, c.name_en AS "nameEn", c.kind, c.level, c.status, c.zone,
  c.incubation_area_m2 AS "incubationAreaM2", c.version`;

/** The carriers of the ids with their figures, every CTE reading those carriers' rows only. */
async function figuresOfCarriers(db: DbOrTx, today: string, quarter: Quarter, ids: readonly number[]): Promise<Map<number, CarrierListRow>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute(sql`
    ${withCarrierFigures(today, quarter, { carrierIds: ids })}
    SELECT ${CARRIER_COLUMNS}, ${figureSelect}
    FROM carriers c ${carrierFigureJoinsOf()}
    WHERE ${carrierIdIn(sql`c.id`, ids)}`);
  const rows = (result.rows as Record<string, unknown>[]).map(toRow);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * One page of the network's carriers with their figures, and how many match the filter. The two
 * statements read the database one after the other: a figure changed in between shows its newer
 * value on the page it was sorted on.
 */
export async function listNetworkCarriers(
  db: DbOrTx,
  today: string,
  f: CarrierListFilter & { page: number; pageSize: number },
): Promise<{ rows: CarrierListRow[]; total: number; quarter: Quarter }> {
  const quarter = reportingQuarter(today);
  const parts = pageFigureParts(f);
  const figures = withCarrierFigures(today, quarter, { parts });
  const joins = carrierFigureJoinsOf(parts);
  const page = await db.execute(sql`
    ${figures}
    SELECT c.id, count(*) OVER ()::int AS "total"
    FROM carriers c ${joins}
    WHERE ${filterSql(f)}
    ORDER BY ${carrierListOrder(f)}
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const chosen = page.rows as { id: number; total: number }[];
  const ids = chosen.map((r) => Number(r.id));
  let total = chosen.length ? Number(chosen[0]!.total) : 0;
  if (chosen.length === 0 && f.page > 1) {
    // Past the last page: the count still tells the page where the rows are.
    const counted = await db.execute(sql`${figures} SELECT count(*)::int AS n FROM carriers c ${joins} WHERE ${filterSql(f)}`);
    total = Number((counted.rows[0] as { n: number } | undefined)?.n ?? 0);
  }
  const byId = await figuresOfCarriers(db, today, quarter, ids);
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return { rows, total, quarter };
}

/** One carrier with the list's figures, read from its own rows only; null when there is no such carrier. */
export async function networkCarrierFigures(db: DbOrTx, today: string, carrierId: number): Promise<CarrierListRow | null> {
  return (await figuresOfCarriers(db, today, reportingQuarter(today), [carrierId])).get(carrierId) ?? null;
}
