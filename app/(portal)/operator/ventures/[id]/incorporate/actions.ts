'use server';

import { incorporateTeam } from '@/db/queries/ventures';
import { todayInShanghai } from '@/lib/domain/dates';
import { defineAction } from '@/lib/server/action';
import { incorporationInput } from '@/lib/validation/residency';

/**
 * No revalidatePath here: it would re-render this page at once, whose open stay has just
 * changed, and replace the outcome the user needs to read. The lists and the venture page
 * are dynamic and read fresh data on the next visit.
 */
export const incorporate = defineAction({
  roles: ['operator'],
  schema: incorporationInput,
  run: (input, { db, actor, scope }) => {
    return incorporateTeam(db, actor, scope, input, todayInShanghai());
  },
});
