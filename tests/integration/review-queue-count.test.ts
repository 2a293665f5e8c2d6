/** The review queue's total: counted on the applications alone unless a filter needs the programme or the carrier. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { reviewQueue } from '@/db/queries/subsidies/applications';
import { openTestDatabase } from '../helpers/db';
import { ALL, TODAY, makeProgramme, makeSubsidyWorld, reviewedApplication, type SubsidyWorld } from '../helpers/subsidy-fixtures';

let handle: DatabaseHandle;
let w: SubsidyWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('the review queue’s total', () => {
  it('agrees with its rows for each filter, the programme’s year and the carrier’s zone among them', async () => {
    const thisYear = await makeProgramme(w.db, { year: 2026 });
    const nextYear = await makeProgramme(w.db, { year: 2027 });
    const ids = [
      (await reviewedApplication(w, thisYear.id)).id,
      (await reviewedApplication(w, thisYear.id)).id,
      (await reviewedApplication(w, nextYear.id)).id,
    ];
    const page = { page: 1, pageSize: 100 };
    const cases = [
      [{}, ids],
      [{ year: 2026 }, ids.slice(0, 2)],
      [{ year: 2027 }, ids.slice(2)],
      [{ year: 2027, zone: w.carrier.zone }, ids.slice(2)],
      [{ zone: w.carrier.zone }, ids],
      [{ zone: '不存在的片区' }, []],
      [{ year: 2025 }, []],
      [{ programId: thisYear.id, carrierId: w.carrier.id }, ids.slice(0, 2)],
    ] as const;
    for (const [filter, want] of cases) {
      const q = await reviewQueue(w.db, ALL, { ...filter, ...page }, TODAY);
      const mine = q.rows.filter((r) => ids.includes(r.id)).map((r) => r.id);
      expect([filter, mine.sort(), q.total]).toEqual([filter, [...want].sort(), q.rows.length]);
    }
  });
});
