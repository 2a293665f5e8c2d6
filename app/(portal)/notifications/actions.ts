'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markNotificationsRead } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { id } from '@/lib/validation/fields';
import { ROLES } from '@/lib/roles';

/** Marks every notification of the signed-in user read (never anyone else's: the id is the session's), with its audit entry. */
export const markAllReadAction = defineAction({
  // Every signed-in user has notifications, the administrators included.
  roles: [...ROLES],
  schema: z.object({}),
  run: async (_input, { db, actor }) => {
    const changed = await markNotificationsRead(db, actor);
    revalidatePath('/notifications');
    return { changed };
  },
});

/**
 * Marks one notification of the signed-in user read, with its audit entry. Another user's id
 * changes nothing (the update is limited to the session's user), as does one already read.
 */
export const markReadAction = defineAction({
  roles: [...ROLES],
  schema: z.object({ notificationId: id }),
  run: async (input, { db, actor }) => {
    const changed = await markNotificationsRead(db, actor, [input.notificationId]);
    revalidatePath('/notifications');
    return { changed };
  },
});
