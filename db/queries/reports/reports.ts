import 'server-only';
import { and, asc, desc, eq, exists, inArray, notExists, sql } from 'drizzle-orm';
import { changedFields, writeAuditEntries, type Actor, type AuditInput } from '@/db/audit';
import { isLate } from '@/lib/domain/reporting';
import { invalid, notFound, conflict, type FieldErrors } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import { REPORT_FIELDS, type ReportField } from '@/lib/domain/report-figures';
import type { QuarterInput, ReportRowInput } from '@/lib/validation/report';
import type { DbOrTx, Tx } from '../../client';
import { carriers, residencies, ventureReports, ventures } from '../../schema';
import { figureColumns, figuresOf, reportOfQuarter, residentDuring, type ReportFiguresFen } from './columns';
import { assertCarrierInScope, assertOperatorOf, carrierCondition } from '../shared/scope';
import type { VentureKind } from '@/lib/domain/vocabulary';
import { pinyin } from '../shared/collation';

export type { QuarterInput, ReportRowInput, ReportFiguresFen };

/** The quarter of the missing-reports list: one carrier, or every carrier in scope. */
export type MissingReportsQuarter = { year: number; quarter: number; carrierId?: number };

export type QuarterGridRow = {
  ventureId: number;
  name: string;
  creditCode: string | null;
  kind: VentureKind;
  /** When the venture left the carrier during or after the quarter; null while it is still there. */
  leftOn: string | null;
  /** The quarter's report when this carrier filed it. */
  report: (ReportFiguresFen & { filedAt: Date; late: boolean }) | null;
  /** Filed by another carrier the venture was in during the quarter (its figures are not shown). */
  filedElsewhere: boolean;
};

async function gridRows(db: DbOrTx, q: QuarterInput, ventureId?: number): Promise<QuarterGridRow[]> {
  const resident = db
    .select({
      ventureId: residencies.ventureId,
      open: sql<boolean>`bool_or(${residencies.leftOn} IS NULL)`.as('open'),
      leftOn: sql<string | null>`max(${residencies.leftOn})`.as('left_on'),
    })
    .from(residencies)
    .where(
      residentDuring(
        q.year,
        q.quarter,
        and(eq(residencies.carrierId, q.carrierId), ventureId === undefined ? undefined : eq(residencies.ventureId, ventureId))!,
      ),
    )
    .groupBy(residencies.ventureId)
    .as('resident');
  const rows = await db
    .select({
      ventureId: ventures.id,
      name: ventures.name,
      creditCode: ventures.creditCode,
      kind: ventures.kind,
      open: resident.open,
      leftOn: resident.leftOn,
      reportCarrierId: ventureReports.carrierId,
      filedAt: ventureReports.filedAt,
      late: ventureReports.late,
      ...figureColumns,
    })
    .from(ventures)
    .innerJoin(resident, eq(resident.ventureId, ventures.id))
    .leftJoin(ventureReports, reportOfQuarter(q.year, q.quarter))
    .orderBy(pinyin(ventures.name), asc(ventures.id));
  return rows.map((r) => {
    const own = r.reportCarrierId === q.carrierId;
    return {
      ventureId: r.ventureId,
      name: r.name,
      creditCode: r.creditCode,
      kind: r.kind,
      leftOn: r.open ? null : r.leftOn,
      report: own && r.filedAt ? { ...figuresOf(r), filedAt: r.filedAt, late: r.late ?? false } : null,
      filedElsewhere: r.reportCarrierId !== null && !own,
    };
  });
}

/**
 * Every venture resident in the carrier at any time during the quarter, by name, with the
 * quarter's figures where this carrier has filed them. A carrier out of scope is notFound.
 */
export async function quarterGrid(db: DbOrTx, scope: Scope, quarter: QuarterInput): Promise<QuarterGridRow[]> {
  assertCarrierInScope(scope, quarter.carrierId);
  return gridRows(db, quarter);
}

/** One venture's row of the grid (the single-venture entry); notFound unless it was resident then. */
export async function quarterGridRow(db: DbOrTx, scope: Scope, quarter: QuarterInput, ventureId: number): Promise<QuarterGridRow> {
  assertCarrierInScope(scope, quarter.carrierId);
  const [row] = await gridRows(db, quarter, ventureId);
  if (!row) throw notFound();
  return row;
}

export type MissingReport = { ventureId: number; name: string; creditCode: string | null; carrierId: number; carrierName: string };

/**
 * Ventures resident during the quarter in the scope's carriers (or in one of them) that have no
 * report for the quarter at all; a carrier out of scope gives an empty list.
 */
export async function listMissingReports(db: DbOrTx, scope: Scope, quarter: MissingReportsQuarter): Promise<MissingReport[]> {
  const carrierFilter = and(
    carrierCondition(scope, residencies.carrierId),
    quarter.carrierId === undefined ? undefined : eq(residencies.carrierId, quarter.carrierId),
  )!;
  return db
    .selectDistinct({
      ventureId: ventures.id,
      name: ventures.name,
      creditCode: ventures.creditCode,
      carrierId: carriers.id,
      carrierName: carriers.name,
    })
    .from(residencies)
    .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(
      and(
        residentDuring(quarter.year, quarter.quarter, carrierFilter),
        notExists(
          db
            .select({ one: sql`1` })
            .from(ventureReports)
            .where(reportOfQuarter(quarter.year, quarter.quarter)),
        ),
      ),
    )
    .orderBy(asc(carriers.name), asc(ventures.name), asc(ventures.id));
}

/**
 * A venture that has been in one of the scope's carriers, with the reports those carriers filed
 * for it, the latest quarter first. A venture never in scope is notFound.
 */
export async function getVentureReports(db: DbOrTx, scope: Scope, ventureId: number) {
  const [venture] = await db
    .select({
      id: ventures.id,
      name: ventures.name,
      creditCode: ventures.creditCode,
      kind: ventures.kind,
      stage: ventures.stage,
      currentCarrierId: ventures.currentCarrierId,
    })
    .from(ventures)
    .where(
      and(
        eq(ventures.id, ventureId),
        exists(
          db
            .select({ one: sql`1` })
            .from(residencies)
            .where(and(eq(residencies.ventureId, ventures.id), carrierCondition(scope, residencies.carrierId))),
        ),
      ),
    )
    .limit(1);
  if (!venture) throw notFound();
  const reports = await db
    .select({
      id: ventureReports.id,
      year: ventureReports.year,
      quarter: ventureReports.quarter,
      carrierId: ventureReports.carrierId,
      carrierName: carriers.name,
      filedAt: ventureReports.filedAt,
      late: ventureReports.late,
      ...figureColumns,
    })
    .from(ventureReports)
    .innerJoin(carriers, eq(carriers.id, ventureReports.carrierId))
    .where(and(eq(ventureReports.ventureId, ventureId), carrierCondition(scope, ventureReports.carrierId)))
    .orderBy(desc(ventureReports.year), desc(ventureReports.quarter));
  return { venture, reports };
}

const UPSERT_CHUNK = 1000;

/**
 * Files or corrects a quarter's reports of one carrier, in the caller's transaction, in bulk:
 * a few statements whatever the number of rows. Every venture must have been resident in the
 * carrier during the quarter (else 'invalid' keyed `${index}.ventureId`). A first filing after
 * the due date is marked late; a later correction keeps the first filing's date and flag.
 * Unchanged rows are left alone; each changed report gets one audit entry.
 */
export async function saveQuarterReports(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  quarter: QuarterInput,
  rows: ReportRowInput[],
  today: string,
): Promise<{ saved: number }> {
  assertOperatorOf(scope, quarter.carrierId);
  if (rows.length === 0) return { saved: 0 };
  const { carrierId, year } = quarter;
  const q = quarter.quarter;
  const ids = [...new Set(rows.map((r) => r.ventureId))];

  const [resident, existing] = await Promise.all([
    tx
      .selectDistinct({ ventureId: residencies.ventureId })
      .from(residencies)
      .where(and(residentDuring(year, q, eq(residencies.carrierId, carrierId)), inArray(residencies.ventureId, ids))),
    tx
      .select({ id: ventureReports.id, ventureId: ventureReports.ventureId, carrierId: ventureReports.carrierId, ...figureColumns })
      .from(ventureReports)
      .where(and(inArray(ventureReports.ventureId, ids), eq(ventureReports.year, year), eq(ventureReports.quarter, q))),
  ]);
  const residentIds = new Set(resident.map((r) => r.ventureId));
  const existingByVenture = new Map(existing.map((r) => [r.ventureId, r]));

  const fieldErrors: FieldErrors = {};
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    const other = existingByVenture.get(row.ventureId);
    let key: string | null = null;
    if (!residentIds.has(row.ventureId)) key = 'reportErrors.notResident';
    else if (seen.has(row.ventureId)) key = 'reportErrors.duplicate';
    else if (other && other.carrierId !== carrierId) key = 'reportErrors.filedElsewhere';
    seen.add(row.ventureId);
    if (key) fieldErrors[`${index}.ventureId`] = [{ key }];
  });
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);

  const late = isLate(year, q, today);
  const changes: { row: ReportRowInput; before: ReportFiguresFen | null }[] = [];
  for (const row of rows) {
    const before = existingByVenture.get(row.ventureId);
    const beforeFigures = before ? figuresOf(before) : null;
    if (beforeFigures && Object.keys(changedFields(beforeFigures, figuresOf(row)).after).length === 0) continue;
    changes.push({ row, before: beforeFigures });
  }
  if (changes.length === 0) return { saved: 0 };

  const saved: { id: number; ventureId: number }[] = [];
  for (let i = 0; i < changes.length; i += UPSERT_CHUNK) {
    const chunk = changes.slice(i, i + UPSERT_CHUNK).map(({ row }) => ({
      ventureId: row.ventureId,
      carrierId,
      year,
      quarter: q,
      ...figuresOf(row),
      filedBy: actor.userId,
      late,
    }));
    const excluded = (f: ReportField) => sql.raw(`excluded.${ventureReports[f].name}`);
    saved.push(
      ...(await tx
        .insert(ventureReports)
        .values(chunk)
        .onConflictDoUpdate({
          target: [ventureReports.ventureId, ventureReports.year, ventureReports.quarter],
          set: { ...Object.fromEntries(REPORT_FIELDS.map((f) => [f, excluded(f)])), updatedAt: sql`now()` },
          // A report another carrier filed meanwhile is not taken over.
          setWhere: sql`${ventureReports.carrierId} = excluded.carrier_id`,
        })
        .returning({ id: ventureReports.id, ventureId: ventureReports.ventureId })),
    );
  }
  if (saved.length !== changes.length) throw conflict();

  const idByVenture = new Map(saved.map((s) => [s.ventureId, s.id]));
  const entries: AuditInput[] = changes.map(({ row, before }) => {
    const after = figuresOf(row);
    const diff = before ? changedFields(before, after) : { before: null, after: { ventureId: row.ventureId, year, quarter: q, ...after, late } };
    return {
      action: before ? 'report.correct' : 'report.file',
      entity: 'venture_report',
      entityId: idByVenture.get(row.ventureId)!,
      carrierId,
      before: diff.before,
      after: diff.after,
    };
  });
  await writeAuditEntries(tx, actor, entries);
  return { saved: changes.length };
}
