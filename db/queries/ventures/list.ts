import 'server-only';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { IsoDate } from '@/lib/domain/dates';
import type { LimitStatusValue } from '@/lib/domain/tenancy';
import type { Industry, VentureKind, VentureStage } from '@/lib/domain/vocabulary';
import type { Scope } from '@/lib/roles';
import type { VentureFilters } from '@/lib/validation/venture-filters';
import type { DbOrTx } from '../../client';
import { carriers, residencies, ventures } from '../../schema';
import { limitEndsOnSql, limitMonthsSql, limitStatusSql } from './limits';
import { carrierCondition } from '../shared/scope';
import { carriersToCover, openResidency, stageAsLeftSql, ventureHistory, ventureHistoryWithPeriod, ventureIdsLivedBy } from './scope';
import { pinyin } from '../shared/collation';
import { containsPattern } from '../shared/search';

export type { Industry, VentureFilters, VentureSort, LimitFilter } from '@/lib/validation/venture-filters';
export { getVentureDetail, type VentureDetail } from './detail';
export { addFinancing, removeFinancing, updateVenture, type FinancingAddInput, type FinancingRemoveInput } from './edits';

export type { LimitStatusValue };

const currentCarrier = alias(carriers, 'current_carrier');
const lastCarrier = alias(carriers, 'last_carrier');

/**
 * What a row of the list shows to these carriers (docs/data-ownership.md): every venture that
 * lived a stay in one of them. While its latest stay is theirs ('current') it shows as it is
 * now; once it has moved on to another carrier it keeps the stage its stay with them ended
 * with, and nothing of the later carrier (no current carrier, no open stay). The open stay
 * joined is only ever theirs.
 */
type History = ReturnType<typeof ventureHistory> | ReturnType<typeof ventureHistoryWithPeriod>;

function listView(db: DbOrTx, carrierIds: number[] | null, lived: number[]) {
  const inIds = (ids: number[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  if (carrierIds === null) {
    const history = ventureHistory(db);
    return {
      history: history as History,
      own: null,
      openOn: and(eq(openResidency.ventureId, ventures.id), isNull(openResidency.leftOn))!,
      // The entry of its latest stay: the open one, or the one it graduated or left from.
      enteredOn: sql<string | null>`${history.lastEnteredOn}`,
      warnings: sql<string[] | null>`${openResidency.ruleWarnings}`,
      current: sql<boolean>`true`,
      stage: sql<VentureListRow['stage']>`${ventures.stage}`,
      lastCarrierId: sql<number | null>`${history.lastCarrierId}`,
    };
  }
  const period = ventureHistoryWithPeriod(db, carrierIds, lived);
  const history = period;
  const current = sql<boolean>`(${history.lastCarrierId} IN (${inIds(carrierIds)}))`;
  return {
    history: history as History,
    // The ventures these carriers lived, found first (ventureIdsLivedBy), each read by its primary
    // key (a LATERAL lookup that the planner cannot turn into a scan of every venture): the list
    // costs what the carriers' own ventures cost, however large the network around them.
    own: {
      ids: sql`unnest(${sql.param(lived)}::int[]) AS own(id)`,
      venture: db
        .select()
        .from(ventures)
        .where(sql`${ventures.id} = own.id`)
        .limit(1)
        .as('ventures'),
    },
    // The venture's open stay, shown only when it is in one of these carriers (masked here rather
    // than in the join, whose estimate would otherwise send the planner into a nested loop).
    openOn: and(eq(openResidency.ventureId, ventures.id), isNull(openResidency.leftOn))!,
    // The entry of the latest stay in these carriers: the row is about that stay.
    enteredOn: sql<string | null>`${period.enteredOn}`,
    warnings: sql<string[] | null>`(CASE WHEN ${openResidency.carrierId} IN (${inIds(carrierIds)}) THEN ${openResidency.ruleWarnings} END)`,
    current,
    stage: sql<VentureListRow['stage']>`(CASE WHEN ${current} THEN ${ventures.stage} ELSE (${stageAsLeftSql(period)})::venture_stage END)`,
    lastCarrierId: sql<number | null>`${period.carrierId}`,
  };
}
type ListView = ReturnType<typeof listView>;

/**
 * The incubation limit in SQL (db/queries/ventures/limits.ts, which mirrors incubationLimitStatus): it ends limit months after the first incubating
 * residency began, and is due soon from warning months before that end. Only ventures
 * incubating now have a status.
 */
function incubationLimit(history: History, view: ListView, today: IsoDate) {
  const endsOn = limitEndsOnSql(history.incubationStartedOn, limitMonthsSql(ventures.industry));
  const applies = sql`(${view.current} AND ${ventures.stage} = 'incubating' AND ${history.incubationStartedOn} IS NOT NULL)`;
  return {
    endsOn: sql<string | null>`(CASE WHEN ${applies} THEN ${endsOn}::text END)`,
    status: sql<LimitStatusValue | null>`(CASE WHEN ${applies} THEN ${limitStatusSql(endsOn, today)} END)`,
  };
}

function conditions(f: VentureFilters, limit: ReturnType<typeof incubationLimit>, carrierIds: number[] | null, view: ListView): SQL[] {
  const out: SQL[] = [];
  if (f.q) out.push(or(ilike(ventures.name, containsPattern(f.q)), ilike(ventures.creditCode, containsPattern(f.q)))!);
  if (f.stage) out.push(sql`${view.stage} = ${f.stage}`);
  if (f.industry) out.push(eq(ventures.industry, f.industry));
  if (f.highTech !== undefined) {
    const has = sql`(${view.current} AND ${ventures.highTechCertNo} IS NOT NULL)`;
    out.push(f.highTech ? has : sql`NOT ${has}`);
  }
  if (f.warnings !== undefined) {
    const has = sql`coalesce(cardinality(${view.warnings}), 0) > 0`;
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

function ordering(f: VentureFilters, view: ListView): SQL[] {
  const key = {
    name: pinyin(ventures.name),
    stage: view.stage,
    entered: view.enteredOn,
    founded: ventures.foundedOn,
  }[f.sort ?? 'name'];
  const dir = f.dir === 'desc' ? sql`DESC` : sql`ASC`;
  return [sql`${key} ${dir} NULLS LAST`, asc(ventures.id)];
}

/**
 * The caller's ventures, filtered, sorted and paginated in the database: one query for the
 * page and one for the total. A carrier outside the scope gives an empty list.
 */
export async function listVentures(db: DbOrTx, scope: Scope, filters: VentureFilters, paging: { page: number; pageSize: number }, today: IsoDate) {
  const carrierIds = carriersToCover(scope, filters.carrierId);
  if (carrierIds !== null && carrierIds.length === 0) return { rows: [] as VentureListRow[], total: 0 };
  const lived = carrierIds === null ? [] : await ventureIdsLivedBy(db, carrierIds);
  if (carrierIds !== null && lived.length === 0) return { rows: [] as VentureListRow[], total: 0 };
  const view = listView(db, carrierIds, lived);
  const history = view.history;
  const limit = incubationLimit(history, view, today);
  const where = and(...conditions(filters, limit, carrierIds, view));
  const source = view.own ? view.own.ids : ventures;
  const joins = <Q extends PgSelect>(q: Q) =>
    (view.own ? q.crossJoinLateral(view.own.venture) : q).leftJoin(openResidency, view.openOn).leftJoin(history, eq(history.ventureId, ventures.id));
  const [rows, [total]] = await Promise.all([
    joins(
      db
        .select({
          id: ventures.id,
          name: ventures.name,
          kind: ventures.kind,
          creditCode: ventures.creditCode,
          industry: ventures.industry,
          stage: view.stage,
          foundedOn: ventures.foundedOn,
          highTech: sql<boolean>`(${view.current} AND ${ventures.highTechCertNo} IS NOT NULL)`,
          current: view.current,
          currentCarrierId: sql<number | null>`(CASE WHEN ${view.current} THEN ${ventures.currentCarrierId} END)`,
          currentCarrierName: sql<string | null>`(CASE WHEN ${view.current} THEN ${currentCarrier.name} END)`,
          lastCarrierName: lastCarrier.name,
          enteredOn: view.enteredOn,
          warnings: view.warnings,
          incubationStartedOn: sql<string | null>`(CASE WHEN ${view.current} THEN ${history.incubationStartedOn} END)`,
          limitEndsOn: limit.endsOn,
          limitStatus: limit.status,
        })
        .from(source)
        .$dynamic(),
    )
      .leftJoin(currentCarrier, eq(currentCarrier.id, ventures.currentCarrierId))
      .leftJoin(lastCarrier, eq(lastCarrier.id, view.lastCarrierId))
      .where(where)
      .orderBy(...ordering(filters, view))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    joins(db.select({ n: count() }).from(source).$dynamic()).where(where),
  ]);
  return {
    rows: rows.map((r): VentureListRow => ({ ...r, warnings: r.warnings ?? [] })),
    total: total?.n ?? 0,
  };
}

export type VentureListRow = {
  id: number;
  name: string;
  kind: VentureKind;
  creditCode: string | null;
  industry: Industry;
  stage: VentureStage;
  foundedOn: string | null;
  highTech: boolean;
  /** Its latest stay is one of the caller's carriers' (otherwise the row shows their own period only). */
  current: boolean;
  /** The carrier the venture is in now (graduates keep the one they graduated from); null once it has moved on to another carrier. */
  currentCarrierId: number | null;
  currentCarrierName: string | null;
  /** The carrier of its most recent residency among the caller's (for exited ventures, where they were last). */
  lastCarrierName: string | null;
  /** Entry date of the latest stay in the caller's carriers (open or ended). */
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
    .orderBy(asc(carriers.kind), pinyin(carriers.name));
}
