import type { z } from 'zod';
import type { FieldMessage } from '../errors';
import { zodFieldErrors } from '../validation/zod-messages';
import { MAX_DATA_ROWS, type SheetRow } from './read';
import { heading, matchHeader, type ColumnDef } from './vocabulary';

/**
 * Translates a message key with its parameters. Keys from the shared schemas are relative to
 * `validation` ('required', 'creditCode.check'); this module's own are full ('transfer.errors.*').
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One problem in a file: the spreadsheet row (the header is row 1), the column's heading, the message. */
export type SheetError = { row: number; column: string; message: string };

export type SheetResult<T> = { ok: true; inputs: T[]; rows: number[] } | { ok: false; errors: SheetError[]; errorCount: number };

export type ValidationContext = {
  translate: Translate;
  /** Called now and then while rows are checked; the check then also yields to the event loop. */
  onProgress?: (done: number, total: number) => void;
};

export const errorKey = (code: string) => `transfer.errors.${code}`;

/** A sheet whose header has been found: cells by column key, headings as written in the file. */
export class Sheet<K extends string> {
  constructor(
    readonly rows: SheetRow[],
    readonly headerRow: number,
    private readonly index: Map<K, number>,
    private readonly found: Map<K, string>,
  ) {}

  cell(row: SheetRow, key: K): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  headingOf(key: K): string {
    return this.found.get(key) ?? heading(key as never);
  }
}

/** Finds the header and checks that every required column is there. */
export function openSheet<K extends string>(rows: SheetRow[], columns: ColumnDef[], translate: Translate): { sheet: Sheet<K> } | { errors: SheetError[] } {
  const fail = (code: string, params?: Record<string, string | number>, row = 1, column = '') => ({
    errors: [{ row, column, message: translate(errorKey(code), params) }],
  });
  if (rows.length === 0) return fail('noRows');
  let headerAt = -1;
  let match: ReturnType<typeof matchHeader> | undefined;
  for (let i = 0; i < Math.min(rows.length, 5); i++) {
    const m = matchHeader(columns, rows[i]!.cells);
    if (m.index.size >= 2) {
      headerAt = i;
      match = m;
      break;
    }
  }
  if (!match) return fail('noSheet');
  const headerRow = rows[headerAt]!.row;
  const missing = columns.filter((c) => c.required && !match.index.has(c.key));
  if (missing.length) {
    return {
      errors: missing.map((c) => ({ row: headerRow, column: heading(c.key), message: translate(errorKey('missingColumn')) })),
    };
  }
  const data = rows.slice(headerAt + 1);
  if (data.length === 0) return fail('noRows', undefined, headerRow + 1);
  if (data.length > MAX_DATA_ROWS) return fail('tooManyRows', { max: MAX_DATA_ROWS });
  return { sheet: new Sheet<K>(data, headerRow, match.index as Map<K, number>, match.found as Map<K, string>) };
}

/** Collects the errors of a file, row by row, translated at once. */
export class ErrorCollector<K extends string> {
  readonly errors: SheetError[] = [];
  constructor(
    private readonly sheet: Sheet<K>,
    private readonly translate: Translate,
  ) {}

  add(row: number, column: K, message: FieldMessage) {
    this.errors.push({ row, column: this.sheet.headingOf(column), message: this.translate(message.key, message.params) });
  }

  /**
   * The schema's complaints about one row, each under the column its field came from;
   * a column that already has an error of its own (an unknown carrier, say) gets no second one.
   * Returns the columns the schema complained about.
   */
  addZod(row: number, error: z.ZodError, columnOf: (field: string) => K, already: Set<K>): Set<K> {
    const columns = new Set<K>();
    for (const [field, messages] of Object.entries(zodFieldErrors(error))) {
      const column = columnOf(field.split('.')[0]!);
      columns.add(column);
      if (already.has(column)) continue;
      for (const m of messages) this.add(row, column, m);
    }
    return columns;
  }
}

export function own(code: string, params?: Record<string, string | number>): FieldMessage {
  return params ? { key: errorKey(code), params } : { key: errorKey(code) };
}

const PROGRESS_EVERY = 1000;

/** Reports progress and lets the event loop run (so a progress stream is flushed) every so often. */
export async function tick(ctx: ValidationContext, done: number, total: number) {
  if (!ctx.onProgress || (done % PROGRESS_EVERY !== 0 && done !== total)) return;
  ctx.onProgress(done, total);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export function result<T>(collector: { errors: SheetError[] }, inputs: T[], rows: number[]): SheetResult<T> {
  if (collector.errors.length) {
    const errors = [...collector.errors].sort((a, b) => a.row - b.row);
    return { ok: false, errors, errorCount: errors.length };
  }
  return { ok: true, inputs, rows };
}

export function failed(errors: SheetError[]): SheetResult<never> {
  return { ok: false, errors, errorCount: errors.length };
}
