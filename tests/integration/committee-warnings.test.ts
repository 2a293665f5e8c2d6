import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { admissionWarningList, missingReportList, overdueIncubationList, warningCounts } from '@/db/queries/network/warnings';
import { quarterEnd, quarterStart } from '@/lib/domain/reporting';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';
import { makeStay, type StaySpec } from '../helpers/committee-network-fixtures';

const TODAY = '2026-11-26';
const Q = { year: 2026, quarter: 3 };
let handle: DatabaseHandle;
const specs: Record<string, StaySpec[]> = {
  a: [
    { name: 'A1 超期', enteredOn: '2021-01-01', reports: [[2026, 3, false]] },
    { name: 'A2 生物医药未超期', enteredOn: '2021-12-01', industry: 'biomedicine', ruleWarnings: ['founded_over_24_months'] },
    { name: 'A3 生物医药超期', enteredOn: '2021-06-01', industry: 'biomedicine', reports: [[2026, 3, true]] },
    { name: 'A4 已迁出', enteredOn: '2020-01-01', leftOn: '2026-07-20', ruleWarnings: ['founded_after_entry'] },
  ],
  b: [
    { name: 'B1 警示', enteredOn: '2026-02-01', ruleWarnings: ['founded_over_24_months'], reports: [[2026, 3, false]] },
    { name: 'B2 未报', enteredOn: '2026-02-01' },
    { name: 'B3 季度后入驻', enteredOn: '2026-10-10' },
  ],
};
const ids: Record<string, number> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const key of Object.keys(specs)) {
    const c = await makeCarrier(handle.db, 'incubator', { name: `预警测试载体${key.toUpperCase()}` });
    ids[key] = c.id;
    for (const s of specs[key]!) await makeStay(handle.db, c.id, s);
  }
});

afterAll(async () => handle?.close());

/** What each list should hold, computed from the specs. */
function expectedNames(kind: 'admission' | 'overdue' | 'missing', key?: string): string[] {
  const keys = key ? [key] : Object.keys(specs);
  return keys.flatMap((k) =>
    specs[k]!.filter((s) => {
      if (kind === 'admission') return !s.leftOn && (s.ruleWarnings ?? []).length > 0;
      if (kind === 'overdue')
        return !s.leftOn && incubationLimitStatus({ industry: s.industry ?? 'software', incubationStartedOn: s.enteredOn, today: TODAY }).status === 'overdue';
      const resident = s.enteredOn <= quarterEnd(Q.year, Q.quarter) && (!s.leftOn || s.leftOn >= quarterStart(Q.year, Q.quarter));
      return resident && !(s.reports ?? []).some(([y, q]) => y === Q.year && q === Q.quarter);
    }).map((s) => s.name),
  );
}

describe('network warnings', () => {
  const page = { page: 1, pageSize: 25 };

  it('lists current tenants admitted with a rule warning, by carrier', async () => {
    const all = await admissionWarningList(handle.db, page);
    expect(all.rows.map((r) => r.ventureName)).toEqual(expectedNames('admission'));
    expect(all.total).toBe(expectedNames('admission').length);
    const b = await admissionWarningList(handle.db, { ...page, carrierId: ids.b });
    expect(b.rows.map((r) => [r.ventureName, r.warnings])).toEqual([['B1 警示', ['founded_over_24_months']]]);
  });

  it('lists overdue incubations across the network with the limits of limits.ts', async () => {
    const all = await overdueIncubationList(handle.db, TODAY, page);
    expect(all.rows.map((r) => r.ventureName).sort()).toEqual(expectedNames('overdue').sort());
    expect(all.rows.every((r) => r.daysLeft < 0)).toBe(true);
    expect((await overdueIncubationList(handle.db, TODAY, { ...page, carrierId: ids.b })).total).toBe(0);
  });

  it('lists ventures without the last closed quarter report, including one that left during it', async () => {
    const all = await missingReportList(handle.db, Q, page);
    expect(all.rows.map((r) => r.ventureName)).toEqual(expectedNames('missing'));
    const left = all.rows.find((r) => r.ventureName === 'A4 已迁出');
    expect(left?.leftOn).toBe('2026-07-20');
    const b = await missingReportList(handle.db, Q, { ...page, carrierId: ids.b });
    expect(b.rows.map((r) => r.ventureName)).toEqual(expectedNames('missing', 'b'));
    const paged = await missingReportList(handle.db, Q, { page: 2, pageSize: 1 });
    expect(paged.rows).toHaveLength(1);
    expect(paged.total).toBe(expectedNames('missing').length);
  });

  it('counts each list for the tabs', async () => {
    const { counts, quarter } = await warningCounts(handle.db, TODAY);
    expect(quarter).toEqual(Q);
    expect(counts).toEqual({
      admission: expectedNames('admission').length,
      overdue: expectedNames('overdue').length,
      missing_reports: expectedNames('missing').length,
    });
    const onlyA = await warningCounts(handle.db, TODAY, ids.a);
    expect(onlyA.counts.missing_reports).toBe(expectedNames('missing', 'a').length);
  });
});
