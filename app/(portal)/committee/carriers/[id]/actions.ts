'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateAccreditation } from '@/db/queries/network';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '@/lib/domain/vocabulary';
import { defineAction } from '@/lib/server/action';

const id = z.coerce.number().int().positive().max(2_147_483_647);

const accreditationInput = z.object({
  carrierId: id,
  version: id,
  kind: z.enum(CARRIER_KINDS),
  level: z.enum(CARRIER_LEVELS),
  status: z.enum(CARRIER_STATUSES),
});

/** The committee's change of a carrier's kind, level and status (never the operator's). */
export const saveAccreditationAction = defineAction({
  roles: ['committee'],
  schema: accreditationInput,
  run: async (data, { db, actor }) => {
    const r = await updateAccreditation(db, actor, data);
    revalidatePath('/committee/carriers');
    revalidatePath(`/committee/carriers/${data.carrierId}`);
    return r;
  },
});
