import { z } from 'zod';
import { quarterInput, reportRowInput, type ReportRowInput } from './report';
import { issueToMessage } from './zod-messages';

/** The most rows one submission (a grid or an imported sheet) may carry. */
export const MAX_REPORT_ROWS = 5000;

/**
 * A quarter's rows, each held to the shared row schema. Errors are keyed `${rowIndex}.${field}`
 * (not `rows.${rowIndex}…`), the same keys saveQuarterReports uses, so a form maps every error
 * to its cell whichever side found it.
 */
export const quarterRowsInput = quarterInput.extend({ rows: z.array(z.unknown()).min(1, 'required').max(MAX_REPORT_ROWS) }).transform((v, ctx) => {
  const rows: ReportRowInput[] = [];
  v.rows.forEach((raw, index) => {
    const parsed = reportRowInput.safeParse(raw);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const { key, params } = issueToMessage(issue);
      ctx.addIssue({ code: 'custom', message: key, params, path: [index, ...issue.path.map(String)] });
    }
  });
  if (rows.length !== v.rows.length) return z.NEVER;
  return { carrierId: v.carrierId, year: v.year, quarter: v.quarter, rows };
});
export type QuarterRowsInput = z.output<typeof quarterRowsInput>;
