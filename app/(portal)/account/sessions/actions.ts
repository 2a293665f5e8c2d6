'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { endOtherOwnSessions, endOwnSession } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { ROLES } from '@/lib/roles';

const sessionRef = z.object({
  sessionId: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

/** A user ends one of their own sessions (the query only ever touches the caller's own). */
export const endSessionAction = defineAction({
  roles: [...ROLES],
  schema: sessionRef,
  run: async (input, { db, actor, user }) => {
    const r = await endOwnSession(db, actor, input.sessionId);
    revalidatePath('/account/sessions');
    return { ...r, current: input.sessionId === user.sessionId };
  },
});

/** A user ends every session of theirs but the one they are using. */
export const endOtherSessionsAction = defineAction({
  roles: [...ROLES],
  schema: z.object({}),
  run: async (_input, { db, actor, user }) => {
    const r = await endOtherOwnSessions(db, actor, user.sessionId);
    revalidatePath('/account/sessions');
    return r;
  },
});
