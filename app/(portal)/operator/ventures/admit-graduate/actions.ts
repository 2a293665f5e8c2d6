'use server';

import { revalidatePath } from 'next/cache';
import { admitGraduate } from '@/db/queries/ventures';
import { todayInShanghai } from '@/lib/domain/dates';
import { defineAction } from '@/lib/server/action';
import { graduateAdmissionInput } from '@/lib/validation/residency';

export const admitGraduateAction = defineAction({
  roles: ['operator'],
  schema: graduateAdmissionInput,
  run: async (input, { db, actor, scope }) => {
    const entered = await admitGraduate(db, actor, scope, input, todayInShanghai());
    revalidatePath('/operator/ventures');
    revalidatePath('/operator');
    return entered;
  },
});
