import 'server-only';
import { and, eq, gte, isNull, lte, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { quarterEnd, quarterStart } from '@/lib/domain/reporting';
import { REPORT_FIELDS, type ReportField } from '@/lib/domain/report-figures';
import { residencies, ventureReports, ventures } from '../../schema';

/** Pieces the report queries share: the figure columns and "resident during the quarter". */
export type ReportFiguresFen = Record<ReportField, number>;

export const figureColumns = Object.fromEntries(REPORT_FIELDS.map((f) => [f, ventureReports[f]])) as { [F in ReportField]: (typeof ventureReports)[F] };

export function figuresOf(row: Record<string, unknown>): ReportFiguresFen {
  const out = {} as ReportFiguresFen;
  for (const f of REPORT_FIELDS) out[f] = Number(row[f]);
  return out;
}

/** Residencies in the carrier(s) at any time during the quarter. */
export function residentDuring(year: number, quarter: number, carrierFilter: SQL): SQL {
  return and(
    carrierFilter,
    lte(residencies.enteredOn, quarterEnd(year, quarter)),
    or(isNull(residencies.leftOn), gte(residencies.leftOn, quarterStart(year, quarter))),
  )!;
}

/** The quarter's report of the venture (`ventures.id` unless another column holds the venture). */
export const reportOfQuarter = (year: number, quarter: number, ventureId: AnyColumn = ventures.id) =>
  and(eq(ventureReports.ventureId, ventureId), eq(ventureReports.year, year), eq(ventureReports.quarter, quarter));
