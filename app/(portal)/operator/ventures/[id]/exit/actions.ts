'use server';

import { endResidency } from '@/db/queries/ventures';
import { todayInShanghai } from '@/lib/domain/dates';
import { defineAction } from '@/lib/server/action';
import { residencyEndInput } from '@/lib/validation/residency';

/**
 * No revalidatePath here: it would re-render this page at once, whose open stay has just
 * changed, and replace the outcome the user needs to read. The lists and the venture page
 * are dynamic and read fresh data on the next visit.
 */
export const endStay = defineAction({
  roles: ['operator'],
  schema: residencyEndInput,
  run: (input, { db, actor, scope }) => {
    return endResidency(db, actor, scope, input, todayInShanghai());
  },
});
