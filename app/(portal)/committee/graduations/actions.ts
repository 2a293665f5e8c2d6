'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { rejectGraduation, verifyGraduation } from '@/db/queries/graduations';
import { defineAction } from '@/lib/server/action';
import { requiredText } from '@/lib/validation/fields';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const decision = { graduationId: id, ventureVersion: id.optional() };

function revalidate() {
  for (const path of ['/committee/graduations', '/committee/carriers', '/committee']) revalidatePath(path);
}

/** The committee verifies a recorded graduation. */
export const verifyGraduationAction = defineAction({
  roles: ['committee'],
  schema: z.object(decision),
  run: async (input, { db, actor }) => {
    await verifyGraduation(db, actor, input);
    revalidate();
    return { graduationId: input.graduationId };
  },
});

/** The committee rejects a recorded graduation with a reason; the venture becomes a tenant again. */
export const rejectGraduationAction = defineAction({
  roles: ['committee'],
  schema: z.object({ ...decision, reason: requiredText(2000) }),
  run: async (input, { db, actor }) => {
    const r = await rejectGraduation(db, actor, input);
    revalidate();
    return r;
  },
});
