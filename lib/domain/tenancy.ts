import { addMonths, type IsoDate } from './dates';
import { CURRENT_RULES, type RuleSet } from './rules';
import type { VentureKind } from './vocabulary';

export type TenantWarning = 'founded_over_24_months' | 'founded_after_entry';

/**
 * The tenant rules checked at admission. A breach does not refuse the venture: it is
 * admitted with the warning recorded, for the committee to see.
 */
export function admissionWarnings(
  input: { kind: VentureKind; foundedOn: IsoDate | null; enteredOn: IsoDate },
  rules: RuleSet = CURRENT_RULES,
): TenantWarning[] {
  if (input.kind !== 'company' || !input.foundedOn) return [];
  if (input.foundedOn > input.enteredOn) return ['founded_after_entry'];
  // "成立时间不超过24个月": entering on the 24-month anniversary is still within the rule.
  return addMonths(input.foundedOn, rules.maxCompanyAgeAtEntryMonths) < input.enteredOn ? ['founded_over_24_months'] : [];
}

export function incubationLimitMonths(industry: string, rules: RuleSet = CURRENT_RULES): number {
  return rules.extendedIncubationIndustries.includes(industry) ? rules.extendedIncubationLimitMonths : rules.incubationLimitMonths;
}

/** Where a stay stands against its incubation limit. */
export const LIMIT_STATUSES = ['ok', 'due_soon', 'overdue'] as const;
export type LimitStatusValue = (typeof LIMIT_STATUSES)[number];

export type LimitStatus = { endsOn: IsoDate; limitMonths: number; status: LimitStatusValue };

/** Where a venture stands against its incubation limit, counted from its incubation start. */
export function incubationLimitStatus(input: { industry: string; incubationStartedOn: IsoDate; today: IsoDate }, rules: RuleSet = CURRENT_RULES): LimitStatus {
  const limitMonths = incubationLimitMonths(input.industry, rules);
  const endsOn = addMonths(input.incubationStartedOn, limitMonths);
  if (input.today > endsOn) return { endsOn, limitMonths, status: 'overdue' };
  if (input.today >= addMonths(endsOn, -rules.limitWarningMonths)) return { endsOn, limitMonths, status: 'due_soon' };
  return { endsOn, limitMonths, status: 'ok' };
}
