import 'server-only';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { GraduationCriterion } from '@/lib/domain/graduation';
import { notFound } from '@/lib/errors';
import type { GraduationStatus } from '@/lib/domain/vocabulary';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { carriers, graduationFiles, graduations, users, ventures } from '../../schema';
import { carrierCondition } from '../shared/scope';

export type { GraduationStatus };

/** What the operator's list and the committee's queue both show of a graduation. */
export type GraduationRowBase = {
  id: number;
  ventureId: number;
  ventureName: string;
  carrierId: number;
  carrierName: string;
  carrierNameEn: string | null;
  graduatedOn: string;
  evidence: string;
  status: GraduationStatus;
  rejectionReason: string | null;
  verifiedAt: Date | null;
  recordedByName: string | null;
  files: { id: number; fileName: string; sizeBytes: number }[];
};
export type GraduationListRow = GraduationRowBase & { criteria: GraduationCriterion[] };

/** The columns of GraduationRowBase but the recorder's name, on graduations joined with ventures and carriers. */
export function graduationRowColumns() {
  return {
    id: graduations.id,
    ventureId: graduations.ventureId,
    ventureName: ventures.name,
    carrierId: graduations.carrierId,
    carrierName: carriers.name,
    carrierNameEn: carriers.nameEn,
    graduatedOn: graduations.graduatedOn,
    evidence: graduations.evidence,
    status: graduations.status,
    rejectionReason: graduations.rejectionReason,
    verifiedAt: graduations.verifiedAt,
    files: graduationFilesSql(),
  };
}

/** The evidence files as selected by graduationFilesSql, parsed where the driver left a string. */
export const evidenceFiles = (files: GraduationRowBase['files'] | string): GraduationRowBase['files'] =>
  typeof files === 'string' ? JSON.parse(files) : files;

export type GraduationFilter = { status?: GraduationStatus; carrierId?: number; year?: number };

/** Graduations of the status, carrier and year asked for (each optional). */
export function graduationFilter(f: GraduationFilter): SQL | undefined {
  return and(
    f.status ? eq(graduations.status, f.status) : undefined,
    f.carrierId === undefined ? undefined : eq(graduations.carrierId, f.carrierId),
    f.year === undefined ? undefined : sql`extract(year FROM ${graduations.graduatedOn}) = ${f.year}`,
  );
}

/** A graduation's evidence files (id, name, size) as a JSON array, for a select; a string where the driver does not parse it. */
export function graduationFilesSql() {
  return sql<GraduationListRow['files'] | string>`(SELECT coalesce(json_agg(json_build_object(
      'id', ${graduationFiles.id}, 'fileName', ${graduationFiles.fileName}, 'sizeBytes', ${graduationFiles.sizeBytes})
      ORDER BY ${graduationFiles.id}), '[]'::json)
    FROM ${graduationFiles} WHERE ${graduationFiles.graduationId} = ${graduations.id})`;
}

/** Graduations recorded in the scope's carriers, newest first, with their verification status. */
export async function listGraduations(
  db: DbOrTx,
  scope: Scope,
  p: GraduationFilter & { page: number; pageSize: number },
): Promise<{ rows: GraduationListRow[]; total: number }> {
  const where = and(carrierCondition(scope, graduations.carrierId), graduationFilter(p));
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...graduationRowColumns(), criteria: graduations.criteria, recordedByName: users.name })
      .from(graduations)
      .innerJoin(ventures, eq(ventures.id, graduations.ventureId))
      .innerJoin(carriers, eq(carriers.id, graduations.carrierId))
      .leftJoin(users, eq(users.id, graduations.recordedBy))
      .where(where)
      .orderBy(desc(graduations.createdAt), desc(graduations.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(graduations).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, files: evidenceFiles(r.files) })), total: total?.n ?? 0 };
}

/** An evidence file of a graduation in the scope's carriers, for download. */
export async function graduationFile(db: DbOrTx, scope: Scope, fileId: number) {
  if (!Number.isSafeInteger(fileId) || fileId <= 0 || fileId > 2_147_483_647) throw notFound();
  const [file] = await db
    .select({
      id: graduationFiles.id,
      fileName: graduationFiles.fileName,
      mimeType: graduationFiles.mimeType,
      sizeBytes: graduationFiles.sizeBytes,
      sha256: graduationFiles.sha256,
      content: graduationFiles.content,
      carrierId: graduations.carrierId,
    })
    .from(graduationFiles)
    .innerJoin(graduations, eq(graduations.id, graduationFiles.graduationId))
    .where(and(eq(graduationFiles.id, fileId), carrierCondition(scope, graduations.carrierId)))
    .limit(1);
  if (!file) throw notFound();
  return file;
}
