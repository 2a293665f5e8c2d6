import 'server-only';
import { asc } from 'drizzle-orm';
import type { Actor } from '@/db/audit';
import { DomainError, type FieldErrors } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import {
  heading,
  SheetFileError,
  sheetFileMessageKey,
  validateReportRows,
  validateVentureRows,
  type SheetError,
  type SheetResult,
  type SheetRow,
  type Translate,
} from '@/lib/spreadsheet';
import { readWorkbookIsolated } from '@/lib/spreadsheet/isolated';
import type { QuarterInput } from '@/lib/validation/report';
import type { Db, DbOrTx, Tx } from '../../client';
import { carriers } from '../../schema';
import { admissionRuleCheck, admitVentures } from './admission';
import { quarterGrid, saveQuarterReports } from '../reports/reports';
import { assertOperatorOf, carrierCondition } from '../shared/scope';
import { pinyin } from '../shared/collation';

/**
 * Importing a workbook: read it, hold every row to the shared schemas, and only when every
 * row is valid write them all in ONE transaction through the same functions the forms use.
 * The route handler streams the progress; tests call these directly.
 */
export type ImportPhase = 'parsing' | 'validating' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;
export type ImportOptions = {
  translate: Translate;
  onProgress?: ImportProgress;
  /** Aborted when the client goes away: the file's reading stops (its worker is ended). */
  signal?: AbortSignal;
};

export type ImportResult =
  { ok: true; written: number; changed?: number; warned?: number } | { ok: false; errors: SheetError[]; errorCount: number; message?: string };

/** The error report lists at most this many; errorCount says how many there were. */
export const MAX_REPORTED_ERRORS = 1000;

/** The operator's carriers, by which the ventures workbook names them. */
export async function transferCarriers(db: DbOrTx, scope: Scope) {
  return db
    .select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn, kind: carriers.kind })
    .from(carriers)
    .where(carrierCondition(scope, carriers.id))
    .orderBy(asc(carriers.kind), pinyin(carriers.name));
}

const failure = (errors: SheetError[], errorCount = errors.length, message?: string): ImportResult => ({
  ok: false,
  errors: errors.slice(0, MAX_REPORTED_ERRORS),
  errorCount,
  ...(message ? { message } : {}),
});

async function readRows(bytes: Uint8Array, fileName: string, o: ImportOptions): Promise<SheetRow[] | ImportResult> {
  o.onProgress?.('parsing', 0, 1);
  try {
    // In a worker thread, within the limits of lib/spreadsheet/limits.ts (docs/imports.md).
    const rows = await readWorkbookIsolated(bytes, fileName, { signal: o.signal });
    o.onProgress?.('parsing', 1, 1);
    return rows;
  } catch (e) {
    if (e instanceof SheetFileError) return failure([], 0, o.translate(sheetFileMessageKey(e.code), e.params));
    throw e;
  }
}

/**
 * A refusal of the write (DomainError 'invalid', fieldErrors keyed `${index}.${field}`) as
 * errors on the spreadsheet rows the inputs came from.
 */
function rowErrors(fieldErrors: FieldErrors, rowNumbers: number[], columnOf: (field: string) => string, t: Translate): SheetError[] {
  const errors: SheetError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [index, ...field] = key.split('.');
    const row = rowNumbers[Number(index)];
    for (const m of messages) {
      errors.push({ row: row ?? 1, column: row === undefined ? '' : columnOf(field.join('.')), message: t(m.key, m.params) });
    }
  }
  return errors.sort((a, b) => a.row - b.row);
}

async function write<T>(
  db: Db,
  checked: Extract<SheetResult<T>, { ok: true }>,
  columnOf: (field: string) => string,
  o: ImportOptions,
  run: (tx: Tx) => Promise<Omit<Extract<ImportResult, { ok: true }>, 'ok'>>,
): Promise<ImportResult> {
  const total = checked.inputs.length;
  o.onProgress?.('writing', 0, total);
  try {
    const done = await db.transaction(run);
    o.onProgress?.('writing', total, total);
    return { ok: true, ...done };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'invalid' && e.fieldErrors) {
      const errors = rowErrors(e.fieldErrors, checked.rows, columnOf, o.translate);
      return failure(errors);
    }
    if (e.code === 'conflict') return failure([], 0, o.translate('outcome.conflict'));
    throw e;
  }
}

const ventureColumnOf = (field: string) => heading((field === 'carrierId' ? 'carrier' : field) as Parameters<typeof heading>[0]);

/**
 * Admits the ventures of a workbook into the operator's carriers (each row names its carrier;
 * a name that is not one of the operator's carriers is a row error, as if it did not exist).
 * The rows are held to the format and the admission rules in one round, so the errors of every
 * row come back together. All rows or none: admitVentures runs once, in one transaction, with
 * every input.
 */
export async function importVentures(
  db: Db,
  actor: Actor,
  scope: Scope,
  bytes: Uint8Array,
  fileName: string,
  today: string,
  o: ImportOptions,
): Promise<ImportResult> {
  const rows = await readRows(bytes, fileName, o);
  if (!Array.isArray(rows)) return rows;
  const carrierChoices = await transferCarriers(db, scope);
  const carrierKinds = new Map(carrierChoices.map((c) => [c.id, c.kind]));
  const checked = await validateVentureRows(rows, {
    carriers: carrierChoices,
    // Format and rules in one round: every row's every problem before anything is written.
    rules: (candidates) => admissionRuleCheck(db, candidates, carrierKinds, today),
    translate: o.translate,
    onProgress: (done, total) => o.onProgress?.('validating', done, total),
  });
  if (!checked.ok) return failure(checked.errors, checked.errorCount);
  return write(db, checked, ventureColumnOf, o, async (tx) => {
    const admitted = await admitVentures(tx, actor, scope, checked.inputs, today);
    return { written: admitted.length, warned: admitted.filter((a) => a.warnings.length > 0).length };
  });
}

/**
 * Files one quarter's reports of one carrier from a workbook. A carrier outside the scope is
 * notFound before the file is even read. All rows or none, through saveQuarterReports.
 */
export async function importReports(
  db: Db,
  actor: Actor,
  scope: Scope,
  quarter: QuarterInput,
  bytes: Uint8Array,
  fileName: string,
  today: string,
  o: ImportOptions,
): Promise<ImportResult> {
  assertOperatorOf(scope, quarter.carrierId);
  const rows = await readRows(bytes, fileName, o);
  if (!Array.isArray(rows)) return rows;
  const grid = await quarterGrid(db, scope, quarter);
  const checked = await validateReportRows(rows, {
    ventures: grid.map((g) => ({ id: g.ventureId, name: g.name, creditCode: g.creditCode })),
    translate: o.translate,
    onProgress: (done, total) => o.onProgress?.('validating', done, total),
  });
  if (!checked.ok) return failure(checked.errors, checked.errorCount);
  const columnOf = (field: string) => (field === 'ventureId' ? heading('creditCode') : heading(field as Parameters<typeof heading>[0]));
  return write(db, checked, columnOf, o, async (tx) => {
    const { saved } = await saveQuarterReports(tx, actor, scope, quarter, checked.inputs, today);
    return { written: checked.inputs.length, changed: saved };
  });
}
