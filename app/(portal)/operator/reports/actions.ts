'use server';

import { revalidatePath } from 'next/cache';
import { saveQuarterReports } from '@/db/queries/reports';
import { defineAction } from '@/lib/server/action';
import { todayInShanghai } from '@/lib/domain/dates';
import { quarterRowsInput } from '@/lib/validation/report-grid';

/**
 * Saves a quarter's rows (the whole grid, or one venture's form) in one transaction; a bad
 * cell anywhere saves nothing. Errors come back keyed `${rowIndex}.${field}`.
 */
export const saveQuarterAction = defineAction({
  roles: ['operator'],
  schema: quarterRowsInput,
  run: async (input, { db, actor, scope }) => {
    const result = await db.transaction((tx) => saveQuarterReports(tx, actor, scope, input, input.rows, todayInShanghai()));
    revalidatePath('/operator/reports', 'layout');
    return result;
  },
});
