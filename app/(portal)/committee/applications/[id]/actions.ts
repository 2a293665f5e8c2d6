'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { acceptApplication, decideApplication, inspectApplication, payApplication, returnToApplicant, reviewApplication } from '@/db/queries/subsidies';
import { defineAction } from '@/lib/server/action';
import { todayInShanghai } from '@/lib/domain/dates';
import { optionalText } from '@/lib/validation/fields';
import { decisionInput, inspectionInput, paymentInput, returnInput, reviewInput, stepInput } from '@/lib/validation/subsidies';

/**
 * The committee's steps on one application. Each form carries the version its page showed;
 * the queries refuse a stale one (conflict) and any step the workflow does not allow this
 * user (with the reason), so the pages only offer what is allowed and the server holds the line.
 */
function revalidate(applicationId: number) {
  for (const path of [`/committee/applications/${applicationId}`, '/committee/applications', '/committee/programmes', '/committee']) revalidatePath(path);
}

export const acceptAction = defineAction({
  roles: ['committee'],
  schema: stepInput.extend({ comment: optionalText(2000) }),
  run: async (input, { db, actor, scope }) => {
    const r = await acceptApplication(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});

export const returnAction = defineAction({
  roles: ['committee'],
  schema: returnInput,
  run: async (input, { db, actor, scope }) => {
    const r = await returnToApplicant(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});

export const reviewAction = defineAction({
  roles: ['committee'],
  schema: reviewInput,
  run: async (input, { db, actor, scope }) => {
    const r = await reviewApplication(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});

export const decideAction = defineAction({
  roles: ['committee'],
  schema: decisionInput,
  run: async (input, { db, actor, scope }) => {
    const r = await decideApplication(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});

export const payAction = defineAction({
  roles: ['committee'],
  schema: paymentInput,
  run: async (input, { db, actor, scope }) => {
    const r = await payApplication(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});

/** The inspection form names each indicator's fields `actual_<id>` and `met_<id>`; blank actuals are left out. */
function actualsFromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const o = { ...(raw as Record<string, unknown>) };
  const actuals: { indicatorId: string; actualValue: string; passed: boolean }[] = [];
  for (const [key, value] of Object.entries(o)) {
    const m = /^actual_(\d+)$/.exec(key);
    if (!m || typeof value !== 'string' || value.trim() === '') continue;
    actuals.push({ indicatorId: m[1]!, actualValue: value.trim(), passed: o[`met_${m[1]}`] === 'true' });
  }
  o.actuals = actuals;
  return o;
}

export const inspectAction = defineAction({
  roles: ['committee'],
  schema: z.preprocess(actualsFromForm, inspectionInput),
  run: async (input, { db, actor, scope }) => {
    const r = await inspectApplication(db, actor, scope, input, todayInShanghai());
    revalidate(input.applicationId);
    return r;
  },
});
