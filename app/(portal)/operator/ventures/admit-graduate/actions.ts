'use server';

import { revalidatePath } from 'next/cache';
import { admitGraduate } from '@/db/queries/residencies';
import { todayInShanghai } from '@/lib/domain/dates';
import { residencyAction } from '@/lib/residency-action';
import { graduateAdmissionInput } from '@/lib/validation/residency';

export const admitGraduateAction = residencyAction({
  schema: graduateAdmissionInput,
  run: async (input, { db, actor, scope }) => {
    const entered = await admitGraduate(db, actor, scope, input, todayInShanghai());
    revalidatePath('/operator/ventures');
    revalidatePath('/operator');
    return entered;
  },
});
