'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { addAttachment, deleteDraft, removeAttachment, submitApplication, updateDraft, withdrawApplication } from '@/db/queries/subsidies';
import { defineAction } from '@/lib/server/action';
import { todayInShanghai } from '@/lib/domain/dates';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { id, optionalText, version } from '@/lib/validation/fields';
import { draftUpdateInput, stepInput } from '@/lib/validation/subsidies';

/**
 * The operator's steps on one application. Each names the version the page showed; the query
 * refuses a stale one (conflict), another carrier's application (notFound) and a step the
 * workflow does not allow now.
 */
function changed(applicationId: number) {
  revalidatePath('/operator/applications');
  revalidatePath(`/operator/applications/${applicationId}`);
}

export const updateDraftAction = defineAction({
  roles: ['operator'],
  schema: draftUpdateInput,
  run: async (input, { db, actor, scope }) => {
    const result = await updateDraft(db, actor, scope, input, todayInShanghai());
    changed(input.applicationId);
    return result;
  },
});

export const deleteDraftAction = defineAction({
  roles: ['operator'],
  schema: stepInput,
  run: async (input, { db, actor, scope }) => {
    await deleteDraft(db, actor, scope, input, todayInShanghai());
    revalidatePath('/operator/applications');
    return null;
  },
});

/** The missing documents are named in the user's language rather than by their keys. */
async function withDocumentNames(errors: FieldErrors | undefined): Promise<FieldErrors | undefined> {
  if (!errors?.attachments) return errors;
  const [t, tList] = await Promise.all([getTranslations('documentTypes'), getTranslations('applications.programmes')]);
  const name = (key: string) => (t.has(key) ? t(key) : key);
  return {
    ...errors,
    attachments: errors.attachments.map((m) =>
      m.key === 'subsidyErrors.missingDocuments' && typeof m.params?.documents === 'string'
        ? { ...m, params: { ...m.params, documents: m.params.documents.split(', ').map(name).join(tList('listSeparator')) } }
        : m,
    ),
  };
}

export const submitApplicationAction = defineAction({
  roles: ['operator'],
  schema: stepInput,
  run: async (input, { db, actor, scope }) => {
    try {
      const result = await submitApplication(db, actor, scope, input, todayInShanghai());
      changed(input.applicationId);
      return result;
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid') throw new DomainError(e.code, await withDocumentNames(e.fieldErrors), e.message);
      throw e;
    }
  },
});

export const withdrawApplicationAction = defineAction({
  roles: ['operator'],
  schema: stepInput.extend({ comment: optionalText(2000) }),
  run: async (input, { db, actor, scope }) => {
    const result = await withdrawApplication(db, actor, scope, input, todayInShanghai());
    changed(input.applicationId);
    return result;
  },
});

const attachmentInput = z.object({
  applicationId: id,
  version,
  documentType: z.string().trim().min(1, 'required').max(60),
  // An empty file input still sends one nameless, empty file.
  file: z.instanceof(File, { message: 'required' }).refine((f) => f.size > 0 || f.name !== '', { message: 'required' }),
});

/** Adds one document; its type is judged from its first bytes by addAttachment. */
export const addAttachmentAction = defineAction({
  roles: ['operator'],
  schema: attachmentInput,
  run: async (input, { db, actor, scope }) => {
    const content = new Uint8Array(await input.file.arrayBuffer());
    const result = await addAttachment(
      db,
      actor,
      scope,
      { applicationId: input.applicationId, version: input.version, documentType: input.documentType, name: input.file.name, content },
      todayInShanghai(),
    );
    changed(input.applicationId);
    return result;
  },
});

export const removeAttachmentAction = defineAction({
  roles: ['operator'],
  schema: stepInput.extend({ attachmentId: id }),
  run: async (input, { db, actor, scope }) => {
    const result = await removeAttachment(db, actor, scope, input, todayInShanghai());
    changed(input.applicationId);
    return result;
  },
});
