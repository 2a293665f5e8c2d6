import { monthsBetween, type IsoDate } from './dates';

/**
 * The national-level incubator criteria of 科技企业孵化器管理办法 (国科发区〔2018〕300号), as one
 * named rule set, and the check of a carrier's figures against them. Ratios are fractions
 * (0.75 = 75 %); money is fen; areas are m².
 */
export type NationalRuleSet = {
  name: string;
  minOperatingYears: number;
  minConsecutiveStatisticsYears: number;
  minAreaM2: number;
  minUsageShare: number;
  minSeedFundFen: number;
  minFinancedShare: number;
  minFundCases: number;
  minProfessionalShare: number;
  /** Per this many tenants at least one professional and one mentor. */
  tenantsPerProfessional: number;
  tenantsPerMentor: number;
  minPatentFiledShare: number;
  minValidIpShare: number;
  /** A specialised incubator has at least this share of its tenants in one industry. */
  specialisedIndustryShare: number;
  general: { minTenants: number; minTenantsPer1000M2: number; minGraduates: number };
  specialised: { minTenants: number; minTenantsPer1000M2: number; minGraduates: number };
};

export const NATIONAL_2018: NationalRuleSet = {
  name: 'NATIONAL_2018',
  minOperatingYears: 3,
  minConsecutiveStatisticsYears: 2,
  minAreaM2: 10_000,
  minUsageShare: 0.75,
  minSeedFundFen: 500_000_000, // ¥5,000,000
  minFinancedShare: 0.1,
  minFundCases: 3,
  minProfessionalShare: 0.8,
  tenantsPerProfessional: 10,
  tenantsPerMentor: 10,
  minPatentFiledShare: 0.5,
  minValidIpShare: 0.3,
  specialisedIndustryShare: 0.75,
  general: { minTenants: 50, minTenantsPer1000M2: 3, minGraduates: 20 },
  specialised: { minTenants: 30, minTenantsPer1000M2: 2, minGraduates: 15 },
};

/** A carrier's figures, as the data gives them. */
export type NationalFacts = {
  operatingSince: IsoDate | null;
  /** Calendar years in which the carrier filed any tenant statistics. */
  statisticsYears: number[];
  totalAreaM2: number;
  incubationAreaM2: number;
  publicServiceAreaM2: number;
  /** Area of the open residencies. */
  occupiedAreaM2: number;
  seedFundFen: number;
  tenants: number;
  financedTenants: number;
  professionalStaff: number;
  totalStaff: number;
  mentors: number;
  patentFiledTenants: number;
  validIpTenants: number;
  /** Tenants in the industry that most of them are in. */
  topIndustryTenants: number;
  graduates: number;
  today: IsoDate;
};

export const NATIONAL_CRITERIA = [
  'operatingYears',
  'statisticsYears',
  'area',
  'usage',
  'seedFund',
  'financedShare',
  'fundCases',
  'professionalShare',
  'professionalsPerTenants',
  'mentorsPerTenants',
  'intellectualProperty',
  'tenants',
  'tenantDensity',
  'graduates',
] as const;
export type NationalCriterion = (typeof NATIONAL_CRITERIA)[number];

/**
 * One criterion's result. `value` and `threshold` share a unit (years, m², fen, a share, a count,
 * tenants per 1,000 m²); `gap` is how much is missing to the threshold (0 when it passes).
 */
export type NationalCriterionResult = { criterion: NationalCriterion; value: number; threshold: number; pass: boolean; gap: number };

export type NationalCheck = { specialised: boolean; criteria: NationalCriterionResult[]; passed: number; eligible: boolean };

/** The longest run of consecutive years in the list. */
export function longestConsecutiveRun(years: readonly number[]): number {
  const set = new Set(years);
  let best = 0;
  for (const y of set) {
    if (set.has(y - 1)) continue;
    let n = 1;
    while (set.has(y + n)) n++;
    best = Math.max(best, n);
  }
  return best;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
/** Rounds away the float noise of a difference (0.1 + 0.2), keeping 6 decimals. */
const clean = (n: number) => Math.round(n * 1e6) / 1e6;

function atLeast(criterion: NationalCriterion, value: number, threshold: number): NationalCriterionResult {
  const pass = value >= threshold;
  return { criterion, value: clean(value), threshold, pass, gap: pass ? 0 : clean(threshold - value) };
}

export function isSpecialised(f: Pick<NationalFacts, 'tenants' | 'topIndustryTenants'>, rules: NationalRuleSet = NATIONAL_2018): boolean {
  return f.tenants > 0 && f.topIndustryTenants >= rules.specialisedIndustryShare * f.tenants;
}

/** Checks an incubator's figures against each national-level criterion. */
export function nationalCheck(f: NationalFacts, rules: NationalRuleSet = NATIONAL_2018): NationalCheck {
  const specialised = isSpecialised(f, rules);
  const size = specialised ? rules.specialised : rules.general;
  const operatingYears = f.operatingSince ? Math.floor(monthsBetween(f.operatingSince, f.today) / 12) : 0;
  const usage = share(f.occupiedAreaM2 + f.publicServiceAreaM2, f.totalAreaM2);
  const density = f.incubationAreaM2 > 0 ? (f.tenants * 1000) / f.incubationAreaM2 : 0;
  // "Per 10 tenants at least one": the staff needed is the tenants over ten, rounded up.
  const professionalsNeeded = Math.ceil(f.tenants / rules.tenantsPerProfessional);
  const mentorsNeeded = Math.ceil(f.tenants / rules.tenantsPerMentor);
  const filedShare = share(f.patentFiledTenants, f.tenants);
  const validShare = share(f.validIpTenants, f.tenants);
  // Either share suffices; the value shown is the filed share when that one passes, else the valid one.
  const ipFiledPasses = filedShare >= rules.minPatentFiledShare;
  const ipValidPasses = validShare >= rules.minValidIpShare;
  const ip: NationalCriterionResult =
    ipFiledPasses || ipValidPasses
      ? {
          criterion: 'intellectualProperty',
          value: clean(ipFiledPasses ? filedShare : validShare),
          threshold: ipFiledPasses ? rules.minPatentFiledShare : rules.minValidIpShare,
          pass: true,
          gap: 0,
        }
      : atLeast('intellectualProperty', validShare, rules.minValidIpShare);
  const criteria: NationalCriterionResult[] = [
    atLeast('operatingYears', operatingYears, rules.minOperatingYears),
    atLeast('statisticsYears', longestConsecutiveRun(f.statisticsYears), rules.minConsecutiveStatisticsYears),
    atLeast('area', f.totalAreaM2, rules.minAreaM2),
    atLeast('usage', usage, rules.minUsageShare),
    atLeast('seedFund', f.seedFundFen, rules.minSeedFundFen),
    atLeast('financedShare', share(f.financedTenants, f.tenants), rules.minFinancedShare),
    atLeast('fundCases', f.financedTenants, rules.minFundCases),
    atLeast('professionalShare', share(f.professionalStaff, f.totalStaff), rules.minProfessionalShare),
    atLeast('professionalsPerTenants', f.professionalStaff, professionalsNeeded),
    atLeast('mentorsPerTenants', f.mentors, mentorsNeeded),
    ip,
    atLeast('tenants', f.tenants, size.minTenants),
    atLeast('tenantDensity', density, size.minTenantsPer1000M2),
    atLeast('graduates', f.graduates, size.minGraduates),
  ];
  const passed = criteria.filter((c) => c.pass).length;
  return { specialised, criteria, passed, eligible: passed === criteria.length };
}
