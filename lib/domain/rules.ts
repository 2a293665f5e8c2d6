/**
 * The regulation's thresholds, kept as one named rule set so that a newer regulation is a
 * new rule set rather than edits scattered through the code.
 * 科技企业孵化器管理办法（国科发区〔2018〕300号）.
 */
export type RuleSet = {
  name: string;
  /** A company may enter incubation no more than this many months after it was founded. */
  maxCompanyAgeAtEntryMonths: number;
  /** Incubation lasts at most this long ... */
  incubationLimitMonths: number;
  /** ... or this long in the industries below. */
  extendedIncubationLimitMonths: number;
  extendedIncubationIndustries: readonly string[];
  /** Operators are warned this many months before the limit. */
  limitWarningMonths: number;
  /** Graduation: cumulative angel / venture investment strictly over this (fen). */
  graduationFinancingOverFen: number;
  /** Graduation: revenue of two consecutive years together strictly over this (fen). */
  graduationTwoYearRevenueOverFen: number;
  /** Quarterly reports are due this many days after the quarter ends. */
  reportDueDays: number;
};

export const MOST_2018: RuleSet = {
  name: 'MOST_2018',
  maxCompanyAgeAtEntryMonths: 24,
  incubationLimitMonths: 48,
  extendedIncubationLimitMonths: 60,
  extendedIncubationIndustries: ['biomedicine', 'integrated_circuits', 'modern_agriculture'],
  limitWarningMonths: 6,
  graduationFinancingOverFen: 500_000_000, // ¥5,000,000
  graduationTwoYearRevenueOverFen: 1_000_000_000, // ¥10,000,000
  reportDueDays: 15,
};

export const CURRENT_RULES = MOST_2018;
