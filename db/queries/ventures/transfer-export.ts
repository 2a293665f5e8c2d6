import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Scope } from '@/lib/roles';
import { buildReportExport, buildVentureExport, type ReportExportRow, type SheetLocale, type VentureExportRow } from '@/lib/spreadsheet';
import type { QuarterInput } from '@/lib/validation/report';
import type { VentureFilters } from '@/lib/validation/venture-filters';
import type { DbOrTx } from '../../client';
import { residencies, ventures } from '../../schema';
import { quarterGrid } from '../reports/reports';
import { listVentures } from './list';

/** Exports: the ventures list as filtered on its page, and one quarter's reports of a carrier. */
const PAGE_SIZE = 1000;

type VentureExtras = { technicalField: string | null; founders: string | null; talentFlags: string[]; areaM2: number | null; workstations: number | null };

/** Technical field, founders, talent flags and the open residency's space: what the list leaves out and the import takes. */
async function ventureExtras(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, VentureExtras>();
  const rows = await db
    .select({
      id: ventures.id,
      technicalField: ventures.technicalField,
      founders: ventures.founders,
      talentFlags: ventures.talentFlags,
      areaM2: residencies.areaM2,
      workstations: residencies.workstations,
    })
    .from(ventures)
    .leftJoin(residencies, and(eq(residencies.ventureId, ventures.id), isNull(residencies.leftOn)))
    .where(inArray(ventures.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Every venture of the list with the given filters (the ventures page's URL params), in the
 * list's order, page by page; narrowed to the scope by listVentures itself.
 */
export async function ventureExportRows(db: DbOrTx, scope: Scope, filters: VentureFilters, today: string): Promise<VentureExportRow[]> {
  const out: VentureExportRow[] = [];
  for (let page = 1; ; page++) {
    const { rows, total } = await listVentures(db, scope, filters, { page, pageSize: PAGE_SIZE }, today);
    const extras = await ventureExtras(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const x = extras.get(r.id);
      out.push({
        carrier: r.currentCarrierName ?? r.lastCarrierName ?? '',
        kind: r.kind,
        name: r.name,
        creditCode: r.creditCode,
        industry: r.industry,
        foundedOn: r.foundedOn,
        // A venture that has moved on to another carrier: its identity and this carrier's period only.
        technicalField: r.current ? (x?.technicalField ?? null) : null,
        founders: r.current ? (x?.founders ?? null) : null,
        talentFlags: r.current ? (x?.talentFlags ?? []) : [],
        enteredOn: r.enteredOn,
        areaM2: r.enteredOn ? (x?.areaM2 ?? null) : null,
        workstations: r.enteredOn ? (x?.workstations ?? null) : null,
        stage: r.stage,
      });
    }
    if (rows.length < PAGE_SIZE || page * PAGE_SIZE >= total) return out;
  }
}

/** The ventures list as .xlsx, and how many ventures it holds (for the export's audit entry). */
export async function exportVentures(db: DbOrTx, scope: Scope, filters: VentureFilters, today: string, locale: SheetLocale) {
  const rows = await ventureExportRows(db, scope, filters, today);
  return { bytes: await buildVentureExport(rows, locale), rows: rows.length };
}

/**
 * The quarter's grid of a carrier as rows to export: every venture resident during the quarter,
 * with the figures this carrier filed (none where it has not). A carrier outside the scope is
 * notFound (quarterGrid).
 */
export async function reportExportRows(db: DbOrTx, scope: Scope, quarter: QuarterInput): Promise<ReportExportRow[]> {
  const grid = await quarterGrid(db, scope, quarter);
  return grid.map((g) => ({
    name: g.name,
    creditCode: g.creditCode,
    figures: g.report,
    late: g.report ? g.report.late : null,
  }));
}

/** A carrier's quarter of reports as .xlsx, and how many rows it holds. */
export async function exportReports(db: DbOrTx, scope: Scope, quarter: QuarterInput, locale: SheetLocale, sheetName: string) {
  const rows = await reportExportRows(db, scope, quarter);
  return { bytes: await buildReportExport(rows, locale, sheetName), rows: rows.length };
}
