import { normalizeCreditCode } from '../domain/credit-code';
import { REPORT_FIELDS } from '../domain/report-figures';
import { reportRowInput, type ReportRowInput } from '../validation/report';
import type { SheetRow } from './read';
import { ErrorCollector, failed, openSheet, own, result, tick, type SheetResult, type ValidationContext } from './sheet';
import { fold, REPORT_COLUMNS } from './vocabulary';

export type ReportColumn = (typeof REPORT_COLUMNS)[number]['key'];
const FIGURES = REPORT_FIELDS;

/** The ventures that report in this carrier's quarter, by which rows are matched. */
export type ReportableVenture = { id: number; name: string; creditCode: string | null };
export type ReportSheetContext = ValidationContext & { ventures: ReportableVenture[] };

function ventureLookup(ventures: ReportableVenture[]) {
  const byCode = new Map<string, ReportableVenture>();
  const byName = new Map<string, ReportableVenture[]>();
  for (const v of ventures) {
    if (v.creditCode) byCode.set(v.creditCode, v);
    const key = fold(v.name);
    byName.set(key, [...(byName.get(key) ?? []), v]);
  }
  return { byCode: (code: string) => byCode.get(normalizeCreditCode(code)), byName: (name: string) => byName.get(fold(name)) ?? [] };
}

/**
 * One quarter's report rows, held to exactly the reports grid's schema
 * (lib/validation/report.ts reportRowInput). A row names its venture by credit code or,
 * for a team, by name; the venture must be one of the carrier's for the quarter, and
 * appear once. Amounts are in yuan as typed; the schema turns them into fen.
 */
export async function validateReportRows(rows: SheetRow[], ctx: ReportSheetContext): Promise<SheetResult<ReportRowInput>> {
  const opened = openSheet<ReportColumn>(rows, REPORT_COLUMNS, ctx.translate);
  if ('errors' in opened) return failed(opened.errors);
  const { sheet } = opened;
  const errors = new ErrorCollector(sheet, ctx.translate);
  const find = ventureLookup(ctx.ventures);
  const firstRowOfVenture = new Map<number, number>();
  const inputs: ReportRowInput[] = [];
  const rowNumbers: number[] = [];
  const total = sheet.rows.length;

  for (const [i, row] of sheet.rows.entries()) {
    const cell = (key: ReportColumn) => sheet.cell(row, key);
    const flagged = new Set<ReportColumn>();
    const flag = (column: ReportColumn, code: string, params?: Record<string, string | number>) => {
      flagged.add(column);
      errors.add(row.row, column, own(code, params));
    };

    let ventureId: number | undefined;
    const code = cell('creditCode');
    const name = cell('ventureName');
    if (code) {
      const v = find.byCode(code);
      if (!v) flag('creditCode', 'unknownVenture', { value: code });
      else if (name && fold(name) !== fold(v.name)) flag('ventureName', 'nameMismatch', { name: v.name });
      else ventureId = v.id;
    } else if (name) {
      const matches = find.byName(name);
      if (matches.length === 0) flag('ventureName', 'unknownVenture', { value: name });
      else if (matches.length > 1) flag('ventureName', 'ambiguousVenture', { value: name });
      else ventureId = matches[0]!.id;
    } else {
      flag('creditCode', 'ventureMissing');
    }
    if (ventureId !== undefined) {
      const first = firstRowOfVenture.get(ventureId);
      if (first !== undefined) flag(code ? 'creditCode' : 'ventureName', 'duplicateVenture', { row: String(first) });
      else firstRowOfVenture.set(ventureId, row.row);
    }

    const raw: Record<string, unknown> = { ventureId: ventureId ?? '' };
    for (const f of FIGURES) raw[f] = cell(f);
    const parsed = reportRowInput.safeParse(raw);
    const identity: ReportColumn = code || !name ? 'creditCode' : 'ventureName';
    if (!parsed.success) {
      // The venture's own problem is already reported under its column.
      errors.addZod(row.row, parsed.error, (field) => (field === 'ventureId' ? identity : (field as ReportColumn)), new Set([...flagged, identity]));
    } else if (flagged.size === 0) {
      inputs.push(parsed.data);
      rowNumbers.push(row.row);
    }
    await tick(ctx, i + 1, total);
  }
  return result(errors, inputs, rowNumbers);
}
