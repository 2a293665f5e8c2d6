import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { openTestDatabase } from '../helpers/db';
import { ALL_CASES } from './isolation/all-cases';
import { buildIsolationWorld, type IsolationWorld } from './isolation/world';

/**
 * Operator A against carrier B, for every query function that a page, action or route handler
 * of the operator workspace calls. The cases live beside this file, one file per area; the
 * route table (isolation/routes.ts) ties every route file to the functions it calls.
 */

function isEmpty(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  if (typeof result === 'object') {
    const r = result as { rows?: unknown[]; total?: number };
    if (Array.isArray(r.rows)) return r.rows.length === 0 && (r.total === undefined || r.total === 0);
  }
  return false;
}

let handle: DatabaseHandle;
let world: IsolationWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  world = await buildIsolationWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('an operator cannot reach another carrier’s data', () => {
  it('has cases', () => {
    expect(ALL_CASES.length).toBeGreaterThan(0);
  });

  for (const c of ALL_CASES) {
    it(`${c.name} -> ${c.expect}`, async () => {
      const [before] = await handle.db.select({ n: count() }).from(auditLog);
      if (c.expect === 'notFound') {
        const error = await c.attempt(world).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('notFound');
      } else {
        expect(isEmpty(await c.attempt(world))).toBe(true);
      }
      const [after] = await handle.db.select({ n: count() }).from(auditLog);
      expect(after!.n).toBe(before!.n);
    });
  }
});
