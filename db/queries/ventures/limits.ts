import 'server-only';
import { and, asc, count, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CURRENT_RULES, type RuleSet } from '@/lib/domain/rules';
import type { LimitStatus } from '@/lib/domain/tenancy';
import type { Scope } from '@/lib/roles';
import type { LimitFilter } from '@/lib/validation/venture-filters';
import type { DbOrTx } from '../../client';
import { carriers, residencies, ventures } from '../../schema';
import { carrierCondition } from '../shared/scope';

/**
 * Incubation time limits (48 months, 60 in the extended industries) in SQL, so that lists can
 * filter and page on them. The expressions mirror `incubationLimitStatus` in
 * lib/domain/tenancy.ts step by step (PostgreSQL's month arithmetic clamps the day to the
 * month's last, as `addMonths` does), and tests/integration/limits.test.ts holds them to it.
 */
export type LimitState = LimitStatus['status'];
/** The limits page's tabs: the ventures' list filter (lib/validation/venture-filters.ts) or every alert. */
export type LimitAlertFilter = LimitFilter | 'all';

type Expr = SQL | SQL.Aliased | AnyColumn;
const int = (n: number) => sql.raw(String(Math.trunc(n)));

/** The limit in months for an industry. */
export function limitMonthsSql(industry: Expr, rules: RuleSet = CURRENT_RULES): SQL<number> {
  const extended = sql.join(
    rules.extendedIncubationIndustries.map((i) => sql`${i}`),
    sql`, `,
  );
  return sql<number>`(CASE WHEN ${industry}::text IN (${extended}) THEN ${int(rules.extendedIncubationLimitMonths)} ELSE ${int(rules.incubationLimitMonths)} END)`;
}

/** The last day of incubation: the start plus the limit. */
export function limitEndsOnSql(startedOn: Expr, limitMonths: Expr): SQL<string> {
  return sql<string>`((${startedOn})::date + make_interval(months => (${limitMonths})::int))::date`;
}

const dayOf = (today: string | SQL) => (typeof today === 'string' ? sql`${today}::date` : today);

/**
 * True when the limit status is 'overdue' (today after the end), for a condition that needs
 * only that: the start is then read once per row instead of once per branch of the status.
 */
export function limitOverdueSql(endsOn: Expr, today: string | SQL): SQL<boolean> {
  return sql<boolean>`(${dayOf(today)} > ${endsOn})`;
}

/** 'overdue' after the end, 'due_soon' from six months before it, 'ok' before that. */
export function limitStatusSql(endsOn: Expr, today: string | SQL, rules: RuleSet = CURRENT_RULES): SQL<LimitState> {
  const day = dayOf(today);
  return sql<LimitState>`(CASE WHEN ${limitOverdueSql(endsOn, day)} THEN 'overdue'
    WHEN ${day} >= (${endsOn} - make_interval(months => ${int(rules.limitWarningMonths)}))::date THEN 'due_soon'
    ELSE 'ok' END)`;
}

/**
 * The latest start of incubation that is overdue today in every industry (the shortest limit):
 * a start after it is not overdue whatever the industry, since a later start never ends earlier.
 * Found among the days around today less that limit with the status expression itself, so that it
 * agrees with it on every clamped month end. One value per query (an InitPlan).
 */
export function overdueStartCutoffSql(today: string, rules: RuleSet = CURRENT_RULES): SQL<string> {
  const months = int(Math.min(rules.incubationLimitMonths, rules.extendedIncubationLimitMonths));
  const day = sql`g.d::date`;
  const status = limitStatusSql(limitEndsOnSql(day, months), today, rules);
  return sql<string>`(SELECT max(${day}) FROM generate_series(${today}::date - make_interval(months => ${months}, days => 7),
    ${today}::date - make_interval(months => ${months}) + make_interval(days => 7), make_interval(days => 1)) AS g(d) WHERE ${status} = 'overdue')`;
}

/**
 * Ventures incubating in the scope's carriers with where they stand: one row per open
 * incubating residency, the start being the venture's first incubating residency anywhere.
 */
function limitRows(db: DbOrTx, scope: Scope, today: string, carrierId?: number, onlyOverdue = false) {
  const first = alias(residencies, 'first_stay');
  // Overdue needs a start on or before the last overdue start (overdueStartCutoffSql): a first
  // incubating stay of the venture that began by then. A condition the rows to count can be found
  // by, and that leaves the status, computed below for each row left, to decide.
  const startedByCutoff = sql`EXISTS (SELECT 1 FROM ${residencies} AS ${sql.identifier('early_stay')}
    WHERE early_stay.venture_id = ${residencies.ventureId} AND early_stay.stage = 'incubating'
      AND early_stay.entered_on <= ${overdueStartCutoffSql(today)})`;
  const base = db
    .select({
      ventureId: sql<number>`${ventures.id}`.as('venture_id'),
      ventureName: sql<string>`${ventures.name}`.as('venture_name'),
      creditCode: sql<string | null>`${ventures.creditCode}`.as('credit_code'),
      industry: sql<string>`${ventures.industry}::text`.as('industry'),
      carrierId: sql<number>`${residencies.carrierId}`.as('carrier_id'),
      carrierName: sql<string>`${carriers.name}`.as('carrier_name'),
      carrierNameEn: sql<string | null>`${carriers.nameEn}`.as('carrier_name_en'),
      startedOn: sql<string>`(SELECT min(${first.enteredOn}) FROM ${residencies} AS ${sql.identifier('first_stay')}
        WHERE ${first.ventureId} = ${ventures.id} AND ${first.stage} = 'incubating')`.as('started_on'),
      limitMonths: limitMonthsSql(ventures.industry).as('limit_months'),
    })
    .from(residencies)
    .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(
      and(
        isNull(residencies.leftOn),
        eq(residencies.stage, 'incubating'),
        carrierCondition(scope, residencies.carrierId),
        carrierId === undefined ? undefined : eq(residencies.carrierId, carrierId),
        onlyOverdue ? startedByCutoff : undefined,
      ),
    )
    .as('base');
  const endsOn = limitEndsOnSql(base.startedOn, base.limitMonths);
  return db
    .select({
      ventureId: base.ventureId,
      ventureName: base.ventureName,
      creditCode: base.creditCode,
      industry: base.industry,
      carrierId: base.carrierId,
      carrierName: base.carrierName,
      carrierNameEn: base.carrierNameEn,
      startedOn: base.startedOn,
      limitMonths: base.limitMonths,
      endsOn: sql<string>`${endsOn}`.as('ends_on'),
      status: limitStatusSql(endsOn, today).as('status'),
    })
    .from(base)
    .as('lim');
}

export type LimitAlertRow = {
  ventureId: number;
  ventureName: string;
  creditCode: string | null;
  industry: string;
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  incubationStartedOn: string;
  limitMonths: number;
  endsOn: string;
  /** Days from today to the end (negative once overdue). */
  daysLeft: number;
  status: LimitState;
};

/**
 * Ventures incubating in the scope's carriers against their incubation limit, most urgent
 * first. 'all' lists every tenant; 'due_soon' and 'overdue' only the alerts.
 */
export async function incubationLimitAlerts(
  db: DbOrTx,
  scope: Scope,
  today: string,
  p: { status: LimitAlertFilter; carrierId?: number; page: number; pageSize: number },
): Promise<{ rows: LimitAlertRow[]; total: number }> {
  const lim = limitRows(db, scope, today, p.carrierId, p.status === 'overdue');
  const where = p.status === 'all' ? undefined : eq(lim.status, p.status);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ventureId: lim.ventureId,
        ventureName: lim.ventureName,
        creditCode: lim.creditCode,
        industry: lim.industry,
        carrierId: lim.carrierId,
        carrierName: lim.carrierName,
        carrierNameEn: lim.carrierNameEn,
        incubationStartedOn: sql<string>`${lim.startedOn}::text`,
        limitMonths: sql<number>`${lim.limitMonths}::int`,
        endsOn: sql<string>`${lim.endsOn}::text`,
        daysLeft: sql<number>`(${lim.endsOn} - ${today}::date)::int`,
        status: lim.status,
      })
      .from(lim)
      .where(where)
      .orderBy(asc(lim.endsOn), asc(lim.ventureName), asc(lim.ventureId))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(lim).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, limitMonths: Number(r.limitMonths), daysLeft: Number(r.daysLeft) })), total: total?.n ?? 0 };
}

/** How many tenants are within the limit, due soon, or overdue: one grouped query. */
export async function incubationLimitCounts(db: DbOrTx, scope: Scope, today: string, opts: { carrierId?: number } = {}): Promise<Record<LimitState, number>> {
  const lim = limitRows(db, scope, today, opts.carrierId);
  const rows = await db.select({ status: lim.status, n: count() }).from(lim).groupBy(lim.status);
  const out: Record<LimitState, number> = { ok: 0, due_soon: 0, overdue: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * How many tenants are overdue: the count of incubationLimitCounts, found through the stays that
 * began by the last overdue start (partial indexes on incubating stays) rather than by the status
 * of every tenant of the network.
 */
export async function overdueIncubationCount(db: DbOrTx, scope: Scope, today: string, opts: { carrierId?: number } = {}): Promise<number> {
  const lim = limitRows(db, scope, today, opts.carrierId, true);
  const [row] = await db.select({ n: count() }).from(lim).where(eq(lim.status, 'overdue'));
  return Number(row?.n ?? 0);
}
