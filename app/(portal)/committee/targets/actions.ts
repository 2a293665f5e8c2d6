'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createTarget, targetInput, updateTarget } from '@/db/queries/network';
import { defineAction } from '@/lib/server/action';
import { id, version } from '@/lib/validation/fields';

const blank = (v: unknown) => (v === '' ? undefined : v);
/** Ids within the database's integer range: anything larger is refused as invalid, not queried. */
const identity = z.object({
  targetId: z.preprocess(blank, id.optional()),
  version: z.preprocess(blank, version.optional()),
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
