'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createProgramme, updateProgramme } from '@/db/queries/subsidies';
import { defineAction } from '@/lib/server/action';
import { id, version } from '@/lib/validation/fields';
import { programmeInput } from '@/lib/validation/subsidies';

const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** The form's shapes to the schema's: ticked boxes as lists. */
function fromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const o = { ...(raw as Record<string, unknown>) };
  o.eligibleKinds = asList(o.eligibleKinds);
  o.eligibleStages = asList(o.eligibleStages);
  o.requiredDocuments = asList(o.requiredDocuments);
  return o;
}

function revalidate(programId?: number) {
  for (const path of ['/committee/programmes', '/committee/applications', '/committee']) revalidatePath(path);
  if (programId) revalidatePath(`/committee/programmes/${programId}`);
}

export const createProgrammeAction = defineAction({
  roles: ['committee'],
  schema: z.preprocess(fromForm, programmeInput),
  run: async (input, { db, actor }) => {
    const r = await createProgramme(db, actor, input);
    revalidate();
    return r;
  },
});

export const updateProgrammeAction = defineAction({
  roles: ['committee'],
  schema: z.preprocess(fromForm, programmeInput.and(z.object({ programId: id, version }))),
  run: async (input, { db, actor }) => {
    const r = await updateProgramme(db, actor, input);
    revalidate(input.programId);
    return r;
  },
});
