import { MONEY_FIELDS, REPORT_FIELDS, type ReportField } from '../domain/report-figures';
import { fenToYuanInput } from './amount-input';

export { MONEY_FIELDS, REPORT_FIELDS, type ReportField };

/** A report's stored figures as the strings a form starts from. */
export function figuresToInputs(figures: Record<ReportField, number>): Record<ReportField, string> {
  const out = {} as Record<ReportField, string>;
  for (const f of REPORT_FIELDS) out[f] = MONEY_FIELDS.has(f) ? fenToYuanInput(figures[f]) : String(figures[f]);
  return out;
}
