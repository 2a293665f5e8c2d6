import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { operatorDashboard } from '@/db/queries/carriers/operator-dashboard';
import { openTestDatabase } from '../helpers/db';
import { cases } from './isolation/graduation.cases';
import { buildIsolationWorld, type IsolationWorld } from './isolation/world';

let handle: DatabaseHandle;
let w: IsolationWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await buildIsolationWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('graduations, limits and the dashboard: operator A on carrier B', () => {
  for (const c of cases) {
    it(c.name, async () => {
      if (c.expect === 'notFound') await expect(c.attempt(w)).rejects.toMatchObject({ code: 'notFound' });
      else {
        const r = (await c.attempt(w)) as { rows?: unknown[] } | unknown[] | null;
        const rows = r === null ? [] : Array.isArray(r) ? r : (r.rows ?? [r]);
        expect(rows).toEqual([]);
      }
    });
  }

  it('shows operator A only their own carrier on the dashboard', async () => {
    const d = await operatorDashboard(w.db, w.scopeA, '2026-11-26');
    expect(d!.carrierChoices.map((c) => c.id)).toEqual([w.carrierA]);
    expect(d!.carriers.map((c) => c.id)).toEqual([w.carrierA]);
  });
});
