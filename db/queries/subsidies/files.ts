import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { writeAudit, type Actor } from '@/db/audit';
import { invalid, notFound, type FieldErrors } from '@/lib/errors';
import { MAX_EVIDENCE_FILE_BYTES, nameForType, safeFileName, sniffEvidenceType } from '@/lib/evidence-files';
import type { Scope } from '@/lib/roles';
import { isDocumentType } from '@/lib/validation/subsidies';
import type { Db, DbOrTx } from '../../client';
import { applications, attachments } from '../../schema';
import { advance, prepareStep } from './steps';
import { carrierCondition } from '../shared/scope';

/**
 * Documents of an application (PDF, PNG or JPEG told apart by their first bytes, at most
 * 10 MB), stored as bytea with their SHA-256. Adding or removing one is an edit of the
 * application: it needs the current version and bumps it.
 */
export type AttachmentInput = {
  applicationId: number;
  version: number;
  /** One of the programme's required document types, or another label of the applicant's. */
  documentType: string;
  name: string;
  content: Uint8Array;
};

function checkFile(input: AttachmentInput) {
  const errors: FieldErrors = {};
  const name = safeFileName(input.name, 'document');
  const documentType = input.documentType.trim();
  if (!isDocumentType(documentType)) errors.documentType = [{ key: 'subsidyErrors.documentTypeFormat' }];
  const size = input.content.byteLength;
  const mimeType = sniffEvidenceType(input.content);
  if (size === 0) errors.file = [{ key: 'subsidyErrors.fileEmpty', params: { name } }];
  else if (size > MAX_EVIDENCE_FILE_BYTES) errors.file = [{ key: 'subsidyErrors.fileTooLarge', params: { name, max: MAX_EVIDENCE_FILE_BYTES / 1024 / 1024 } }];
  else if (!mimeType) errors.file = [{ key: 'subsidyErrors.fileType', params: { name } }];
  if (Object.keys(errors).length || !mimeType) throw invalid(errors);
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, size);
  return {
    fileName: nameForType(input.name, 'document', mimeType),
    mimeType,
    sizeBytes: size,
    sha256: createHash('sha256').update(content).digest('hex'),
    documentType,
    content,
  };
}

/** Returns the name the file is stored under (cleaned, with the extension of its type). */
export async function addAttachment(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: AttachmentInput,
  today: string,
): Promise<{ attachmentId: number; version: number; fileName: string }> {
  // Checked and hashed before the transaction, which then stays short.
  const file = checkFile(input);
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'edit', { today });
    const version = await advance(tx, row, {});
    const [saved] = await tx
      .insert(attachments)
      .values({ applicationId: row.id, ...file, uploadedBy: actor.userId })
      .returning({ id: attachments.id });
    const { content: _content, ...meta } = file;
    await writeAudit(tx, actor, {
      action: 'attachment.add',
      entity: 'attachment',
      entityId: saved!.id,
      carrierId: row.carrierId,
      after: { applicationId: row.id, ...meta },
    });
    return { attachmentId: saved!.id, version, fileName: file.fileName };
  });
}

export async function removeAttachment(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: { applicationId: number; version: number; attachmentId: number },
  today: string,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'edit', { today });
    const gone = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, input.attachmentId), eq(attachments.applicationId, row.id)))
      .returning({ id: attachments.id, fileName: attachments.fileName, sha256: attachments.sha256, documentType: attachments.documentType });
    if (gone.length === 0) throw notFound();
    const version = await advance(tx, row, {});
    await writeAudit(tx, actor, {
      action: 'attachment.remove',
      entity: 'attachment',
      entityId: input.attachmentId,
      carrierId: row.carrierId,
      before: { applicationId: row.id, ...gone[0] },
    });
    return { version };
  });
}

/** One attachment with its content, for the download route; another carrier's is notFound. */
export async function attachmentFile(db: DbOrTx, scope: Scope, attachmentId: number) {
  const [f] = await db
    .select({
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      content: attachments.content,
      carrierId: applications.carrierId,
    })
    .from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.id, attachmentId), carrierCondition(scope, applications.carrierId)));
  if (!f) throw notFound();
  return f;
}
