import { creditCode } from '../validation/fields';
import { TALENT_FLAGS } from '../domain/venture-fields';
import { admissionInput, type AdmissionInput } from '../validation/venture';
import { normalizeDateText } from './cells';
import type { SheetRow } from './read';
import { ErrorCollector, failed, openSheet, own, result, tick, type SheetResult, type ValidationContext } from './sheet';
import { fold, industryOf, talentFlagsOf, technicalFieldOf, VENTURE_COLUMNS, ventureKindOf } from './vocabulary';

export type VentureColumn = (typeof VENTURE_COLUMNS)[number]['key'];

/** The operator's carriers, by which the rows name theirs. */
export type CarrierChoice = { id: number; name: string; nameEn?: string | null };
export type VentureSheetContext = ValidationContext & { carriers: CarrierChoice[] };

/** Where the schema's fields sit in the sheet. */
const columnOf = (field: string): VentureColumn => (field === 'carrierId' ? 'carrier' : (field as VentureColumn));

function carrierLookup(carriers: CarrierChoice[]) {
  const byName = new Map<string, number>();
  for (const c of carriers) {
    byName.set(fold(c.name), c.id);
    if (c.nameEn) byName.set(fold(c.nameEn), c.id);
  }
  return (raw: string) => byName.get(fold(raw));
}

/**
 * Admission rows of a workbook, held to exactly the admission form's schema
 * (lib/validation/venture.ts admissionInput). Cells are only translated into the schema's
 * words first: a carrier's name to its id, "企业" to company, "生物医药" to biomedicine,
 * 2025/3/1 to 2025-03-01. Either every row is valid and all inputs come back, in file
 * order with their row numbers, or the errors of every row do.
 */
export async function validateVentureRows(rows: SheetRow[], ctx: VentureSheetContext): Promise<SheetResult<AdmissionInput>> {
  const opened = openSheet<VentureColumn>(rows, VENTURE_COLUMNS, ctx.translate);
  if ('errors' in opened) return failed(opened.errors);
  const { sheet } = opened;
  const errors = new ErrorCollector(sheet, ctx.translate);
  const carrierOf = carrierLookup(ctx.carriers);
  const firstRowOfCode = new Map<string, number>();
  const inputs: AdmissionInput[] = [];
  const rowNumbers: number[] = [];
  const total = sheet.rows.length;

  for (const [i, row] of sheet.rows.entries()) {
    const cell = (key: VentureColumn) => sheet.cell(row, key);
    const own_ = new Set<VentureColumn>();
    const flag = (column: VentureColumn, code: string, params?: Record<string, string | number>) => {
      own_.add(column);
      errors.add(row.row, column, own(code, params));
    };

    const carrierName = cell('carrier');
    const carrierId = carrierName ? carrierOf(carrierName) : undefined;
    if (carrierName && carrierId === undefined) flag('carrier', 'unknownCarrier', { value: carrierName });
    const kind = ventureKindOf(cell('kind'));
    if (cell('kind') && !kind) flag('kind', 'notInList', { value: cell('kind') });
    const industry = industryOf(cell('industry'));
    if (cell('industry') && !industry) flag('industry', 'notInList', { value: cell('industry') });
    const technicalField = technicalFieldOf(cell('technicalField'));
    if (cell('technicalField') && !technicalField) flag('technicalField', 'notInList', { value: cell('technicalField') });
    const talentFlags = cell('talentFlags') ? talentFlagsOf(cell('talentFlags')) : undefined;
    const unknownTalent = talentFlags?.find((f) => !(TALENT_FLAGS as readonly string[]).includes(f));
    if (unknownTalent) flag('talentFlags', 'notInList', { value: unknownTalent });
    if (kind === 'team' && cell('creditCode')) flag('creditCode', 'teamHasCreditCode');
    if (kind === 'company') {
      const code = creditCode.safeParse(cell('creditCode'));
      const first = code.success ? firstRowOfCode.get(code.data) : undefined;
      if (first !== undefined) flag('creditCode', 'duplicateInFile', { row: String(first) });
      else if (code.success) firstRowOfCode.set(code.data, row.row);
    }

    const raw: Record<string, unknown> = {
      kind: kind ?? cell('kind'),
      carrierId,
      name: cell('name'),
      industry: industry ?? cell('industry'),
      technicalField: technicalField ?? cell('technicalField'),
      founders: cell('founders'),
      talentFlags,
      enteredOn: normalizeDateText(cell('enteredOn')),
      areaM2: cell('areaM2'),
      workstations: cell('workstations'),
    };
    if (kind !== 'team') {
      raw.creditCode = cell('creditCode');
      raw.foundedOn = normalizeDateText(cell('foundedOn'));
    }
    const parsed = admissionInput.safeParse(raw);
    if (!parsed.success) {
      errors.addZod(row.row, parsed.error, columnOf, own_);
    } else if (own_.size === 0) {
      inputs.push(parsed.data);
      rowNumbers.push(row.row);
    }
    await tick(ctx, i + 1, total);
  }
  return result(errors, inputs, rowNumbers);
}
