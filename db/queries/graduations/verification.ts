import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CriterionResult, GraduationCriterion } from '@/lib/domain/graduation';
import type { GraduationStatus, VentureKind } from '@/lib/domain/vocabulary';
import type { DbOrTx } from '../../client';
import { carriers, graduations, users, ventureFinancings, ventureReports, ventures } from '../../schema';
import { assessGraduation, type GraduationFigures } from './facts';
import { evidenceFiles, graduationFilter, graduationRowColumns, type GraduationFilter, type GraduationRowBase } from './records';

/**
 * The committee's queue of recorded graduations (pending: oldest first; decided: newest decision first), each with the criteria the
 * venture's data supports today (evaluateGraduation, as when the operator recorded it) beside
 * those claimed. The verification and the rejection are in graduation-decisions.ts.
 * Committee only: callers check the role.
 */
export type GraduationQueueFilter = GraduationFilter;

export type GraduationQueueRow = GraduationRowBase & {
  ventureKind: VentureKind;
  ventureStage: string;
  ventureVersion: number;
  claimed: GraduationCriterion[];
  supported: GraduationCriterion[];
  evaluation: CriterionResult[];
  figures: GraduationFigures;
  recordedAt: Date;
  verifiedByName: string | null;
};

/** The ventures' graduation facts as of `today`: investment total and revenue per year, two grouped queries. */
async function factsOf(db: DbOrTx, ventureIds: number[], today: string) {
  if (ventureIds.length === 0) return { financing: new Map<number, number>(), revenue: new Map<number, Record<number, number>>() };
  const [fin, rev] = await Promise.all([
    db
      .select({ ventureId: ventureFinancings.ventureId, total: sql<string>`sum(${ventureFinancings.amountFen})` })
      .from(ventureFinancings)
      .where(and(inArray(ventureFinancings.ventureId, ventureIds), sql`${ventureFinancings.receivedOn} <= ${today}::date`))
      .groupBy(ventureFinancings.ventureId),
    db
      .select({ ventureId: ventureReports.ventureId, year: ventureReports.year, revenue: sql<string>`sum(${ventureReports.revenueFen})` })
      .from(ventureReports)
      .where(inArray(ventureReports.ventureId, ventureIds))
      .groupBy(ventureReports.ventureId, ventureReports.year),
  ]);
  const financing = new Map(fin.map((r) => [r.ventureId, Number(r.total)]));
  const revenue = new Map<number, Record<number, number>>();
  for (const r of rev) revenue.set(r.ventureId, { ...(revenue.get(r.ventureId) ?? {}), [r.year]: Number(r.revenue) });
  return { financing, revenue };
}

/**
 * The pending queue is a work queue: oldest record first. Decided graduations read newest
 * decision first, so that today's verification is at the top; in the list of every status the
 * pending ones (no decision yet) come before them.
 */
export function queueOrder(status: GraduationStatus | undefined) {
  if (status === 'pending') return [asc(graduations.createdAt), asc(graduations.id)];
  const pending = sql`${graduations.status} = 'pending'`;
  return [
    sql`${pending} DESC`,
    sql`(CASE WHEN ${pending} THEN ${graduations.createdAt} END) ASC`,
    sql`${graduations.verifiedAt} DESC NULLS LAST`,
    desc(graduations.createdAt),
    desc(graduations.id),
  ];
}

export async function graduationQueue(
  db: DbOrTx,
  today: string,
  f: GraduationQueueFilter & { page: number; pageSize: number },
): Promise<{ rows: GraduationQueueRow[]; total: number }> {
  const where = graduationFilter(f);
  const recorder = alias(users, 'recorder');
  const verifier = alias(users, 'verifier');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...graduationRowColumns(),
        ventureKind: ventures.kind,
        ventureStage: ventures.stage,
        ventureVersion: ventures.version,
        highTechCertNo: ventures.highTechCertNo,
        highTechCertOn: ventures.highTechCertOn,
        exitKind: ventures.exitKind,
        exitOn: ventures.exitOn,
        claimed: graduations.criteria,
        recordedAt: graduations.createdAt,
        recordedByName: recorder.name,
        verifiedByName: verifier.name,
      })
      .from(graduations)
      .innerJoin(ventures, eq(ventures.id, graduations.ventureId))
      .innerJoin(carriers, eq(carriers.id, graduations.carrierId))
      .leftJoin(recorder, eq(recorder.id, graduations.recordedBy))
      .leftJoin(verifier, eq(verifier.id, graduations.verifiedBy))
      .where(where)
      .orderBy(...queueOrder(f.status))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(graduations).where(where),
  ]);
  const { financing, revenue } = await factsOf(db, [...new Set(rows.map((r) => r.ventureId))], today);
  return {
    total: total?.n ?? 0,
    rows: rows.map((r) => {
      const { evaluation, figures } = assessGraduation(r, financing.get(r.ventureId) ?? 0, revenue.get(r.ventureId) ?? {}, today);
      return {
        id: r.id,
        ventureId: r.ventureId,
        ventureName: r.ventureName,
        ventureKind: r.ventureKind,
        ventureStage: r.ventureStage,
        ventureVersion: r.ventureVersion,
        carrierId: r.carrierId,
        carrierName: r.carrierName,
        carrierNameEn: r.carrierNameEn,
        graduatedOn: r.graduatedOn,
        claimed: r.claimed,
        supported: evaluation.filter((e) => e.met).map((e) => e.criterion),
        evaluation,
        figures,
        evidence: r.evidence,
        status: r.status,
        rejectionReason: r.rejectionReason,
        recordedAt: r.recordedAt,
        recordedByName: r.recordedByName,
        verifiedByName: r.verifiedByName,
        verifiedAt: r.verifiedAt,
        files: evidenceFiles(r.files),
      };
    }),
  };
}

/**
 * Years in which graduations were recorded, newest first, for the filter: from the earliest
 * graduation, each next year is the year of the first graduation after the one before
 * (graduations_graduated_idx), one probe per year however many graduations there are.
 */
export async function graduationYears(db: DbOrTx): Promise<number[]> {
  const { rows } = await db.execute<{ year: number }>(sql`
    WITH RECURSIVE years(y) AS (
      SELECT extract(year FROM min(${graduations.graduatedOn}))::int FROM ${graduations}
      UNION ALL
      SELECT (SELECT extract(year FROM min(later.graduated_on))::int FROM ${graduations} AS later
        WHERE later.graduated_on >= make_date(years.y + 1, 1, 1))
      FROM years WHERE years.y IS NOT NULL
    )
    SELECT y AS year FROM years WHERE y IS NOT NULL ORDER BY y DESC`);
  return rows.map((r) => Number(r.year));
}
