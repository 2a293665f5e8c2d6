'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markNotificationsRead } from '@/db/queries/notifications';
import { defineAction } from '@/lib/action';
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
