import { describe, expect, it } from 'vitest';
import { PROGRAM_CATEGORIES } from '@/lib/domain/vocabulary';
import { BENCH_OPERATOR_CARRIER, generateDistrict, sharedRows } from '../../scripts/bench-data';
import { DISTRICT, benchPlan, carrierKind, compareDatabaseUrl, networkKinds } from '../../scripts/bench-plan';

const TODAY = '2026-06-15';

function mix(kinds: string[]) {
  const n = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
  return { incubator: n('incubator'), nursery: n('nursery'), accelerator: n('accelerator') };
}

describe('the benchmark network at a scale', () => {
  it('has the same mix of carrier kinds at every scale: 71 incubators, 49 nurseries and 30 accelerators in 150', () => {
    const district = { incubator: 71 / 150, nursery: 49 / 150, accelerator: 30 / 150 };
    for (const scale of [1, 2, 10, 50]) expect(mix(networkKinds(scale))).toEqual(district);
    expect([0, 1, 49, 50, 119, 120, 149, 150, 151].map(carrierKind)).toEqual([
      'incubator',
      'nursery',
      'nursery',
      'incubator',
      'incubator',
      'accelerator',
      'accelerator',
      'incubator',
      'nursery',
    ]);
  });

  it('multiplies carriers, ventures and applications by the scale; programmes and the operator’s carrier stay', () => {
    const categories = PROGRAM_CATEGORIES.length;
    expect(benchPlan(1, categories)).toEqual({
      scale: 1,
      districts: 1,
      carriers: 150,
      ventures: 6_000,
      applications: 3_000,
      programmes: 10 * categories,
      budgetFactor: 1,
      bigCarrierTenants: 450,
    });
    expect(benchPlan(10, categories)).toMatchObject({ carriers: 1_500, ventures: 60_000, applications: 30_000, programmes: 10 * categories });
    expect(benchPlan(50, categories)).toMatchObject({ carriers: 7_500, ventures: 300_000, applications: 150_000, bigCarrierTenants: 450 });
    expect(() => benchPlan(0, categories)).toThrow();
    expect(() => benchPlan(1.5, categories)).toThrow();
  });

  it('generates each district with that mix, ids after the previous district’s, and the large carrier only in the first', () => {
    const { programmes } = sharedRows({ today: TODAY, passwordHash: 'x', budgetFactor: 3 });
    expect(programmes.every((p) => p.budgetFen === 3 * 5_000 * 1_000_000)).toBe(true);
    const first = generateDistrict(0, { today: TODAY, programmes });
    const third = generateDistrict(2, { today: TODAY, programmes });
    for (const d of [first, third]) {
      expect(d.carriers).toHaveLength(DISTRICT.carriers);
      expect(d.ventures).toHaveLength(DISTRICT.ventures);
      expect(d.applications).toHaveLength(DISTRICT.applications);
      expect(mix(d.carriers.map((c) => c.kind))).toEqual(mix(networkKinds(1)));
      expect(d.reports.length).toBeGreaterThan(50_000);
    }
    expect(third.carriers.map((c) => c.id)).toEqual(Array.from({ length: 150 }, (_, i) => 301 + i));
    expect(Math.min(...third.ventures.map((v) => v.id!))).toBe(12_001);
    const carrierIds = new Set(third.carriers.map((c) => c.id));
    const ventureIds = new Set(third.ventures.map((v) => v.id));
    expect(third.residencies.every((st) => carrierIds.has(st.carrierId) && ventureIds.has(st.ventureId))).toBe(true);
    expect(third.applications.every((a) => carrierIds.has(a.carrierId) && (a.ventureId === null || ventureIds.has(a.ventureId)))).toBe(true);

    const tenants = (d: typeof first, id: number) => new Set(d.residencies.filter((st) => st.carrierId === id).map((st) => st.ventureId)).size;
    // Its 450 own ventures plus the share of an ordinary incubator; every other carrier is far smaller.
    expect(tenants(first, BENCH_OPERATOR_CARRIER)).toBe(508);
    const largestElsewhere = Math.max(...third.carriers.map((c) => tenants(third, c.id)), ...first.carriers.slice(1).map((c) => tenants(first, c.id)));
    expect(largestElsewhere).toBeLessThan(DISTRICT.bigCarrierTenants / 2);
  });

  it('names the compared database after the measured one', () => {
    expect(compareDatabaseUrl('postgres://postgres@127.0.0.1:55432/bench', 1)).toBe('postgres://postgres@127.0.0.1:55432/bench_s1');
    expect(compareDatabaseUrl('postgres://u:p@db:5432/portal?sslmode=disable', 2)).toBe('postgres://u:p@db:5432/portal_s2?sslmode=disable');
  });
});
