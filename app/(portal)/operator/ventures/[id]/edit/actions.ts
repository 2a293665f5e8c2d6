'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addFinancing, removeFinancing, updateVenture } from '@/db/queries/ventures';
import { defineAction } from '@/lib/server/action';
import { todayInShanghai } from '@/lib/domain/dates';
import { id, version } from '@/lib/validation/fields';
import { financingInput, ventureEditInput } from '@/lib/validation/venture';

/** The venture's pages (detail and edit) and the list show what changed. */
function refresh(ventureId: number) {
  revalidatePath(`/operator/ventures/${ventureId}`, 'layout');
  revalidatePath('/operator/ventures');
}

export const saveVenture = defineAction({
  roles: ['operator'],
  schema: ventureEditInput,
  run: async (input, ctx) => {
    const result = await updateVenture(ctx.db, ctx.actor, ctx.scope, input, todayInShanghai());
    refresh(input.ventureId);
    return { version: result.version };
  },
});

export const addVentureFinancing = defineAction({
  roles: ['operator'],
  schema: financingInput.extend({ version }),
  run: async (input, ctx) => {
    const result = await addFinancing(ctx.db, ctx.actor, ctx.scope, input, todayInShanghai());
    refresh(input.ventureId);
    return result;
  },
});

export const removeVentureFinancing = defineAction({
  roles: ['operator'],
  schema: z.object({ ventureId: id, financingId: id, version }),
  run: async (input, ctx) => {
    const result = await removeFinancing(ctx.db, ctx.actor, ctx.scope, input);
    refresh(input.ventureId);
    return result;
  },
});
