import 'server-only';
import { and, asc, count, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Quarter } from '@/lib/domain/reporting';
import type { DbOrTx } from '../../client';
import { carriers, residencies, ventureReports, ventures } from '../../schema';
import { reportingQuarter } from './carriers';
import { incubationLimitAlerts, overdueIncubationCount, type LimitAlertRow } from '../ventures/limits';
import type { WarningType } from '@/lib/domain/network-lists';
import { reportOfQuarter, residentDuring } from '../reports/columns';

/**
 * The network-wide warning lists of the committee: tenants admitted with a rule warning,
 * incubations past their limit (limits.ts), and ventures without the reporting quarter's report
 * (the conditions of reports.ts listMissingReports, paged here). Each can be narrowed to one
 * carrier and is ordered by carrier, so a carrier's rows stand together. Committee only.
 */

const ALL = { kind: 'all' } as const;
type Page = { carrierId?: number; page: number; pageSize: number };

export type AdmissionWarningRow = {
  residencyId: number;
  ventureId: number;
  ventureName: string;
  creditCode: string | null;
  foundedOn: string | null;
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  enteredOn: string;
  warnings: string[];
};

const admissionWhere = (carrierId?: number) =>
  and(
    isNull(residencies.leftOn),
    sql`cardinality(${residencies.ruleWarnings}) > 0`,
    carrierId === undefined ? undefined : eq(residencies.carrierId, carrierId),
  );

/**
 * Current tenants admitted although a tenant rule was broken (the warnings recorded at admission).
 * The page is chosen on the stays and their carriers alone, and only its rows then read their
 * ventures (by id), so that the list never reads the network's ventures to sort them.
 */
export async function admissionWarningList(db: DbOrTx, p: Page): Promise<{ rows: AdmissionWarningRow[]; total: number }> {
  const where = admissionWhere(p.carrierId);
  const order = [asc(carriers.name), asc(residencies.enteredOn), asc(residencies.id)];
  const pageOfStays = db
    .select({ id: residencies.id })
    .from(residencies)
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(where)
    .orderBy(...order)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        residencyId: residencies.id,
        ventureId: ventures.id,
        ventureName: ventures.name,
        creditCode: ventures.creditCode,
        foundedOn: ventures.foundedOn,
        carrierId: carriers.id,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
        enteredOn: residencies.enteredOn,
        warnings: residencies.ruleWarnings,
      })
      .from(residencies)
      .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
      .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
      .where(inArray(residencies.id, pageOfStays))
      .orderBy(...order),
    db.select({ n: count() }).from(residencies).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Tenants past their incubation limit, across the network (limits.ts, with the committee's scope). */
export async function overdueIncubationList(db: DbOrTx, today: string, p: Page): Promise<{ rows: LimitAlertRow[]; total: number }> {
  return incubationLimitAlerts(db, ALL, today, { status: 'overdue', carrierId: p.carrierId, page: p.page, pageSize: p.pageSize });
}

export type MissingReportRow = {
  ventureId: number;
  ventureName: string;
  creditCode: string | null;
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  leftOn: string | null;
};

/** Stays during the quarter (in one carrier, or any) of a venture without the quarter's report. */
function missingWhere(db: DbOrTx, q: Quarter, carrierId?: number) {
  return and(
    residentDuring(q.year, q.quarter, carrierId === undefined ? sql`true` : eq(residencies.carrierId, carrierId)),
    notExists(
      db
        .select({ one: sql`1` })
        .from(ventureReports)
        .where(reportOfQuarter(q.year, q.quarter, residencies.ventureId)),
    ),
  );
}

/** Per venture and carrier, the stays during the quarter without the quarter's report (ventures are not read here). */
function missingBase(db: DbOrTx, q: Quarter, carrierId?: number) {
  return db
    .select({
      ventureId: sql<number>`${residencies.ventureId}`.as('venture_id'),
      carrierId: sql<number>`${carriers.id}`.as('carrier_id'),
      carrierName: sql<string>`${carriers.name}`.as('carrier_name'),
      carrierNameEn: sql<string | null>`${carriers.nameEn}`.as('carrier_name_en'),
      // The latest day it left the carrier, null while it is still there.
      leftOn: sql<string | null>`(CASE WHEN bool_or(${residencies.leftOn} IS NULL) THEN NULL ELSE max(${residencies.leftOn})::text END)`.as('left_on'),
    })
    .from(residencies)
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(missingWhere(db, q, carrierId))
    .groupBy(residencies.ventureId, carriers.id)
    .as('missing');
}

/**
 * Ventures resident in a carrier during the quarter without a report for it, by carrier and name.
 * The name the order needs is read per missing row by id (a subquery on ventures_pkey), the
 * other columns of a venture only for the page's rows: the network's ventures are never read whole.
 */
export async function missingReportList(db: DbOrTx, q: Quarter, p: Page): Promise<{ rows: MissingReportRow[]; total: number }> {
  const m = missingBase(db, q, p.carrierId);
  const nameOf = sql<string>`(SELECT ${ventures.name} FROM ${ventures} WHERE ${ventures.id} = ${m.ventureId})`;
  const onPage = db
    .select({
      ventureId: m.ventureId,
      ventureName: nameOf.as('venture_name'),
      carrierId: m.carrierId,
      carrierName: m.carrierName,
      carrierNameEn: m.carrierNameEn,
      leftOn: m.leftOn,
    })
    .from(m)
    .orderBy(asc(m.carrierName), asc(nameOf), asc(m.ventureId))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .as('on_page');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ventureId: onPage.ventureId,
        ventureName: onPage.ventureName,
        creditCode: ventures.creditCode,
        carrierId: onPage.carrierId,
        carrierName: onPage.carrierName,
        carrierNameEn: onPage.carrierNameEn,
        leftOn: onPage.leftOn,
      })
      .from(onPage)
      .innerJoin(ventures, eq(ventures.id, onPage.ventureId))
      .orderBy(asc(onPage.carrierName), asc(onPage.ventureName), asc(onPage.ventureId)),
    missingCount(db, q, p.carrierId),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * How many rows missingReportList has: the pairs of venture and carrier of missingBase, counted on
 * the stays alone (every stay has its carrier) and the quarter's reports by the
 * venture_reports_period_venture_idx index.
 */
function missingCount(db: DbOrTx, q: Quarter, carrierId?: number) {
  const pairs = db
    .selectDistinct({ ventureId: residencies.ventureId, carrierId: residencies.carrierId })
    .from(residencies)
    .where(missingWhere(db, q, carrierId))
    .as('missing');
  return db.select({ n: count() }).from(pairs);
}

/** How many rows each warning list has (for the tabs), with the reporting quarter. */
export async function warningCounts(db: DbOrTx, today: string, carrierId?: number): Promise<{ counts: Record<WarningType, number>; quarter: Quarter }> {
  const quarter = reportingQuarter(today);
  const [[admission], overdue, [missing]] = await Promise.all([
    db.select({ n: count() }).from(residencies).where(admissionWhere(carrierId)),
    overdueIncubationCount(db, ALL, today, { carrierId }),
    missingCount(db, quarter, carrierId),
  ]);
  return { counts: { admission: admission?.n ?? 0, overdue, missing_reports: missing?.n ?? 0 }, quarter };
}
