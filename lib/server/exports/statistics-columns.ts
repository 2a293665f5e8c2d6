import type { CarrierStatisticsRow, TenantStatisticsRow } from '@/db/queries/network';
import { formatDate, formatInt } from '@/lib/format';
import { FEN_PER_QIAN, formatQian } from '@/lib/money';

/**
 * The columns of the two Torch statistics tables, shared by the page and the .xlsx export so
 * that both carry the same figures under the same headings (statistics.cols.* in the catalogue).
 */
export type StatFormat = 'text' | 'int' | 'qian' | 'date' | 'yesno';
export type StatValue = string | number | boolean | null;
export type Labels = {
  kind: (k: string) => string;
  level: (l: string) => string;
  industry: (i: string) => string;
  talent: (flags: string[]) => string;
  /** A technical field's label; free text entered before the list existed as written. */
  technicalField: (f: string | null) => string | null;
};
export type StatColumn<R> = { key: string; format: StatFormat; width: number; value: (r: R, l: Labels) => StatValue };

export const CARRIER_COLUMNS: StatColumn<CarrierStatisticsRow>[] = [
  { key: 'carrierName', format: 'text', width: 28, value: (r) => r.name },
  { key: 'kind', format: 'text', width: 10, value: (r, l) => l.kind(r.kind) },
  { key: 'level', format: 'text', width: 10, value: (r, l) => l.level(r.level) },
  { key: 'zone', format: 'text', width: 10, value: (r) => r.zone },
  { key: 'operatingSince', format: 'date', width: 12, value: (r) => r.operatingSince },
  { key: 'carrierCreditCode', format: 'text', width: 22, value: (r) => r.creditCode },
  { key: 'totalArea', format: 'int', width: 14, value: (r) => r.totalAreaM2 },
  { key: 'incubationArea', format: 'int', width: 14, value: (r) => r.incubationAreaM2 },
  { key: 'occupiedArea', format: 'int', width: 14, value: (r) => r.occupiedAreaM2 },
  { key: 'tenantsAtYearEnd', format: 'int', width: 12, value: (r) => r.tenantsAtYearEnd },
  { key: 'tenantsInYear', format: 'int', width: 12, value: (r) => r.tenantsInYear },
  { key: 'newTenants', format: 'int', width: 12, value: (r) => r.newTenants },
  { key: 'graduatesInYear', format: 'int', width: 12, value: (r) => r.graduatesInYear },
  { key: 'graduatesTotal', format: 'int', width: 12, value: (r) => r.graduatesTotal },
  { key: 'seedFund', format: 'qian', width: 14, value: (r) => r.seedFundFen },
  { key: 'mentors', format: 'int', width: 10, value: (r) => r.mentors },
  { key: 'totalStaff', format: 'int', width: 12, value: (r) => r.totalStaff },
  { key: 'professionalStaff', format: 'int', width: 14, value: (r) => r.professionalStaff },
  { key: 'reportingTenants', format: 'int', width: 12, value: (r) => r.reportingTenants },
  { key: 'tenantRevenue', format: 'qian', width: 16, value: (r) => r.revenueFen },
  { key: 'tenantRd', format: 'qian', width: 18, value: (r) => r.rdSpendFen },
  { key: 'tenantTax', format: 'qian', width: 16, value: (r) => r.taxFen },
  { key: 'tenantEmployees', format: 'int', width: 12, value: (r) => r.employees },
  { key: 'tenantFinancing', format: 'qian', width: 18, value: (r) => r.financingFen },
];

export const TENANT_COLUMNS: StatColumn<TenantStatisticsRow>[] = [
  { key: 'carrierName', format: 'text', width: 24, value: (r) => r.carrierName },
  { key: 'ventureName', format: 'text', width: 28, value: (r) => r.name },
  { key: 'creditCode', format: 'text', width: 22, value: (r) => r.creditCode },
  { key: 'foundedOn', format: 'date', width: 12, value: (r) => r.foundedOn },
  { key: 'enteredOn', format: 'date', width: 12, value: (r) => r.enteredOn },
  { key: 'industry', format: 'text', width: 14, value: (r, l) => l.industry(r.industry) },
  { key: 'technicalField', format: 'text', width: 16, value: (r, l) => l.technicalField(r.technicalField) },
  { key: 'highTech', format: 'yesno', width: 10, value: (r) => r.highTech },
  { key: 'graduated', format: 'yesno', width: 8, value: (r) => r.graduatedOn !== null },
  { key: 'graduatedOn', format: 'date', width: 12, value: (r) => r.graduatedOn },
  { key: 'financing', format: 'qian', width: 14, value: (r) => r.financingFen },
  { key: 'area', format: 'int', width: 12, value: (r) => r.areaM2 },
  { key: 'revenue', format: 'qian', width: 14, value: (r) => r.revenueFen },
  { key: 'netProfit', format: 'qian', width: 14, value: (r) => r.netProfitFen },
  { key: 'rd', format: 'qian', width: 16, value: (r) => r.rdSpendFen },
  { key: 'tax', format: 'qian', width: 14, value: (r) => r.taxFen },
  { key: 'employees', format: 'int', width: 10, value: (r) => r.employees },
  { key: 'talent', format: 'text', width: 18, value: (r, l) => l.talent(r.talentFlags) },
  { key: 'ipFiled', format: 'int', width: 12, value: (r) => r.ipFiled },
  { key: 'ipGranted', format: 'int', width: 12, value: (r) => r.ipGranted },
  { key: 'inventionPatents', format: 'int', width: 12, value: (r) => r.inventionPatents },
  { key: 'quarters', format: 'text', width: 10, value: (r) => `${r.quartersReported}/${r.quartersDue}` },
];

/** Money in fen as a number of 千元 for a cell (two decimals, as on the screen). */
export const qianCell = (fen: number) => Math.round(fen / (FEN_PER_QIAN / 100)) / 100;

/** A value as the screen shows it. */
export function displayValue(format: StatFormat, v: StatValue, yesNo: { yes: string; no: string }): string {
  if (v === null || v === '') return '—';
  switch (format) {
    case 'qian':
      return formatQian(Number(v));
    case 'int':
      return formatInt(Number(v));
    case 'date':
      return formatDate(String(v));
    case 'yesno':
      return v ? yesNo.yes : yesNo.no;
    default:
      return String(v);
  }
}

/** A value as a spreadsheet cell. */
export function cellValue(format: StatFormat, v: StatValue, yesNo: { yes: string; no: string }): string | number | null {
  if (v === null) return null;
  if (format === 'qian') return qianCell(Number(v));
  if (format === 'yesno') return v ? yesNo.yes : yesNo.no;
  if (typeof v === 'boolean') return v ? yesNo.yes : yesNo.no;
  return v;
}
