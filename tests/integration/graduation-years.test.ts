/** The committee's graduation filter offers every year with a graduation, of any status, newest first. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { graduationYears } from '@/db/queries/graduations';
import { graduations } from '@/db/schema';
import { makeCarrier } from '../helpers/fixtures';
import { makeTenant } from '../helpers/graduation-fixtures';
import { openTestDatabase } from '../helpers/db';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('graduationYears', () => {
  it('gives each year once, across year ends and gaps, and none without graduations', async () => {
    expect(await graduationYears(handle.db)).toEqual([]);
    const carrier = await makeCarrier(handle.db, 'incubator');
    const days = [
      ['2019-06-30', 'verified'],
      ['2021-01-01', 'pending'],
      ['2021-12-31', 'rejected'],
      ['2021-07-01', 'verified'],
      ['2026-12-31', 'pending'],
      ['2027-01-01', 'verified'],
    ] as const;
    for (const [graduatedOn, status] of days) {
      const v = await makeTenant(handle.db, carrier.id);
      await handle.db.insert(graduations).values({ ventureId: v.id, carrierId: carrier.id, graduatedOn, criteria: ['revenue'], evidence: '证明', status });
    }
    expect(await graduationYears(handle.db)).toEqual([2027, 2026, 2021, 2019]);
  });
});
