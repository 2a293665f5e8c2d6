'use server';

import { revalidatePath } from 'next/cache';
import { admitVentures, type AdmissionWarning } from '@/db/queries/ventures';
import { todayInShanghai } from '@/lib/domain/dates';
import { defineAction } from '@/lib/server/action';
import { admissionInput } from '@/lib/validation/venture';

/** Admits one venture through the same bulk path as the spreadsheet import. */
export const admitVenture = defineAction({
  roles: ['operator'],
  schema: admissionInput,
  field: (key) => key.replace(/^0\./, ''),
  run: async (input, { db, actor, scope }): Promise<{ ventureId: number; name: string; warnings: AdmissionWarning[] }> => {
    const [admitted] = await db.transaction((tx) => admitVentures(tx, actor, scope, [input], todayInShanghai()));
    revalidatePath('/operator/ventures');
    revalidatePath('/operator');
    return { ventureId: admitted!.ventureId, name: input.name, warnings: admitted!.warnings };
  },
});
