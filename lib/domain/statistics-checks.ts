/**
 * Logic checks of the annual statistics (火炬统计) before they are exported: figures that cannot
 * be true (errors) and figures that are possible but unlikely enough to be looked at (warnings).
 * Plain values in, plain values out; money is integer fen.
 */
import type { ReportFigures } from './reporting';
import type { VentureKind } from './vocabulary';

export type CheckSeverity = 'error' | 'warning';
export type CheckFlag = { code: StatisticsCheckCode; severity: CheckSeverity };

export type StatisticsCheckCode =
  | 'negative'
  | 'graduatesOverTenants'
  | 'graduatesOverTotal'
  | 'professionalOverStaff'
  | 'areaOverTotal'
  | 'occupiedOverArea'
  | 'missingOperatingSince'
  | 'missingCreditCode'
  | 'missingArea'
  | 'missingFounded'
  | 'missingTechnicalField'
  | 'noReports'
  | 'missingQuarters'
  | 'rdOverRevenue'
  | 'profitOverRevenue'
  | 'taxOverRevenue'
  | 'graduatedBeforeEntry';

/** One carrier's row of the carrier operation table. */
export type CarrierFigures = {
  totalAreaM2: number;
  incubationAreaM2: number;
  occupiedAreaM2: number;
  operatingSince: string | null;
  creditCode: string | null;
  /** Tenants resident at some time in the year. */
  tenantsInYear: number;
  tenantsAtYearEnd: number;
  newTenants: number;
  graduatesInYear: number;
  graduatesTotal: number;
  seedFundFen: number;
  professionalStaff: number;
  totalStaff: number;
  mentors: number;
  revenueFen: number;
  rdSpendFen: number;
  taxFen: number;
};

/** One tenant's row of the tenant table: the year's reports at one carrier, summed. */
export type TenantFigures = {
  kind: VentureKind;
  industry: string;
  creditCode: string | null;
  foundedOn: string | null;
  technicalField: string | null;
  enteredOn: string;
  graduatedOn: string | null;
  /** Quarters of the year the tenant was resident at the quarter's end, and how many it filed. */
  quartersDue: number;
  quartersReported: number;
  areaM2: number;
} & ReportFigures;

/**
 * Industries where research runs years ahead of sales: spending more on R&D than the year's
 * revenue is normal there, as it is in a company's first years.
 */
export const RESEARCH_LED_INDUSTRIES: readonly string[] = ['biomedicine', 'integrated_circuits', 'new_materials', 'modern_agriculture'];
/** A company this young (years since founding at the year's end) may spend beyond its revenue. */
export const EARLY_COMPANY_YEARS = 3;

const flag = (code: StatisticsCheckCode, severity: CheckSeverity = 'error'): CheckFlag => ({ code, severity });

function anyNegative(values: readonly number[]): boolean {
  return values.some((v) => v < 0);
}

export function checkCarrierFigures(c: CarrierFigures): CheckFlag[] {
  const out: CheckFlag[] = [];
  const numbers = [
    c.totalAreaM2,
    c.incubationAreaM2,
    c.occupiedAreaM2,
    c.tenantsInYear,
    c.tenantsAtYearEnd,
    c.newTenants,
    c.graduatesInYear,
    c.graduatesTotal,
    c.seedFundFen,
    c.professionalStaff,
    c.totalStaff,
    c.mentors,
    c.revenueFen,
    c.rdSpendFen,
    c.taxFen,
  ];
  if (anyNegative(numbers)) out.push(flag('negative'));
  if (c.graduatesInYear > c.tenantsInYear) out.push(flag('graduatesOverTenants'));
  if (c.graduatesInYear > c.graduatesTotal) out.push(flag('graduatesOverTotal'));
  if (c.professionalStaff > c.totalStaff) out.push(flag('professionalOverStaff'));
  if (c.incubationAreaM2 > c.totalAreaM2) out.push(flag('areaOverTotal'));
  if (c.incubationAreaM2 > 0 && c.occupiedAreaM2 > c.incubationAreaM2) out.push(flag('occupiedOverArea', 'warning'));
  if (!c.operatingSince) out.push(flag('missingOperatingSince'));
  if (!c.creditCode) out.push(flag('missingCreditCode'));
  if (c.incubationAreaM2 <= 0) out.push(flag('missingArea'));
  return out;
}

/** Whole years between two ISO dates (the second later), by calendar. */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Spending more on R&D than the revenue, for an established company outside the research-led industries. */
export function implausibleRd(t: Pick<TenantFigures, 'kind' | 'industry' | 'foundedOn' | 'revenueFen' | 'rdSpendFen'>, year: number): boolean {
  if (t.rdSpendFen <= t.revenueFen || t.revenueFen <= 0) return false;
  if (t.kind === 'team' || RESEARCH_LED_INDUSTRIES.includes(t.industry)) return false;
  if (!t.foundedOn) return true;
  return yearsBetween(t.foundedOn, `${year}-12-31`) >= EARLY_COMPANY_YEARS;
}

export function checkTenantFigures(t: TenantFigures, year: number): CheckFlag[] {
  const out: CheckFlag[] = [];
  const counts = [t.areaM2, t.revenueFen, t.rdSpendFen, t.taxFen, t.financingFen, t.employees, t.ipFiled, t.ipGranted, t.inventionPatents];
  if (anyNegative(counts)) out.push(flag('negative'));
  if (t.kind === 'company' && !t.creditCode) out.push(flag('missingCreditCode'));
  if (t.kind === 'company' && !t.foundedOn) out.push(flag('missingFounded'));
  if (!t.technicalField) out.push(flag('missingTechnicalField', 'warning'));
  if (t.quartersDue > 0 && t.quartersReported === 0) out.push(flag('noReports'));
  else if (t.quartersReported < t.quartersDue) out.push(flag('missingQuarters', 'warning'));
  if (t.revenueFen >= 0 && implausibleRd(t, year)) out.push(flag('rdOverRevenue', 'warning'));
  if (t.netProfitFen > t.revenueFen && t.netProfitFen > 0) out.push(flag('profitOverRevenue', 'warning'));
  if (t.taxFen > t.revenueFen && t.taxFen > 0) out.push(flag('taxOverRevenue', 'warning'));
  if (t.graduatedOn && t.graduatedOn < t.enteredOn) out.push(flag('graduatedBeforeEntry'));
  return out;
}

/**
 * The codes checkTenantFigures can give, in the order it gives them, with their severity: the
 * statistics page runs the same checks in SQL over the whole network (db/queries/network/
 * statistics-view.ts), and a test holds both to the same result.
 */
export const TENANT_CHECK_SEVERITY = {
  negative: 'error',
  missingCreditCode: 'error',
  missingFounded: 'error',
  missingTechnicalField: 'warning',
  noReports: 'error',
  missingQuarters: 'warning',
  rdOverRevenue: 'warning',
  profitOverRevenue: 'warning',
  taxOverRevenue: 'warning',
  graduatedBeforeEntry: 'error',
} as const satisfies Partial<Record<StatisticsCheckCode, CheckSeverity>>;
export type TenantCheckCode = keyof typeof TENANT_CHECK_SEVERITY;

/** Errors first, then warnings; the worst severity of a row decides its badge. */
export function worstSeverity(flags: readonly CheckFlag[]): CheckSeverity | null {
  if (flags.some((f) => f.severity === 'error')) return 'error';
  return flags.length ? 'warning' : null;
}

/** A year's target (a floor, or a range) against the figure read from the data. */
export type TargetOutcome = 'met' | 'below' | 'above' | 'noData';
export function targetOutcome(actual: number | null, targetMin: number, targetMax: number | null): TargetOutcome {
  if (actual === null || !Number.isFinite(actual)) return 'noData';
  if (actual < targetMin) return 'below';
  if (targetMax !== null && actual > targetMax) return 'above';
  return 'met';
}
