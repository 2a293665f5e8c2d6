import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { writeAuditEntries, type Actor } from '@/db/audit';
import { isIsoDate } from '@/lib/domain/dates';
import { GRADUATION_CRITERIA, type GraduationCriterion } from '@/lib/domain/graduation';
import { conflict, invalid, notFound, type FieldErrors } from '@/lib/errors';
import {
  MAX_EVIDENCE_FILE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_EVIDENCE_TOTAL_BYTES,
  nameForType,
  safeFileName,
  sniffEvidenceType,
  type EvidenceMime,
} from '@/lib/evidence-files';
import type { Scope } from '@/lib/roles';
import type { Db, DbOrTx } from '../../client';
import { graduationFiles, graduations, residencies, ventures } from '../../schema';
import { carrierCondition } from '../shared/scope';
import { incubatingVentureFacts, type GraduationCandidate } from './facts';

export type { GraduationCandidate, GraduationFigures, RevenueFigure } from './facts';
export { listGraduations, graduationFile, type GraduationListRow, type GraduationStatus } from './records';

/**
 * Ventures incubating in the scope's carriers that meet at least one graduation criterion,
 * with the figures behind them; those with a graduation waiting for verification are left out.
 */
export async function graduationCandidates(
  db: DbOrTx,
  scope: Scope,
  today: string,
  p: { carrierId?: number; page: number; pageSize: number },
): Promise<{ rows: GraduationCandidate[]; total: number }> {
  const facts = await incubatingVentureFacts(db, scope, today, { carrierId: p.carrierId, candidatesOnly: true });
  const candidates = facts.filter((f) => f.criteria.length > 0);
  const start = (p.page - 1) * p.pageSize;
  return { rows: candidates.slice(start, start + p.pageSize), total: candidates.length };
}

/** One venture incubating in the scope's carriers with its graduation facts, whether or not it qualifies. */
export async function graduationCandidate(db: DbOrTx, scope: Scope, ventureId: number, today: string): Promise<GraduationCandidate> {
  const [facts] = await incubatingVentureFacts(db, scope, today, { ventureId, candidatesOnly: false });
  if (!facts) throw notFound();
  return facts;
}

export type EvidenceFileInput = { name: string; content: Uint8Array };

export type RecordGraduationInput = {
  ventureId: number;
  graduatedOn: string;
  criteria: GraduationCriterion[];
  evidence: string;
  files: EvidenceFileInput[];
  /** The venture's version the form was loaded with; a newer one is a conflict. */
  version?: number;
};

type CheckedFile = { fileName: string; mimeType: EvidenceMime; sizeBytes: number; sha256: string; content: Buffer };

/** Evidence files: PDF, PNG or JPEG by their content, none empty, none over 10 MB, 25 MB together. */
function checkFiles(files: EvidenceFileInput[], errors: FieldErrors): CheckedFile[] {
  const out: CheckedFile[] = [];
  const add = (key: string, params: Record<string, string | number>) => (errors.files ??= []).push({ key, params });
  if (files.length > MAX_EVIDENCE_FILES) add('graduationErrors.tooManyFiles', { max: MAX_EVIDENCE_FILES });
  const total = files.reduce((sum, f) => sum + f.content.byteLength, 0);
  if (total > MAX_EVIDENCE_TOTAL_BYTES) add('graduationErrors.filesTooLarge', { max: MAX_EVIDENCE_TOTAL_BYTES / 1024 / 1024 });
  files.forEach((f, i) => {
    const name = safeFileName(f.name, `evidence-${i + 1}`);
    if (f.content.byteLength === 0) return add('graduationErrors.fileEmpty', { name });
    if (f.content.byteLength > MAX_EVIDENCE_FILE_BYTES) return add('graduationErrors.fileTooLarge', { name, max: MAX_EVIDENCE_FILE_BYTES / 1024 / 1024 });
    const mimeType = sniffEvidenceType(f.content);
    if (!mimeType) return add('graduationErrors.fileType', { name });
    const fileName = nameForType(f.name, `evidence-${i + 1}`, mimeType);
    const content = Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength);
    out.push({ fileName, mimeType, sizeBytes: content.byteLength, sha256: createHash('sha256').update(content).digest('hex'), content });
  });
  return out;
}

/**
 * Records an operator's graduation of a tenant, pending the committee's verification: the
 * criteria claimed must be among those the venture's data supports. In one transaction it
 * closes the incubating residency on the graduation day and moves the venture to 'graduated'
 * (it stays attached to the incubator it graduated from).
 */
export async function recordGraduation(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: RecordGraduationInput,
  today: string,
): Promise<{ graduationId: number; fileIds: number[] }> {
  if (scope.kind !== 'carriers') throw notFound();
  // Files are checked and hashed before the transaction, which then stays short.
  const fileErrors: FieldErrors = {};
  const files = checkFiles(input.files, fileErrors);
  return db.transaction(async (tx) => {
    const [facts] = await incubatingVentureFacts(tx, scope, today, { ventureId: input.ventureId, candidatesOnly: false });
    if (!facts) {
      // Still one of ours but no longer incubating: someone recorded or moved it meanwhile.
      const [ours] = await tx
        .select({ id: ventures.id })
        .from(ventures)
        .where(and(eq(ventures.id, input.ventureId), carrierCondition(scope, ventures.currentCarrierId)));
      throw ours ? conflict() : notFound();
    }
    if (facts.pendingGraduation) throw conflict();
    if (input.version !== undefined && input.version !== facts.version) throw conflict();

    const errors: FieldErrors = { ...fileErrors };
    const claimed = [...new Set(input.criteria)];
    if (claimed.length === 0) errors.criteria = [{ key: 'graduationErrors.noCriterion' }];
    for (const c of claimed) {
      if (!GRADUATION_CRITERIA.includes(c)) (errors.criteria ??= []).push({ key: 'choice' });
      else if (!facts.criteria.includes(c)) (errors.criteria ??= []).push({ key: 'graduationErrors.unsupportedCriterion', params: { criterion: c } });
    }
    if (!input.graduatedOn) errors.graduatedOn = [{ key: 'required' }];
    else if (!isIsoDate(input.graduatedOn)) errors.graduatedOn = [{ key: 'date' }];
    else if (input.graduatedOn > today) errors.graduatedOn = [{ key: 'dateInFuture' }];
    else if (input.graduatedOn < facts.enteredOn) {
      errors.graduatedOn = [{ key: 'graduationErrors.beforeResidency', params: { enteredOn: facts.enteredOn } }];
    }
    const evidence = input.evidence.trim();
    if (!evidence) errors.evidence = [{ key: 'required' }];
    else if (evidence.length > 4000) errors.evidence = [{ key: 'tooLong', params: { maximum: 4000 } }];
    if (Object.keys(errors).length > 0) throw invalid(errors);

    // The venture's row is the gate: of two operators recording at once, one wins.
    const [moved] = await tx
      .update(ventures)
      .set({ stage: 'graduated', version: sql`${ventures.version} + 1`, updatedAt: new Date() })
      .where(and(eq(ventures.id, facts.ventureId), eq(ventures.version, facts.version), eq(ventures.stage, 'incubating')))
      .returning({ version: ventures.version });
    if (!moved) throw conflict();
    const [closed] = await tx
      .update(residencies)
      .set({ leftOn: input.graduatedOn, exitReason: 'graduated', updatedAt: new Date() })
      .where(and(eq(residencies.id, facts.residencyId), sql`${residencies.leftOn} IS NULL`))
      .returning({ id: residencies.id });
    if (!closed) throw conflict();
    const [graduation] = await tx
      .insert(graduations)
      .values({
        ventureId: facts.ventureId,
        carrierId: facts.carrierId,
        graduatedOn: input.graduatedOn,
        criteria: claimed,
        evidence,
        recordedBy: actor.userId,
        status: 'pending',
      })
      .returning({ id: graduations.id });
    const graduationId = graduation!.id;
    const stored = files.length
      ? await tx
          .insert(graduationFiles)
          .values(files.map((f) => ({ ...f, graduationId, uploadedBy: actor.userId })))
          .returning({ id: graduationFiles.id })
      : [];

    const carrierId = facts.carrierId;
    await writeAuditEntries(tx, actor, [
      {
        action: 'graduation.record',
        entity: 'graduation',
        entityId: graduationId,
        carrierId,
        after: { ventureId: facts.ventureId, graduatedOn: input.graduatedOn, criteria: claimed, evidence, status: 'pending' },
      },
      ...files.map((f, i) => ({
        action: 'graduation_file.upload',
        entity: 'graduation_file',
        entityId: stored[i]!.id,
        carrierId,
        after: { graduationId, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256 },
      })),
      {
        action: 'residency.close',
        entity: 'residency',
        entityId: facts.residencyId,
        carrierId,
        before: { leftOn: null, exitReason: null },
        after: { leftOn: input.graduatedOn, exitReason: 'graduated' },
      },
      {
        action: 'venture.graduate',
        entity: 'venture',
        entityId: facts.ventureId,
        carrierId,
        before: { stage: 'incubating', version: facts.version },
        after: { stage: 'graduated', version: moved.version },
      },
    ]);
    return { graduationId, fileIds: stored.map((s) => s.id) };
  });
}
