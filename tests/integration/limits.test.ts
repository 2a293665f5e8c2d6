import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { incubationLimitAlerts, incubationLimitCounts, limitEndsOnSql, limitMonthsSql, limitStatusSql } from '@/db/queries/ventures/limits';
import { residencies } from '@/db/schema';
import { addDays, addMonths } from '@/lib/domain/dates';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { makeTenant } from '../helpers/graduation-fixtures';
import { openTestDatabase } from '../helpers/db';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('the incubation limit in SQL', () => {
  it('agrees with incubationLimitStatus on the edge dates', async () => {
    const starts = ['2020-02-29', '2021-02-28', '2020-08-31', '2020-01-31', '2022-12-31', '2022-06-30', '2019-03-31', '2021-08-29'];
    const cases: { industry: string; startedOn: string; today: string }[] = [];
    for (const startedOn of starts) {
      for (const industry of ['software', 'biomedicine', 'integrated_circuits', 'modern_agriculture']) {
        const { endsOn } = incubationLimitStatus({ industry, incubationStartedOn: startedOn, today: startedOn });
        const warnFrom = addMonths(endsOn, -6);
        for (const today of [endsOn, addDays(endsOn, 1), addDays(endsOn, -1), warnFrom, addDays(warnFrom, -1), addDays(warnFrom, 1), startedOn]) {
          cases.push({ industry, startedOn, today });
        }
      }
    }
    const values = sql.join(
      cases.map((c, i) => sql`(${i}::int, ${c.industry}::text, ${c.startedOn}::date, ${c.today}::date)`),
      sql`, `,
    );
    const months = limitMonthsSql(sql`t.industry`);
    const endsOn = limitEndsOnSql(sql`t.started_on`, months);
    const { rows } = await handle.db.execute(sql`
      SELECT t.i AS i, ${months} AS months, ${endsOn}::text AS ends_on, ${limitStatusSql(endsOn, sql`t.today`)} AS status
      FROM (VALUES ${values}) AS t(i, industry, started_on, today) ORDER BY t.i`);
    expect(rows).toHaveLength(cases.length);
    const fromSql = (rows as { i: number; months: number; ends_on: string; status: string }[]).map((r) => ({
      limitMonths: Number(r.months),
      endsOn: r.ends_on,
      status: r.status,
    }));
    const pure = cases.map((c) => incubationLimitStatus({ industry: c.industry, incubationStartedOn: c.startedOn, today: c.today }));
    expect(fromSql).toEqual(pure);
    // The grid covers every status, and the leap-day start whose 60-month end is clamped to 28 February.
    expect(new Set(pure.map((p) => p.status))).toEqual(new Set(['ok', 'due_soon', 'overdue']));
    expect(incubationLimitStatus({ industry: 'biomedicine', incubationStartedOn: '2020-02-29', today: '2020-03-01' }).endsOn).toBe('2025-02-28');
  });
});

describe('incubationLimitAlerts', () => {
  const today = '2026-11-26';
  let world: Awaited<ReturnType<typeof build>>;

  async function build() {
    const op = await makeUser(handle.db, 'operator');
    const mine = await makeCarrier(handle.db, 'incubator');
    const second = await makeCarrier(handle.db, 'incubator');
    const other = await makeCarrier(handle.db, 'incubator');
    await bindOperator(handle.db, op.id, mine.id);
    await bindOperator(handle.db, op.id, second.id);
    // software: 48 months; ends on start + 48 months.
    const overdueByADay = await makeTenant(handle.db, mine.id, { name: '超期一天', enteredOn: '2022-11-25' });
    const endsToday = await makeTenant(handle.db, mine.id, { name: '今天到期', enteredOn: '2022-11-26' });
    const warnStarts = await makeTenant(handle.db, mine.id, { name: '今天进入预警', enteredOn: '2023-05-26' });
    const beforeWarning = await makeTenant(handle.db, mine.id, { name: '尚未预警', enteredOn: '2023-05-27' });
    const bio = await makeTenant(handle.db, second.id, { name: '生物医药超过48个月', industry: 'biomedicine', enteredOn: '2022-01-10' });
    // Counted from the first incubating stay, in another incubator.
    const moved = await makeTenant(handle.db, second.id, { name: '换过孵化器', enteredOn: '2025-01-01' });
    await handle.db
      .insert(residencies)
      .values({ ventureId: moved.id, carrierId: other.id, stage: 'incubating', enteredOn: '2021-06-01', leftOn: '2024-12-31', exitReason: 'moved' });
    const foreign = await makeTenant(handle.db, other.id, { name: '别家超期', enteredOn: '2015-01-01' });
    const scope = { kind: 'carriers' as const, carrierIds: [mine.id, second.id] };
    return { scope, mine, second, other, overdueByADay, endsToday, warnStarts, beforeWarning, bio, moved, foreign };
  }

  beforeAll(async () => {
    world = await build();
  });

  it('lists the overdue, most overdue first, from the first incubating stay', async () => {
    const { rows, total } = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'overdue', page: 1, pageSize: 10 });
    expect(rows.map((r) => r.ventureName)).toEqual(['换过孵化器', '超期一天']);
    expect(total).toBe(2);
    const moved = rows[0]!;
    expect(moved).toMatchObject({ incubationStartedOn: '2021-06-01', limitMonths: 48, endsOn: '2025-06-01', status: 'overdue' });
    expect(rows[1]).toMatchObject({ endsOn: '2026-11-25', daysLeft: -1 });
  });

  it('lists as due soon from six months ahead up to the last day', async () => {
    const { rows } = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'due_soon', page: 1, pageSize: 10 });
    expect(rows.map((r) => r.ventureName)).toEqual(['今天到期', '生物医药超过48个月', '今天进入预警']);
    expect(rows[0]).toMatchObject({ endsOn: today, daysLeft: 0 });
  });

  it('gives biomedicine 60 months', async () => {
    const { rows } = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'all', page: 1, pageSize: 10 });
    const bio = rows.find((r) => r.ventureId === world.bio.id)!;
    expect(bio).toMatchObject({ limitMonths: 60, endsOn: '2027-01-10', status: 'due_soon' });
    expect(rows.find((r) => r.ventureId === world.beforeWarning.id)).toMatchObject({ status: 'ok', endsOn: '2027-05-27' });
  });

  it('pages, counts and narrows to one carrier; never lists another operator’s tenants', async () => {
    const all = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'all', page: 1, pageSize: 10 });
    expect(all.total).toBe(6);
    expect(all.rows.some((r) => r.ventureId === world.foreign.id)).toBe(false);
    const page2 = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'all', page: 2, pageSize: 4 });
    expect(page2.rows.map((r) => r.ventureId)).toEqual(all.rows.slice(4).map((r) => r.ventureId));
    expect(await incubationLimitCounts(handle.db, world.scope, today)).toEqual({ ok: 1, due_soon: 3, overdue: 2 });
    expect(await incubationLimitCounts(handle.db, world.scope, today, { carrierId: world.second.id })).toEqual({ ok: 0, due_soon: 1, overdue: 1 });
    const outside = await incubationLimitAlerts(handle.db, world.scope, today, { status: 'all', carrierId: world.other.id, page: 1, pageSize: 10 });
    expect(outside).toEqual({ rows: [], total: 0 });
  });

  it('leaves out ventures that are no longer incubating', async () => {
    await handle.db.execute(sql`UPDATE residencies SET left_on = '2026-11-01', exit_reason = 'graduated' WHERE id = ${world.overdueByADay.residencyId}`);
    const counts = await incubationLimitCounts(handle.db, world.scope, today);
    expect(counts.overdue).toBe(1);
  });
});
