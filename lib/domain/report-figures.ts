/**
 * The figures of a venture's quarterly report (docs/architecture.md, "one vocabulary"), in the
 * order the forms, the sheets and the exports show them. The report's validation, its columns in
 * the database queries and in the workbooks derive from this list; their labels are under
 * `reports.fields` (reports.json) and `transfer.sheet.columns` (transfer.json).
 */
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

/** One report's figures; money in fen. */
export type ReportFigures = Record<ReportField, number>;
