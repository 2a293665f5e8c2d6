'use server';

import { revalidatePath } from 'next/cache';
import { createDraft } from '@/db/queries/subsidies';
import { defineAction } from '@/lib/server/action';
import { draftInput } from '@/lib/validation/subsidies';

/** Starts a draft for one of the operator's carriers or its ventures (checked by createDraft). */
export const createDraftAction = defineAction({
  roles: ['operator'],
  schema: draftInput,
  run: async (input, { db, actor, scope }) => {
    const { applicationId } = await createDraft(db, actor, scope, input);
    revalidatePath('/operator/applications');
    return { applicationId };
  },
});
