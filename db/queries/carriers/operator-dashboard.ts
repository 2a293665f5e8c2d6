import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { parseIsoDate } from '@/lib/domain/dates';
import { lastClosedQuarter, type Quarter } from '@/lib/domain/reporting';
import { APPLICATION_STATUSES, CARRIER_KINDS, VENTURE_STAGES, type ApplicationStatus, type CarrierKind, type VentureStage } from '@/lib/domain/vocabulary';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { applications, carriers, graduations, residencies, ventures } from '../../schema';
import { graduationCandidates } from '../graduations/candidates';
import { incubationLimitCounts } from '../ventures/limits';
import { listMissingReports } from '../reports/reports';

export type DashboardCarrier = {
  id: number;
  name: string;
  kind: CarrierKind;
  incubationAreaM2: number;
  occupiedAreaM2: number;
  /** Occupied share of the incubation area in per cent (one decimal), null without an area. */
  occupancyPercent: number | null;
  byStage: Record<VentureStage, number>;
};

export type OperatorDashboard = {
  /** Every carrier the operator runs, for the selector. */
  carrierChoices: { id: number; name: string; kind: DashboardCarrier['kind'] }[];
  /** The carrier asked for, or null for all of them. */
  selectedCarrierId: number | null;
  /** The carriers shown: the one asked for, or all. */
  carriers: DashboardCarrier[];
  /** The kinds of the carriers shown, in the pipeline's order: which figures apply. */
  kinds: DashboardCarrier['kind'][];
  year: number;
  reportQuarter: Quarter;
  totals: {
    incubationAreaM2: number;
    occupiedAreaM2: number;
    occupancyPercent: number | null;
    byStage: Record<VentureStage, number>;
    admissionsThisYear: number;
    /** Nursery stays that ended this year because the team registered a company. */
    incorporatedThisYear: number;
    /** Nursery stays that ended this year otherwise (moved, left, failed, time up). */
    leftNurseryThisYear: number;
    graduationsVerifiedThisYear: number;
    graduationsPending: number;
    graduationCandidates: number;
    admissionWarnings: number;
    limitsDueSoon: number;
    limitsOverdue: number;
    missingReports: number;
  };
  applicationsByStatus: { status: ApplicationStatus; applications: number; requestedFen: number }[];
};

/**
 * The carriers' ventures by stage, per carrier: a venture counts at its current carrier, or
 * (graduated or exited, with no open stay) at the last one it was in. That is the ownership rule
 * of the ventures list (ventures/scope.ts ventureBelongsTo), so that each figure matches the list
 * it links to. It is read in two disjoint parts, each by an index and in the carriers' own rows:
 * the ventures whose current carrier is one of them (ventures_carrier_stage_idx), and among the
 * other ventures these carriers lived (residencies_carrier_open_idx, each venture then read by its
 * key), those that left from one of them. A row's carrier and stage may come from both parts.
 */
async function ventureStageCounts(db: DbOrTx, ids: number[]): Promise<{ carrierId: number; stage: VentureStage; n: number }[]> {
  const lived = db.selectDistinct({ ventureId: residencies.ventureId }).from(residencies).where(inArray(residencies.carrierId, ids)).as('lived');
  // Read by its key, one row per venture lived: a lateral lookup the planner keeps as one.
  const venture = db
    .select()
    .from(ventures)
    .where(sql`${ventures.id} = ${lived.ventureId}`)
    .limit(1)
    .as('ventures');
  const lastStay = db
    .select({ carrierId: sql<number>`${residencies.carrierId}`.as('last_carrier_id') })
    .from(residencies)
    .where(sql`${residencies.ventureId} = ${lived.ventureId}`)
    .orderBy(desc(residencies.enteredOn), desc(residencies.id))
    .limit(1)
    .as('last_stay');
  const home = sql<number>`coalesce(${ventures.currentCarrierId}, ${lastStay.carrierId})`;
  const openStay = sql`EXISTS (SELECT 1 FROM ${residencies} open_stay WHERE open_stay.venture_id = ${lived.ventureId} AND open_stay.left_on IS NULL)`;
  const [current, left] = await Promise.all([
    db
      .select({ carrierId: sql<number>`${ventures.currentCarrierId}`, stage: ventures.stage, n: count() })
      .from(ventures)
      .where(inArray(ventures.currentCarrierId, ids))
      .groupBy(ventures.currentCarrierId, ventures.stage),
    db
      .select({ carrierId: home, stage: ventures.stage, n: count() })
      .from(lived)
      .crossJoinLateral(venture)
      .crossJoinLateral(lastStay)
      .where(
        and(
          or(isNull(ventures.currentCarrierId), notInArray(ventures.currentCarrierId, ids)),
          sql`NOT ${openStay}`,
          inArray(ventures.stage, ['graduated', 'exited']),
          inArray(lastStay.carrierId, ids),
        ),
      )
      .groupBy(home, ventures.stage),
  ]);
  return [...current, ...left].map((r) => ({ carrierId: Number(r.carrierId), stage: r.stage, n: Number(r.n) }));
}

const percent = (used: number, total: number) => (total > 0 ? Math.round((used * 1000) / total) / 10 : null);
const emptyStages = () => Object.fromEntries(VENTURE_STAGES.map((s) => [s, 0])) as Record<VentureStage, number>;

/**
 * The operator's first page: for their carriers (or one of them), ventures by stage, space in
 * use, this year's admissions, the nursery teams that registered a company or left, graduations, graduation candidates, time-limit alerts,
 * missing reports of the last closed quarter and applications by status. A fixed number of
 * grouped queries, run side by side. Null when the operator runs no carrier, or the carrier
 * asked for is not theirs.
 */
export async function operatorDashboard(db: DbOrTx, scope: Scope, today: string, opts: { carrierId?: number } = {}): Promise<OperatorDashboard | null> {
  if (scope.kind !== 'carriers' || scope.carrierIds.length === 0) return null;
  if (opts.carrierId !== undefined && !scope.carrierIds.includes(opts.carrierId)) return null;
  const ids = opts.carrierId === undefined ? scope.carrierIds : [opts.carrierId];
  const narrowed: Scope = { kind: 'carriers', carrierIds: ids };
  const year = parseIsoDate(today).y;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const reportQuarter = lastClosedQuarter(today);

  const [carrierRows, occupiedRows, stageRows, [counts], limits, candidates, missing, apps] = await Promise.all([
    db
      .select({ id: carriers.id, name: carriers.name, kind: carriers.kind, incubationAreaM2: carriers.incubationAreaM2 })
      .from(carriers)
      .where(inArray(carriers.id, scope.carrierIds))
      .orderBy(asc(carriers.kind), asc(carriers.name)),
    db
      .select({ carrierId: residencies.carrierId, areaM2: sql<number>`coalesce(sum(${residencies.areaM2}), 0)::int` })
      .from(residencies)
      .where(and(inArray(residencies.carrierId, ids), isNull(residencies.leftOn)))
      .groupBy(residencies.carrierId),
    ventureStageCounts(db, ids),
    db
      .select({
        admissions: sql<number>`(SELECT count(DISTINCT ${residencies.ventureId})::int FROM ${residencies} WHERE ${and(
          inArray(residencies.carrierId, ids),
          gte(residencies.enteredOn, yearStart),
          lte(residencies.enteredOn, yearEnd),
        )})`,
        incorporated: sql<number>`(SELECT count(*)::int FROM ${residencies} WHERE ${and(
          inArray(residencies.carrierId, ids),
          eq(residencies.stage, 'nursery'),
          eq(residencies.exitReason, 'incorporated'),
          gte(residencies.leftOn, yearStart),
          lte(residencies.leftOn, yearEnd),
        )})`,
        leftNursery: sql<number>`(SELECT count(*)::int FROM ${residencies} WHERE ${and(
          inArray(residencies.carrierId, ids),
          eq(residencies.stage, 'nursery'),
          ne(residencies.exitReason, 'incorporated'),
          gte(residencies.leftOn, yearStart),
          lte(residencies.leftOn, yearEnd),
        )})`,
        verified: sql<number>`(SELECT count(*)::int FROM ${graduations} WHERE ${and(
          inArray(graduations.carrierId, ids),
          eq(graduations.status, 'verified'),
          gte(graduations.graduatedOn, yearStart),
          lte(graduations.graduatedOn, yearEnd),
        )})`,
        pending: sql<number>`(SELECT count(*)::int FROM ${graduations} WHERE ${and(inArray(graduations.carrierId, ids), eq(graduations.status, 'pending'))})`,
        warnings: sql<number>`(SELECT count(*)::int FROM ${residencies} WHERE ${and(
          inArray(residencies.carrierId, ids),
          isNull(residencies.leftOn),
          sql`cardinality(${residencies.ruleWarnings}) > 0`,
        )})`,
      })
      .from(sql`(SELECT 1) AS one`),
    incubationLimitCounts(db, narrowed, today),
    graduationCandidates(db, narrowed, today, { page: 1, pageSize: 1 }),
    listMissingReports(db, narrowed, reportQuarter),
    db
      .select({
        status: applications.status,
        applications: count(),
        requestedFen: sql<string>`coalesce(sum(${applications.requestedFen}), 0)`,
      })
      .from(applications)
      .where(inArray(applications.carrierId, ids))
      .groupBy(applications.status),
  ]);

  const occupied = new Map(occupiedRows.map((r) => [r.carrierId, Number(r.areaM2)]));
  const stages = new Map<number, Record<VentureStage, number>>();
  for (const r of stageRows) {
    const byStage = stages.get(Number(r.carrierId)) ?? emptyStages();
    byStage[r.stage] += Number(r.n);
    stages.set(Number(r.carrierId), byStage);
  }
  const shown: DashboardCarrier[] = carrierRows
    .filter((c) => ids.includes(c.id))
    .map((c) => {
      const used = occupied.get(c.id) ?? 0;
      return { ...c, occupiedAreaM2: used, occupancyPercent: percent(used, c.incubationAreaM2), byStage: stages.get(c.id) ?? emptyStages() };
    });
  const area = shown.reduce((s, c) => s + c.incubationAreaM2, 0);
  const used = shown.reduce((s, c) => s + c.occupiedAreaM2, 0);
  const byStage = emptyStages();
  for (const c of shown) for (const s of VENTURE_STAGES) byStage[s] += c.byStage[s];
  const statusOrder = APPLICATION_STATUSES;

  return {
    carrierChoices: carrierRows.map(({ id, name, kind }) => ({ id, name, kind })),
    selectedCarrierId: opts.carrierId ?? null,
    carriers: shown,
    kinds: CARRIER_KINDS.filter((k) => shown.some((c) => c.kind === k)),
    year,
    reportQuarter,
    totals: {
      incubationAreaM2: area,
      occupiedAreaM2: used,
      occupancyPercent: percent(used, area),
      byStage,
      admissionsThisYear: Number(counts?.admissions ?? 0),
      incorporatedThisYear: Number(counts?.incorporated ?? 0),
      leftNurseryThisYear: Number(counts?.leftNursery ?? 0),
      graduationsVerifiedThisYear: Number(counts?.verified ?? 0),
      graduationsPending: Number(counts?.pending ?? 0),
      graduationCandidates: candidates.total,
      admissionWarnings: Number(counts?.warnings ?? 0),
      limitsDueSoon: limits.due_soon,
      limitsOverdue: limits.overdue,
      missingReports: missing.length,
    },
    applicationsByStatus: apps
      .map((a) => ({ status: a.status, applications: Number(a.applications), requestedFen: Number(a.requestedFen) }))
      .sort((a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status)),
  };
}
