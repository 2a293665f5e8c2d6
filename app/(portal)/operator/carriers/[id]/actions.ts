'use server';

import { revalidatePath } from 'next/cache';
import { updateCarrierProfile } from '@/db/queries/carriers';
import { defineAction } from '@/lib/server/action';
import { carrierProfileInput } from '@/lib/validation/carrier';

/** Saves the operator's part of a carrier's profile, guarded by the version the form was loaded with. */
export const updateCarrierProfileAction = defineAction({
  roles: ['operator'],
  schema: carrierProfileInput,
  run: async (input, { db, actor, scope }) => {
    const result = await updateCarrierProfile(db, actor, scope, input);
    revalidatePath('/operator/carriers', 'layout');
    return result;
  },
});
