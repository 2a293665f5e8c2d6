import 'server-only';
import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IsoDate } from '@/lib/domain/dates';
import type { Scope } from '@/lib/roles';
import type { VentureFilters } from '@/lib/validation/venture-filters';
import type { DbOrTx } from '../client';
import { carriers, residencies, ventures } from '../schema';
import { limitEndsOnSql, limitMonthsSql, limitStatusSql } from './limits';
import { carrierCondition } from './scope';
import { carriersToCover, openResidency, openResidencyOn, ventureBelongsTo, ventureHistory, type VentureHistory } from './venture-scope';

export type { Industry, VentureFilters, VentureSort, LimitFilter } from '@/lib/validation/venture-filters';
export { getVentureDetail, type VentureDetail } from './venture-detail';
export { addFinancing, removeFinancing, updateVenture, type FinancingAddInput, type FinancingRemoveInput } from './venture-edits';

export type LimitStatusValue = 'ok' | 'due_soon' | 'overdue';

const currentCarrier = alias(carriers, 'current_carrier');
const lastCarrier = alias(carriers, 'last_carrier');

/**
 * The incubation limit in SQL (db/queries/limits.ts, which mirrors incubationLimitStatus): it ends limit months after the first incubating
 * residency began, and is due soon from warning months before that end. Only ventures
 * incubating now have a status.
 */
function incubationLimit(history: VentureHistory, today: IsoDate) {
  const endsOn = limitEndsOnSql(history.incubationStartedOn, limitMonthsSql(ventures.industry));
  const applies = sql`(${ventures.stage} = 'incubating' AND ${history.incubationStartedOn} IS NOT NULL)`;
  return {
    endsOn: sql<string | null>`(CASE WHEN ${applies} THEN ${endsOn}::text END)`,
    status: sql<LimitStatusValue | null>`(CASE WHEN ${applies} THEN ${limitStatusSql(endsOn, today)} END)`,
  };
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(f: VentureFilters, limit: ReturnType<typeof incubationLimit>, carrierIds: number[] | null): SQL[] {
  const out: SQL[] = [];
  if (f.q) out.push(or(ilike(ventures.name, likePattern(f.q)), ilike(ventures.creditCode, likePattern(f.q)))!);
  if (f.stage) out.push(eq(ventures.stage, f.stage));
  if (f.industry) out.push(eq(ventures.industry, f.industry));
  if (f.highTech !== undefined) out.push(f.highTech ? isNotNull(ventures.highTechCertNo) : isNull(ventures.highTechCertNo));
  if (f.warnings !== undefined) {
    const has = sql`coalesce(cardinality(${openResidency.ruleWarnings}), 0) > 0`;
    out.push(f.warnings ? has : sql`NOT ${has}`);
  }
  if (f.limit) out.push(sql`${limit.status} = ${f.limit}`);
  if (f.enteredYear !== undefined) {
    const from = `${f.enteredYear}-01-01`;
    const to = `${f.enteredYear}-12-31`;
    const inCarriers = carrierIds === null ? sql`true` : inArray(residencies.carrierId, carrierIds);
    out.push(
      sql`EXISTS (SELECT 1 FROM ${residencies} WHERE ${residencies.ventureId} = ${ventures.id} AND ${inCarriers}
        AND ${residencies.enteredOn} BETWEEN ${from}::date AND ${to}::date)`,
    );
  }
  return out;
}

function ordering(f: VentureFilters): SQL[] {
  const key = {
    name: ventures.name,
    stage: ventures.stage,
    entered: openResidency.enteredOn,
    founded: ventures.foundedOn,
  }[f.sort ?? 'name'];
  const dir = f.dir === 'desc' ? sql`DESC` : sql`ASC`;
  return [sql`${key} ${dir} NULLS LAST`, asc(ventures.id)];
}

/**
 * The caller's ventures, filtered, sorted and paginated in the database: one query for the
 * page and one for the total. A carrier outside the scope gives an empty list.
 */
export async function listVentures(
  db: DbOrTx,
  scope: Scope,
  filters: VentureFilters,
  paging: { page: number; pageSize: number },
  today: IsoDate,
) {
  const carrierIds = carriersToCover(scope, filters.carrierId);
  if (carrierIds !== null && carrierIds.length === 0) return { rows: [] as VentureListRow[], total: 0 };
  const history = ventureHistory(db);
  const limit = incubationLimit(history, today);
  const where = and(ventureBelongsTo(carrierIds, history), ...conditions(filters, limit, carrierIds));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: ventures.id,
        name: ventures.name,
        kind: ventures.kind,
        creditCode: ventures.creditCode,
        industry: ventures.industry,
        stage: ventures.stage,
        foundedOn: ventures.foundedOn,
        highTech: sql<boolean>`(${ventures.highTechCertNo} IS NOT NULL)`,
        currentCarrierId: ventures.currentCarrierId,
        currentCarrierName: currentCarrier.name,
        lastCarrierName: lastCarrier.name,
        enteredOn: openResidency.enteredOn,
        warnings: openResidency.ruleWarnings,
        incubationStartedOn: history.incubationStartedOn,
        limitEndsOn: limit.endsOn,
        limitStatus: limit.status,
      })
      .from(ventures)
      .leftJoin(openResidency, openResidencyOn)
      .leftJoin(history, eq(history.ventureId, ventures.id))
      .leftJoin(currentCarrier, eq(currentCarrier.id, ventures.currentCarrierId))
      .leftJoin(lastCarrier, eq(lastCarrier.id, history.lastCarrierId))
      .where(where)
      .orderBy(...ordering(filters))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db
      .select({ n: count() })
      .from(ventures)
      .leftJoin(openResidency, openResidencyOn)
      .leftJoin(history, eq(history.ventureId, ventures.id))
      .where(where),
  ]);
  return {
    rows: rows.map((r): VentureListRow => ({ ...r, warnings: r.warnings ?? [] })),
    total: total?.n ?? 0,
  };
}

export type VentureListRow = {
  id: number;
  name: string;
  kind: 'team' | 'company';
  creditCode: string | null;
  industry: (typeof ventures.industry.enumValues)[number];
  stage: (typeof ventures.stage.enumValues)[number];
  foundedOn: string | null;
  highTech: boolean;
  /** The carrier the venture is in now (graduates keep the one they graduated from). */
  currentCarrierId: number | null;
  currentCarrierName: string | null;
  /** The carrier of its most recent residency (for exited ventures, where they were last). */
  lastCarrierName: string | null;
  /** Entry date of the open residency. */
  enteredOn: string | null;
  /** Admission rule warnings recorded on the open residency. */
  warnings: string[];
  incubationStartedOn: string | null;
  limitEndsOn: string | null;
  limitStatus: LimitStatusValue | null;
};

/** The caller's carriers, for the list's carrier filter. */
export async function carrierChoices(db: DbOrTx, scope: Scope) {
  return db
    .select({ id: carriers.id, name: carriers.name, kind: carriers.kind })
    .from(carriers)
    .where(carrierCondition(scope, carriers.id))
    .orderBy(asc(carriers.kind), asc(carriers.name));
}
