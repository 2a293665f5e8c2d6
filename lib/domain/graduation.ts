import type { IsoDate } from './dates';
import { CURRENT_RULES, type RuleSet } from './rules';

import { type ExitKind, GRADUATION_CRITERIA, type GraduationCriterion } from './vocabulary';

export { GRADUATION_CRITERIA, type GraduationCriterion };

export type GraduationFacts = {
  highTechCertNo: string | null;
  highTechCertOn: IsoDate | null;
  /** Sum of angel and venture investment received, in fen. */
  financingTotalFen: number;
  /** Revenue per calendar year, in fen. */
  revenueByYear: Record<number, number>;
  exitKind: ExitKind | null;
  today: IsoDate;
};

export type CriterionResult = { criterion: GraduationCriterion; met: boolean; figure: number | string | null };

/**
 * The four graduation criteria of the 办法; any one suffices. "Over" is strict: exactly
 * ¥5,000,000 of investment does not qualify.
 */
export function evaluateGraduation(f: GraduationFacts, rules: RuleSet = CURRENT_RULES): CriterionResult[] {
  const highTech = Boolean(f.highTechCertNo && f.highTechCertOn && f.highTechCertOn <= f.today);
  const best = bestTwoConsecutiveYears(f.revenueByYear);
  return [
    { criterion: 'high_tech', met: highTech, figure: highTech ? f.highTechCertNo : null },
    { criterion: 'financing', met: f.financingTotalFen > rules.graduationFinancingOverFen, figure: f.financingTotalFen },
    { criterion: 'revenue', met: best.totalFen > rules.graduationTwoYearRevenueOverFen, figure: best.totalFen },
    { criterion: 'exit', met: f.exitKind !== null, figure: f.exitKind },
  ];
}

export function criteriaMet(f: GraduationFacts, rules: RuleSet = CURRENT_RULES): GraduationCriterion[] {
  return evaluateGraduation(f, rules)
    .filter((r) => r.met)
    .map((r) => r.criterion);
}

/** The highest revenue of two consecutive calendar years, with the first of them. */
export function bestTwoConsecutiveYears(revenueByYear: Record<number, number>): { firstYear: number | null; totalFen: number } {
  let best: { firstYear: number | null; totalFen: number } = { firstYear: null, totalFen: 0 };
  for (const key of Object.keys(revenueByYear)) {
    const y = Number(key);
    const next = revenueByYear[y + 1];
    if (next === undefined) continue;
    const total = (revenueByYear[y] ?? 0) + next;
    if (best.firstYear === null || total > best.totalFen) best = { firstYear: y, totalFen: total };
  }
  return best;
}
