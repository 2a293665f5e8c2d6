'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordGraduation } from '@/db/queries/graduations';
import { todayInShanghai } from '@/lib/domain/dates';
import { GRADUATION_CRITERIA } from '@/lib/domain/graduation';
import { defineAction } from '@/lib/server/action';
import { id, version } from '@/lib/validation/fields';

const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const recordInput = z.object({
  ventureId: id,
  version,
  // Date and evidence are checked by recordGraduation with everything else, so that one
  // submission reports every problem at once.
  graduatedOn: z.string().trim().default(''),
  criteria: z.preprocess(asList, z.array(z.enum(GRADUATION_CRITERIA, { message: 'choice' }))),
  evidence: z.string().max(10_000).default(''),
  // An empty file input still sends one nameless, empty file.
  files: z.preprocess(asList, z.array(z.instanceof(File, { message: 'invalid' }))).transform((files) => files.filter((f) => f.size > 0 || f.name !== '')),
});

/**
 * Records a graduation from the form: the files arrive as File objects and go on as bytes;
 * their type is judged from the bytes by recordGraduation. Refusals come back per field,
 * in the user's language (the shared validation messages or this area's own).
 */
export const recordGraduationAction = defineAction({
  roles: ['operator'],
  schema: recordInput,
  run: async (input, { db, actor, scope }) => {
    const files = await Promise.all(input.files.map(async (f) => ({ name: f.name, content: new Uint8Array(await f.arrayBuffer()) })));
    const { graduationId } = await recordGraduation(
      db,
      actor,
      scope,
      { ventureId: input.ventureId, version: input.version, graduatedOn: input.graduatedOn, criteria: input.criteria, evidence: input.evidence, files },
      todayInShanghai(),
    );
    for (const path of ['/operator', '/operator/graduations', '/operator/limits', '/operator/ventures']) revalidatePath(path);
    return { graduationId };
  },
});
