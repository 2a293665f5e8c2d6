'use server';

import { revalidatePath } from 'next/cache';
import { addBlacklistEntry, liftBlacklistEntry } from '@/db/queries/oversight';
import { defineAction } from '@/lib/server/action';
import { blacklistInput, liftInput } from '@/lib/validation/subsidies';

/** The blacklist's changes; an entry in force is flagged in the review queue and blocks approval and payment. */
function revalidate() {
  for (const path of ['/committee/blacklist', '/committee/applications', '/committee']) revalidatePath(path);
}

export const addBlacklistAction = defineAction({
  roles: ['committee'],
  schema: blacklistInput,
  run: async (input, { db, actor }) => {
    const r = await addBlacklistEntry(db, actor, input);
    revalidate();
    return r;
  },
});

export const liftBlacklistAction = defineAction({
  roles: ['committee'],
  schema: liftInput,
  run: async (input, { db, actor }) => {
    await liftBlacklistEntry(db, actor, input);
    revalidate();
    return { entryId: input.entryId };
  },
});
