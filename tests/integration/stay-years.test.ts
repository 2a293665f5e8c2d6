import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { carrierStatistics } from '@/db/queries/network/statistics';
import { tenantStatisticsView } from '@/db/queries/network/statistics-view';
import { residencies, stayYearFigures, stayYearHorizon, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';

/**
 * stay_year_figures holds a stay still open up to its horizon year (docs/read-models.md); the
 * statistics of a later year, up to the next one, move the horizon on first, so that a tenant
 * admitted years ago and never touched since is counted in the new year's tables.
 */
let handle: DatabaseHandle;
let carrierId: number;
let ventureId: number;

const paging = { page: 1, pageSize: 10, flaggedPage: 1, flaggedPageSize: 10, carrierErrors: 0, carrierWarnings: 0 };
const horizon = async () => (await handle.db.select().from(stayYearHorizon)).map((h) => h.year);
const yearsOf = async (id: number) =>
  (await handle.db.select({ year: stayYearFigures.year }).from(stayYearFigures).where(eq(stayYearFigures.ventureId, id))).map((r) => r.year).sort();

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  carrierId = (await makeCarrier(db, 'incubator', { name: '视野孵化器', operatingSince: '2015-01-01' })).id;
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name: '老租户',
      creditCode: buildCreditCode('91', '310115', 'H0000001'),
      industry: 'software',
      technicalField: '企业软件',
      foundedOn: '2020-01-01',
      stage: 'incubating',
      currentCarrierId: carrierId,
    })
    .returning();
  ventureId = v!.id;
  await db.insert(residencies).values({ ventureId, carrierId, stage: 'incubating', enteredOn: '2023-05-01', areaM2: 90 });
  // As a database whose horizon was set in 2024 and not moved since.
  await db.execute(sql`DELETE FROM stay_year_horizon`);
  await db.insert(stayYearHorizon).values({ year: 2024 });
  await db.execute(sql`SELECT summaries_refresh_stay_years(ARRAY[${ventureId}]::int[])`);
});
afterAll(async () => {
  await handle?.close();
});

describe('the horizon of the stays still open', () => {
  it('holds an open stay from its first year up to the horizon', async () => {
    expect(await yearsOf(ventureId)).toEqual([2023, 2024]);
  });

  it('moves on when a later year is asked for, and the untouched tenant is in that year’s tables', async () => {
    const view = await tenantStatisticsView(handle.db, { year: 2026, carrierId, today: '2026-08-01' }, paging);
    expect(view.total).toBe(1);
    expect(view.rows.map((r) => [r.name, r.enteredOn, r.residentAtYearEnd, r.quartersDue])).toEqual([['老租户', '2023-05-01', true, 2]]);
    // Q1 and Q2 were due by August and it filed nothing: one tenant without reports, an error.
    expect(view.errors).toBe(1);
    expect(await horizon()).toEqual([2026]);
    expect(await yearsOf(ventureId)).toEqual([2023, 2024, 2025, 2026]);
    const [row] = await carrierStatistics(handle.db, { year: 2025, carrierId, today: '2026-08-01' });
    expect(row).toMatchObject({ tenantsInYear: 1, tenantsAtYearEnd: 1, newTenants: 0, occupiedAreaM2: 90 });
  });

  it('goes no further than the year after today’s', async () => {
    await carrierStatistics(handle.db, { year: 2031, carrierId, today: '2026-08-01' });
    expect(await horizon()).toEqual([2027]);
    expect(await yearsOf(ventureId)).toEqual([2023, 2024, 2025, 2026, 2027]);
  });

  it('ends at the year a stay ends once it ends', async () => {
    await handle.db.update(residencies).set({ leftOn: '2025-03-01', exitReason: 'moved' }).where(eq(residencies.ventureId, ventureId));
    expect(await yearsOf(ventureId)).toEqual([2023, 2024, 2025]);
    const [row] = await carrierStatistics(handle.db, { year: 2025, carrierId, today: '2026-08-01' });
    expect(row).toMatchObject({ tenantsInYear: 1, tenantsAtYearEnd: 0, occupiedAreaM2: 0 });
  });
});
