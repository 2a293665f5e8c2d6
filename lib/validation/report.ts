import { z } from 'zod';
import type { ReportField } from '../domain/report-figures';
import { amountFen, id, nonNegativeInt } from './fields';

/**
 * One venture's figures for one quarter, shared by the grid, the single-venture form and the
 * spreadsheet import. Amounts are typed in yuan and stored in fen; net profit may be negative.
 */
const signedAmountFen = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v).trim();
  const negative = s.startsWith('-');
  const parsed = amountFen.safeParse(negative ? s.slice(1) : s);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: s === '' ? 'required' : 'amount' });
    return z.NEVER;
  }
  return negative ? -parsed.data : parsed.data;
});

export const reportFigures = z.object({
  ...({
    revenueFen: amountFen,
    netProfitFen: signedAmountFen,
    rdSpendFen: amountFen,
    taxFen: amountFen,
    financingFen: amountFen,
    employees: nonNegativeInt(100_000),
    ipFiled: nonNegativeInt(100_000),
    ipGranted: nonNegativeInt(100_000),
    inventionPatents: nonNegativeInt(100_000),
  } satisfies Record<ReportField, z.ZodType>),
});
export type ReportFigures = z.output<typeof reportFigures>;

export const reportRowInput = reportFigures.extend({ ventureId: id });
export type ReportRowInput = z.output<typeof reportRowInput>;

export const quarterInput = z.object({
  carrierId: id,
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
export type QuarterInput = z.output<typeof quarterInput>;
