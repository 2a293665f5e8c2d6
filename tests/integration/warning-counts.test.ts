import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { operatorDashboard } from '@/db/queries/carriers';
import { incubationLimitAlerts, incubationLimitCounts, overdueIncubationCount, overdueStartCutoffSql } from '@/db/queries/ventures/limits';
import { openResidency, openResidencyOn, ventureBelongsTo, ventureHistory } from '@/db/queries/ventures/scope';
import { residencies, ventures } from '@/db/schema';
import { addDays, addMonths } from '@/lib/domain/dates';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import { VENTURE_STAGES } from '@/lib/domain/vocabulary';
import { makeCarrier } from '../helpers/fixtures';
import { addResidency, makeTenant } from '../helpers/graduation-fixtures';
import { openTestDatabase } from '../helpers/db';

/**
 * The counts that are found through indexes rather than by the status of every row: the overdue
 * incubations (through the stays begun by the last overdue start) and the operator's ventures by
 * stage (in two parts), each against the plain formulation on fixtures around their edges.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const ALL = { kind: 'all' } as const;
// Month ends, a leap day and an ordinary day.
const TODAYS = ['2026-11-26', '2028-02-29', '2027-02-28', '2025-03-01', '2026-08-31', '2026-12-31'];

describe('the last overdue start', () => {
  it('is the latest start that is overdue today in the shortest limit, and the next day is not', async () => {
    for (const today of TODAYS) {
      const { rows } = await handle.db.execute<{ cutoff: string }>(sql`SELECT (${overdueStartCutoffSql(today)})::text AS cutoff`);
      const cutoff = rows[0]!.cutoff;
      const status = (start: string) => incubationLimitStatus({ industry: 'software', incubationStartedOn: start, today }).status;
      expect([today, status(cutoff)]).toEqual([today, 'overdue']);
      expect([today, status(addDays(cutoff, 1))]).not.toEqual([today, 'overdue']);
    }
  });
});

describe('overdueIncubationCount', () => {
  it('counts what the status of every tenant counts, whatever the day', async () => {
    const carrier = await makeCarrier(handle.db, 'incubator');
    const other = await makeCarrier(handle.db, 'incubator');
    for (const today of TODAYS) {
      // Starts on each side of the 48- and 60-month ends, in both kinds of industry.
      for (const months of [48, 60]) {
        for (const shift of [-2, -1, 0, 1, 2]) {
          const start = addDays(addMonths(today, -months), shift);
          await makeTenant(handle.db, carrier.id, { enteredOn: start });
          await makeTenant(handle.db, carrier.id, { enteredOn: start, industry: 'biomedicine' });
          // Moved: the open stay is recent, the incubation began at the start in another incubator.
          const moved = await makeTenant(handle.db, carrier.id, { enteredOn: addMonths(today, -6) });
          await addResidency(handle.db, {
            ventureId: moved.id,
            carrierId: other.id,
            stage: 'incubating',
            enteredOn: start,
            leftOn: addMonths(today, -7),
            exitReason: 'moved',
          });
        }
      }
    }
    // A nursery stay before the limit does not start the incubation.
    const nursed = await makeTenant(handle.db, carrier.id, { enteredOn: '2026-01-01' });
    await addResidency(handle.db, {
      ventureId: nursed.id,
      carrierId: other.id,
      stage: 'nursery',
      enteredOn: '2015-01-01',
      leftOn: '2015-12-31',
      exitReason: 'moved',
    });

    for (const today of TODAYS) {
      const { rows } = await incubationLimitAlerts(handle.db, ALL, today, { status: 'all', page: 1, pageSize: 10_000 });
      const overdue = rows.filter(
        (r) => incubationLimitStatus({ industry: r.industry, incubationStartedOn: r.incubationStartedOn, today }).status === 'overdue',
      );
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThan(rows.length);
      const counted = await overdueIncubationCount(handle.db, ALL, today);
      expect([today, counted]).toEqual([today, overdue.length]);
      expect(counted).toBe((await incubationLimitCounts(handle.db, ALL, today)).overdue);
      expect(await overdueIncubationCount(handle.db, ALL, today, { carrierId: other.id })).toBe(0);
      const listed = await incubationLimitAlerts(handle.db, ALL, today, { status: 'overdue', page: 1, pageSize: 10_000 });
      expect([today, listed.total, listed.rows.map((r) => r.ventureId).sort()]).toEqual([today, overdue.length, overdue.map((r) => r.ventureId).sort()]);
    }
  });
});

describe('the operator dashboard’s ventures by stage', () => {
  it('counts each venture where the ownership rule of the ventures list puts it', async () => {
    const a = await makeCarrier(handle.db, 'incubator');
    const b = await makeCarrier(handle.db, 'incubator');
    const stay = (ventureId: number, carrierId: number, enteredOn: string, leftOn?: string, exitReason?: 'moved' | 'graduated' | 'failed') =>
      addResidency(handle.db, { ventureId, carrierId, stage: 'incubating', enteredOn, leftOn, exitReason });
    const left = async (
      carrierId: number,
      stage: 'graduated' | 'exited',
      current: number | null,
      stays: [number, string, string?, ('moved' | 'graduated' | 'failed')?][],
    ) => {
      const v = await makeTenant(handle.db, stays[0]![0], { enteredOn: stays[0]![1] });
      await handle.db.delete(residencies).where(eq(residencies.ventureId, v.id));
      for (const [c, from, to, why] of stays) await stay(v.id, c, from, to, why);
      await handle.db.update(ventures).set({ stage, currentCarrierId: current }).where(eq(ventures.id, v.id));
      return carrierId;
    };
    await makeTenant(handle.db, a.id);
    await makeTenant(handle.db, b.id);
    const movedOn = await makeTenant(handle.db, b.id, { enteredOn: '2025-01-01' });
    await stay(movedOn.id, a.id, '2023-01-01', '2024-12-31', 'moved');
    await left(a.id, 'graduated', a.id, [[a.id, '2021-01-01', '2025-01-01', 'graduated']]);
    await left(a.id, 'exited', null, [[a.id, '2021-01-01', '2025-01-01', 'failed']]);
    await left(b.id, 'exited', null, [
      [a.id, '2020-01-01', '2022-01-01', 'moved'],
      [b.id, '2022-01-01', '2025-06-01', 'failed'],
    ]);
    await left(b.id, 'graduated', null, [
      [b.id, '2019-01-01', '2020-01-01', 'moved'],
      [a.id, '2020-01-01', '2021-01-01', 'moved'],
      [b.id, '2021-01-01', '2024-01-01', 'graduated'],
    ]);

    for (const ids of [[a.id], [b.id], [a.id, b.id]]) {
      const history = ventureHistory(handle.db, ids);
      const home = sql<number>`coalesce(${ventures.currentCarrierId}, ${history.lastCarrierId})`;
      const expected = await handle.db
        .select({ carrierId: home, stage: ventures.stage, n: count() })
        .from(ventures)
        .leftJoin(openResidency, openResidencyOn)
        .leftJoin(history, eq(history.ventureId, ventures.id))
        .where(and(ventureBelongsTo(ids, history)))
        .groupBy(home, ventures.stage);
      const d = await operatorDashboard(handle.db, { kind: 'carriers', carrierIds: ids }, '2026-11-26');
      for (const c of d!.carriers) {
        const want = Object.fromEntries(VENTURE_STAGES.map((s) => [s, 0]));
        for (const r of expected.filter((e) => Number(e.carrierId) === c.id)) want[r.stage] = Number(r.n);
        expect([ids, c.id, c.byStage]).toEqual([ids, c.id, want]);
      }
      expect(d!.carriers.reduce((n, c) => n + Object.values(c.byStage).reduce((x, y) => x + y, 0), 0)).toBeGreaterThan(1);
    }
  });
});
