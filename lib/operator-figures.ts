import type { CarrierKind } from './domain/vocabulary';

/**
 * The figures of the operator's first page, by the kinds of carrier shown: a nursery's teams,
 * the teams that registered a company and those that left; an incubator's tenants, graduations
 * and incubation time limits; an accelerator's companies. Space, admissions, missing reports and
 * admission warnings apply to every kind.
 */
export const OPERATOR_FIGURES = [
  'nurseryTeams',
  'incubating',
  'accelerating',
  'occupancy',
  'admissions',
  'incorporated',
  'leftNursery',
  'graduations',
  'pendingGraduations',
  'candidates',
  'dueSoon',
  'overdue',
  'missingReports',
  'warnings',
] as const;
export type OperatorFigure = (typeof OPERATOR_FIGURES)[number];

const COMMON: readonly OperatorFigure[] = ['occupancy', 'admissions', 'missingReports', 'warnings'];
const OF_KIND: Record<CarrierKind, readonly OperatorFigure[]> = {
  nursery: ['nurseryTeams', 'incorporated', 'leftNursery'],
  incubator: ['incubating', 'graduations', 'pendingGraduations', 'candidates', 'dueSoon', 'overdue'],
  accelerator: ['accelerating'],
};

/** The figures to show for carriers of these kinds, in the page's order. */
export function operatorFigures(kinds: readonly CarrierKind[]): OperatorFigure[] {
  return OPERATOR_FIGURES.filter((f) => COMMON.includes(f) || kinds.some((k) => OF_KIND[k].includes(f)));
}
