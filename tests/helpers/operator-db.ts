import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { openTestDatabase } from './db';
import { makeOperatorWithCarriers } from './residency-fixtures';

export type OperatorWithCarriers = Awaited<ReturnType<typeof makeOperatorWithCarriers>>;

/**
 * A fresh database for one test file with an operator running a carrier of each kind, opened
 * before the file's tests and closed after them. Read its fields inside tests and hooks.
 */
export function setUpOperatorDatabase(): { handle: DatabaseHandle; op: OperatorWithCarriers } {
  const env = {} as { handle: DatabaseHandle; op: OperatorWithCarriers };
  beforeAll(async () => {
    env.handle = await openTestDatabase();
    env.op = await makeOperatorWithCarriers(env.handle.db);
  });
  afterAll(async () => {
    await env.handle?.close();
  });
  return env;
}
