import { describe, expect, it } from 'vitest';
import {
  checkCarrierFigures,
  checkTenantFigures,
  implausibleRd,
  targetOutcome,
  worstSeverity,
  type CarrierFigures,
  type TenantFigures,
} from './statistics-checks';

const carrier: CarrierFigures = {
  totalAreaM2: 10_000,
  incubationAreaM2: 8_000,
  occupiedAreaM2: 6_000,
  operatingSince: '2015-01-01',
  creditCode: '91310115MA1K3Y006M',
  tenantsInYear: 40,
  tenantsAtYearEnd: 35,
  newTenants: 8,
  graduatesInYear: 5,
  graduatesTotal: 30,
  seedFundFen: 500_000_000,
  professionalStaff: 8,
  totalStaff: 10,
  mentors: 6,
  revenueFen: 1_000_000_000,
  rdSpendFen: 100_000_000,
  taxFen: 10_000_000,
};

const tenant: TenantFigures = {
  kind: 'company',
  industry: 'software',
  creditCode: '91310115MA1K3Y006M',
  foundedOn: '2020-01-01',
  technicalField: '企业软件',
  enteredOn: '2021-03-01',
  graduatedOn: null,
  quartersDue: 4,
  quartersReported: 4,
  areaM2: 200,
  revenueFen: 10_000_000,
  netProfitFen: 1_000_000,
  rdSpendFen: 2_000_000,
  taxFen: 500_000,
  financingFen: 0,
  employees: 20,
  ipFiled: 3,
  ipGranted: 1,
  inventionPatents: 2,
};

const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('checkCarrierFigures', () => {
  it('passes a sound carrier', () => {
    expect(checkCarrierFigures(carrier)).toEqual([]);
  });

  it('allows as many graduates as tenants, not one more', () => {
    expect(checkCarrierFigures({ ...carrier, graduatesInYear: 30, tenantsInYear: 30 })).toEqual([]);
    expect(codes(checkCarrierFigures({ ...carrier, graduatesInYear: 31, tenantsInYear: 30, graduatesTotal: 31 }))).toEqual(['graduatesOverTenants']);
  });

  it('refuses more graduates in the year than in total', () => {
    expect(codes(checkCarrierFigures({ ...carrier, graduatesTotal: 4 }))).toEqual(['graduatesOverTotal']);
  });

  it('flags any negative figure, even a single fen', () => {
    expect(codes(checkCarrierFigures({ ...carrier, taxFen: -1 }))).toEqual(['negative']);
    expect(codes(checkCarrierFigures({ ...carrier, mentors: -1 }))).toEqual(['negative']);
  });

  it('flags staff and area that cannot be', () => {
    expect(codes(checkCarrierFigures({ ...carrier, professionalStaff: 11 }))).toEqual(['professionalOverStaff']);
    expect(codes(checkCarrierFigures({ ...carrier, incubationAreaM2: 10_001 }))).toEqual(['areaOverTotal']);
  });

  it('warns when tenants use more than the incubation area, not when they use all of it', () => {
    expect(checkCarrierFigures({ ...carrier, occupiedAreaM2: 8_000 })).toEqual([]);
    expect(checkCarrierFigures({ ...carrier, occupiedAreaM2: 8_001 })).toEqual([{ code: 'occupiedOverArea', severity: 'warning' }]);
  });

  it('lists missing required fields', () => {
    expect(codes(checkCarrierFigures({ ...carrier, operatingSince: null, creditCode: '', incubationAreaM2: 0, occupiedAreaM2: 0 }))).toEqual([
      'missingOperatingSince',
      'missingCreditCode',
      'missingArea',
    ]);
  });
});

describe('checkTenantFigures', () => {
  it('passes a sound tenant', () => {
    expect(checkTenantFigures(tenant, 2025)).toEqual([]);
  });

  it('flags negatives, but not a loss', () => {
    expect(checkTenantFigures({ ...tenant, netProfitFen: -5_000_000 }, 2025)).toEqual([]);
    expect(codes(checkTenantFigures({ ...tenant, employees: -1 }, 2025))).toEqual(['negative']);
  });

  it('asks a company, not a team, for its credit code and founding date', () => {
    expect(codes(checkTenantFigures({ ...tenant, creditCode: null, foundedOn: null }, 2025))).toEqual(['missingCreditCode', 'missingFounded']);
    expect(checkTenantFigures({ ...tenant, kind: 'team', creditCode: null, foundedOn: null }, 2025)).toEqual([]);
  });

  it('tells no reports at all (error) from some missing (warning)', () => {
    expect(checkTenantFigures({ ...tenant, quartersReported: 0 }, 2025)).toEqual([{ code: 'noReports', severity: 'error' }]);
    expect(checkTenantFigures({ ...tenant, quartersReported: 3 }, 2025)).toEqual([{ code: 'missingQuarters', severity: 'warning' }]);
    expect(checkTenantFigures({ ...tenant, quartersDue: 0, quartersReported: 0 }, 2025)).toEqual([]);
  });

  it('warns of profit or taxes above revenue', () => {
    expect(codes(checkTenantFigures({ ...tenant, netProfitFen: 10_000_001 }, 2025))).toEqual(['profitOverRevenue']);
    expect(checkTenantFigures({ ...tenant, netProfitFen: 10_000_000 }, 2025)).toEqual([]);
    expect(codes(checkTenantFigures({ ...tenant, taxFen: 10_000_001 }, 2025))).toEqual(['taxOverRevenue']);
  });

  it('refuses a graduation before the entry, not on the same day', () => {
    expect(checkTenantFigures({ ...tenant, graduatedOn: '2021-03-01' }, 2025)).toEqual([]);
    expect(codes(checkTenantFigures({ ...tenant, graduatedOn: '2021-02-28' }, 2025))).toEqual(['graduatedBeforeEntry']);
  });
});

describe('implausibleRd', () => {
  const rd = { kind: 'company' as const, industry: 'software', foundedOn: '2022-01-01', revenueFen: 100, rdSpendFen: 101 };
  it('is plausible up to the revenue', () => {
    expect(implausibleRd({ ...rd, rdSpendFen: 100 }, 2025)).toBe(false);
  });
  it('is implausible above it for a company three years old at the year’s end, not for a younger one', () => {
    expect(implausibleRd({ ...rd, foundedOn: '2022-12-31' }, 2025)).toBe(true);
    expect(implausibleRd({ ...rd, foundedOn: '2023-01-01' }, 2025)).toBe(false);
  });
  it('is normal in the research-led industries, for teams and without revenue', () => {
    expect(implausibleRd({ ...rd, industry: 'biomedicine' }, 2025)).toBe(false);
    expect(implausibleRd({ ...rd, kind: 'team' }, 2025)).toBe(false);
    expect(implausibleRd({ ...rd, revenueFen: 0 }, 2025)).toBe(false);
  });
  it('is suspect when the founding date is unknown', () => {
    expect(implausibleRd({ ...rd, foundedOn: null }, 2025)).toBe(true);
  });
});

describe('worstSeverity and targetOutcome', () => {
  it('ranks errors above warnings', () => {
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity([{ code: 'missingQuarters', severity: 'warning' }])).toBe('warning');
    expect(
      worstSeverity([
        { code: 'missingQuarters', severity: 'warning' },
        { code: 'negative', severity: 'error' },
      ]),
    ).toBe('error');
  });
  it('meets a floor at the floor and a range at both ends', () => {
    expect(targetOutcome(1450, 1450, null)).toBe('met');
    expect(targetOutcome(1449, 1450, null)).toBe('below');
    expect(targetOutcome(20, 10, 20)).toBe('met');
    expect(targetOutcome(21, 10, 20)).toBe('above');
    expect(targetOutcome(null, 10, 20)).toBe('noData');
    expect(targetOutcome(Number.NaN, 10, 20)).toBe('noData');
  });
});
