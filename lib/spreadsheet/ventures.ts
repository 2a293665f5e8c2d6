import type { PartialCandidate } from '../domain/admission';
import type { FieldErrors } from '../errors';
import { creditCode, isoDate } from '../validation/fields';
import { TALENT_FLAGS } from '../domain/venture-fields';
import { admissionInput, type AdmissionInput } from '../validation/venture';
import { normalizeDateText } from './cells';
import type { SheetRow } from './read';
import { ErrorCollector, failed, openSheet, own, result, tick, type SheetResult, type ValidationContext } from './sheet';
import { fold, industryOf, talentFlagsOf, technicalFieldOf, VENTURE_COLUMNS, ventureKindOf } from './vocabulary';

export type VentureColumn = (typeof VENTURE_COLUMNS)[number]['key'];

/** The operator's carriers, by which the rows name theirs. */
export type CarrierChoice = { id: number; name: string; nameEn?: string | null };
export type VentureSheetContext = ValidationContext & {
  carriers: CarrierChoice[];
  /**
   * The admission rules over every row (lib/domain/admission.ts admissionRuleErrors): field
   * errors keyed `${index}.${field}`, the index that of the row among the data rows. Each row
   * is given with the fields its cells could be read into, so that a row with a mistyped credit
   * code is still held to the rules its other cells allow.
   */
  rules?: (candidates: PartialCandidate[]) => Promise<FieldErrors>;
};

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
 * 2025/3/1 to 2025-03-01. With `rules`, the rows are then held to the admission rules too,
 * in the same round. Either every row is valid and all inputs come back, in file order with
 * their row numbers, or the errors of every row, of format and rule alike, do.
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
  const candidates: PartialCandidate[] = [];
  const flagged: Set<VentureColumn>[] = [];

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
    const bad = new Set(own_);
    if (!parsed.success) {
      for (const column of errors.addZod(row.row, parsed.error, columnOf, own_)) bad.add(column);
    } else if (own_.size === 0) {
      inputs.push(parsed.data);
      rowNumbers.push(row.row);
    }
    flagged.push(bad);
    candidates.push(candidateOf(parsed.success ? parsed.data : raw, bad, kind));
    await tick(ctx, i + 1, total);
  }

  if (ctx.rules) {
    // A rule's complaint about a column that already has a format error adds nothing.
    for (const [key, messages] of Object.entries(await ctx.rules(candidates))) {
      const [index, ...field] = key.split('.');
      const i = Number(index);
      const column = columnOf(field.join('.'));
      const row = sheet.rows[i];
      if (!row || flagged[i]!.has(column)) continue;
      for (const m of messages) errors.add(row.row, column, m);
    }
  }
  return result(errors, inputs, rowNumbers);
}

/** The fields of a row that the rules look at, each only when its cell was read without error. */
function candidateOf(raw: Record<string, unknown>, bad: Set<VentureColumn>, kind: AdmissionInput['kind'] | undefined): PartialCandidate {
  const ok = (column: VentureColumn) => !bad.has(column);
  const date = (column: 'enteredOn' | 'foundedOn') => {
    const d = ok(column) ? isoDate.safeParse(raw[column]) : null;
    return d?.success ? d.data : undefined;
  };
  const code = kind === 'company' && ok('creditCode') ? creditCode.safeParse(raw.creditCode) : null;
  return {
    kind: ok('kind') ? kind : undefined,
    carrierId: ok('carrier') && typeof raw.carrierId === 'number' ? raw.carrierId : undefined,
    creditCode: code?.success ? code.data : undefined,
    foundedOn: kind === 'company' ? date('foundedOn') : undefined,
    enteredOn: date('enteredOn'),
  };
}
