import { describe, expect, it } from 'vitest';
import { longestConsecutiveRun, nationalCheck, NATIONAL_2018, type NationalCriterion, type NationalFacts } from './national-check';

/** An incubator that meets every criterion exactly at its edge. */
const edge: NationalFacts = {
  operatingSince: '2023-06-15',
  statisticsYears: [2024, 2025],
  totalAreaM2: 10_000,
  incubationAreaM2: 8_000,
  publicServiceAreaM2: 1_000,
  occupiedAreaM2: 6_500, // (6,500 + 1,000) / 10,000 = 75 %
  seedFundFen: 500_000_000,
  tenants: 50,
  financedTenants: 5, // 10 %, and 5 cases
  professionalStaff: 8,
  totalStaff: 10, // 80 %
  mentors: 5, // 50 tenants need 5
  patentFiledTenants: 25, // 50 %
  validIpTenants: 0,
  topIndustryTenants: 10,
  graduates: 20,
  today: '2026-06-15',
};

const result = (f: NationalFacts, c: NationalCriterion) => nationalCheck(f).criteria.find((r) => r.criterion === c)!;

describe('nationalCheck', () => {
  it('passes every criterion at its edge', () => {
    const check = nationalCheck({ ...edge, tenants: 50, incubationAreaM2: 8_000 + 0 });
    // 50 tenants on 8,000 m² is 6.25 per 1,000 m²; all pass.
    expect(check.criteria.filter((c) => !c.pass)).toEqual([]);
    expect(check.eligible).toBe(true);
    expect(check.passed).toBe(14);
    expect(check.specialised).toBe(false);
  });

  it('operating years: three whole years pass, a day short fails with a gap of one year', () => {
    expect(result(edge, 'operatingYears')).toMatchObject({ value: 3, pass: true, gap: 0 });
    expect(result({ ...edge, today: '2026-06-14' }, 'operatingYears')).toMatchObject({ value: 2, pass: false, gap: 1 });
    expect(result({ ...edge, operatingSince: null }, 'operatingYears')).toMatchObject({ value: 0, pass: false, gap: 3 });
  });

  it('statistics: two consecutive years pass, two years with a gap between them do not', () => {
    expect(result(edge, 'statisticsYears').pass).toBe(true);
    expect(result({ ...edge, statisticsYears: [2022, 2024] }, 'statisticsYears')).toMatchObject({ value: 1, pass: false, gap: 1 });
    expect(longestConsecutiveRun([2019, 2021, 2022, 2023, 2025])).toBe(3);
    expect(longestConsecutiveRun([])).toBe(0);
  });

  it('area: 10,000 m² passes, 9,999 fails by one', () => {
    expect(result(edge, 'area').pass).toBe(true);
    expect(result({ ...edge, totalAreaM2: 9_999, incubationAreaM2: 7_999 }, 'area')).toMatchObject({ pass: false, gap: 1 });
  });

  it('usage: tenants and public service space at 75 % pass, one m² less fails', () => {
    expect(result(edge, 'usage')).toMatchObject({ value: 0.75, pass: true });
    expect(result({ ...edge, occupiedAreaM2: 6_499 }, 'usage')).toMatchObject({ pass: false, gap: 0.0001 });
    expect(result({ ...edge, totalAreaM2: 0 }, 'usage')).toMatchObject({ value: 0, pass: false });
  });

  it('seed fund: ¥5,000,000 passes, a fen less fails', () => {
    expect(result(edge, 'seedFund').pass).toBe(true);
    expect(result({ ...edge, seedFundFen: 499_999_999 }, 'seedFund')).toMatchObject({ pass: false, gap: 1 });
  });

  it('financing: 10 % of tenants financed and three fund cases pass; fewer fail', () => {
    expect(result(edge, 'financedShare')).toMatchObject({ value: 0.1, pass: true });
    expect(result({ ...edge, financedTenants: 4 }, 'financedShare')).toMatchObject({ value: 0.08, pass: false, gap: 0.02 });
    expect(result({ ...edge, financedTenants: 3 }, 'fundCases').pass).toBe(true);
    expect(result({ ...edge, financedTenants: 2 }, 'fundCases')).toMatchObject({ pass: false, gap: 1 });
  });

  it('staff: 80 % professional passes, 79 % fails; one professional and one mentor per ten tenants', () => {
    expect(result(edge, 'professionalShare').pass).toBe(true);
    expect(result({ ...edge, professionalStaff: 79, totalStaff: 100 }, 'professionalShare')).toMatchObject({ pass: false, gap: 0.01 });
    expect(result({ ...edge, professionalStaff: 0, totalStaff: 0 }, 'professionalShare').pass).toBe(false);
    // 51 tenants need 6 of each.
    expect(result({ ...edge, tenants: 51 }, 'professionalsPerTenants')).toMatchObject({ threshold: 6, pass: true });
    expect(result({ ...edge, tenants: 51 }, 'mentorsPerTenants')).toMatchObject({ value: 5, threshold: 6, pass: false, gap: 1 });
  });

  it('intellectual property: 50 % filed or 30 % valid; either suffices', () => {
    expect(result(edge, 'intellectualProperty').pass).toBe(true);
    expect(result({ ...edge, patentFiledTenants: 24, validIpTenants: 15 }, 'intellectualProperty')).toMatchObject({ value: 0.3, pass: true });
    expect(result({ ...edge, patentFiledTenants: 24, validIpTenants: 14 }, 'intellectualProperty')).toMatchObject({ value: 0.28, pass: false, gap: 0.02 });
  });

  it('size: 50 tenants, 3 per 1,000 m² and 20 graduates; one less fails', () => {
    expect(result({ ...edge, tenants: 49 }, 'tenants')).toMatchObject({ pass: false, gap: 1 });
    expect(result({ ...edge, tenants: 24, incubationAreaM2: 8_000 }, 'tenantDensity')).toMatchObject({ value: 3, pass: true });
    expect(result({ ...edge, tenants: 23, incubationAreaM2: 8_000 }, 'tenantDensity')).toMatchObject({ value: 2.875, pass: false, gap: 0.125 });
    expect(result({ ...edge, incubationAreaM2: 0 }, 'tenantDensity').pass).toBe(false);
    expect(result({ ...edge, graduates: 19 }, 'graduates')).toMatchObject({ pass: false, gap: 1 });
  });

  it('a specialised incubator (75 % of tenants in one industry) needs 30 tenants, 2 per 1,000 m², 15 graduates', () => {
    const spec = { ...edge, tenants: 30, topIndustryTenants: 23, graduates: 15, incubationAreaM2: 15_000, totalAreaM2: 20_000, occupiedAreaM2: 14_000 };
    // 23 of 30 is 76.7 %: specialised.
    const check = nationalCheck(spec);
    expect(check.specialised).toBe(true);
    expect(result(spec, 'tenants')).toMatchObject({ threshold: NATIONAL_2018.specialised.minTenants, pass: true });
    expect(result(spec, 'tenantDensity')).toMatchObject({ value: 2, pass: true });
    expect(result(spec, 'graduates').pass).toBe(true);
    expect(result({ ...spec, graduates: 14 }, 'graduates').pass).toBe(false);
    // 22 of 30 is 73.3 %: general, so 30 tenants are too few.
    expect(nationalCheck({ ...spec, topIndustryTenants: 22 }).specialised).toBe(false);
    expect(result({ ...spec, topIndustryTenants: 22 }, 'tenants')).toMatchObject({ threshold: 50, pass: false, gap: 20 });
  });
});
