import { fenToYuanInput } from './amount-input';

/** The figures of a quarterly report, in the order the forms and sheets show them. */
export const REPORT_FIELDS = [
  'revenueFen',
  'netProfitFen',
  'rdSpendFen',
  'taxFen',
  'financingFen',
  'employees',
  'ipFiled',
  'ipGranted',
  'inventionPatents',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Amounts, typed in yuan and stored in fen; the rest are counts. */
export const MONEY_FIELDS: ReadonlySet<ReportField> = new Set(['revenueFen', 'netProfitFen', 'rdSpendFen', 'taxFen', 'financingFen']);

/** A report's stored figures as the strings a form starts from. */
export function figuresToInputs(figures: Record<ReportField, number>): Record<ReportField, string> {
  const out = {} as Record<ReportField, string>;
  for (const f of REPORT_FIELDS) out[f] = MONEY_FIELDS.has(f) ? fenToYuanInput(figures[f]) : String(figures[f]);
  return out;
}
