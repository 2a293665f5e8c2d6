'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createTarget, targetInput, updateTarget } from '@/db/queries/network-targets';
import { defineAction } from '@/lib/action';

const identity = z.object({
  targetId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  version: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
});

/** Creates a target, or changes one when the form carries its id and the version it was read at. */
export const saveTargetAction = defineAction({
  roles: ['committee'],
  schema: targetInput.and(identity),
  run: async ({ targetId, version, ...input }, { db, actor }) => {
    const r =
      targetId === undefined
        ? { ...(await createTarget(db, actor, input)), version: 1 }
        : { targetId, ...(await updateTarget(db, actor, { ...input, targetId, version: version ?? 0 })) };
    revalidatePath('/committee/targets');
    revalidatePath('/committee');
    return r;
  },
});
