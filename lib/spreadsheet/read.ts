import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellToString } from './cells';
import { csvRecords, CsvRecordTooLarge } from './csv';
import { MAX_FILE_BYTES, READ_LIMITS, type ReadLimits } from './limits';
import { checkZip, inReadingOrder, ZipCheckError, zipDirectory } from './zip-check';

/** One row of a sheet as strings, with its spreadsheet row number (the first row is 1). */
export type SheetRow = { row: number; cells: string[] };
export type FileKind = 'xlsx' | 'csv';

/** Data rows beyond this are refused (docs/imports.md): one import is one transaction. */
export const MAX_DATA_ROWS = READ_LIMITS.maxDataRows;
export { MAX_FILE_BYTES };

/** Refusals of the file itself, each with a message of its own (sheetFileMessageKey). */
export type SheetFileCode =
  | 'fileType'
  | 'unreadable'
  | 'noSheet'
  | 'tooManyRows'
  | 'noRows'
  | 'tooManyBlankRows'
  | 'tooManyColumns'
  | 'cellTooLong'
  | 'unpackedTooLarge'
  | 'tooManyParts'
  | 'tooSlow'
  | 'busy'
  | 'aborted';

export class SheetFileError extends Error {
  constructor(
    readonly code: SheetFileCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'SheetFileError';
  }
}

/** The limits' messages are in messages/<locale>/imports.json; the others with the import's. */
const LIMIT_CODES = new Set<SheetFileCode>([
  'tooManyBlankRows',
  'tooManyColumns',
  'cellTooLong',
  'unpackedTooLarge',
  'tooManyParts',
  'tooSlow',
  'busy',
  'aborted',
]);
export const sheetFileMessageKey = (code: SheetFileCode) => (LIMIT_CODES.has(code) ? `importLimits.${code}` : `transfer.errors.${code}`);

export type ReadOptions = { limits?: ReadLimits; signal?: AbortSignal };

/**
 * What the file is, from its name and its content: an .xlsx is a ZIP ("PK\x03\x04"); a .csv
 * is text (no NUL bytes unless it is UTF-16). An old .xls, or anything renamed, is refused.
 */
export function detectFileKind(bytes: Uint8Array, fileName: string): FileKind | null {
  const name = fileName.toLowerCase().trim();
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (name.endsWith('.xlsx')) return zip ? 'xlsx' : null;
  if (name.endsWith('.csv')) {
    if (zip) return null;
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!utf16 && bytes.subarray(0, 65_536).includes(0)) return null;
    return 'csv';
  }
  return null;
}

const isInstructions = (sheetName: string) => /说明|instructions/i.test(sheetName);

/** A column's letters as Excel shows them: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) s = String.fromCharCode(65 + ((rest - 1) % 26)) + s;
  return s;
}

/**
 * Counts the rows as they come and holds each to the limits: the first row past one stops the
 * reading. Blank rows are left out of the result but counted (a sheet of empty rows is work).
 */
class RowCollector {
  readonly rows: SheetRow[] = [];
  private read = 0;
  constructor(
    private readonly limits: ReadLimits,
    private readonly signal?: AbortSignal,
  ) {}

  add(row: number, raw: ArrayLike<unknown>, toText: (v: unknown) => string) {
    if (this.signal?.aborted) throw new SheetFileError('aborted');
    this.read += 1;
    if (this.read > this.limits.maxRowsRead) throw new SheetFileError('tooManyBlankRows', { max: this.limits.maxRowsRead });
    let last = raw.length - 1;
    while (last >= 0 && (raw[last] === undefined || raw[last] === null || raw[last] === '')) last -= 1;
    if (last + 1 > this.limits.maxColumns) throw new SheetFileError('tooManyColumns', { max: this.limits.maxColumns, row });
    const cells: string[] = [];
    for (let i = 0; i <= last; i++) {
      const text = toText(raw[i]);
      if (text.length > this.limits.maxCellChars) throw new SheetFileError('cellTooLong', { max: this.limits.maxCellChars, row, column: columnLetters(i + 1) });
      cells.push(text);
    }
    if (cells.every((c) => c === '')) return;
    this.rows.push({ row, cells });
    if (this.rows.length > this.limits.maxDataRows + 1) throw new SheetFileError('tooManyRows', { max: this.limits.maxDataRows });
  }
}

async function readXlsx(bytes: Uint8Array, limits: ReadLimits, signal?: AbortSignal): Promise<SheetRow[]> {
  const ordered = inReadingOrder(bytes, await checkZip(bytes, limits, signal));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const name = String((sheet as unknown as { name?: string }).name ?? '');
    if (isInstructions(name)) continue;
    const collector = new RowCollector(limits, signal);
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      collector.add(row.number, values.slice(1), cellToString);
    }
    return collector.rows;
  }
  throw new SheetFileError('noSheet');
}

async function readCsv(bytes: Uint8Array, limits: ReadLimits, signal?: AbortSignal): Promise<SheetRow[]> {
  const collector = new RowCollector(limits, signal);
  let n = 0;
  try {
    // A record may hold every column at the longest a cell may be (plus its separators).
    for await (const record of csvRecords(bytes, (limits.maxCellChars + 1) * limits.maxColumns)) {
      n += 1;
      collector.add(n, record, (v) => String(v ?? '').trim());
    }
  } catch (e) {
    if (e instanceof CsvRecordTooLarge) throw new SheetFileError('cellTooLong', { max: limits.maxCellChars, row: n + 1, column: '' });
    throw e;
  }
  return collector.rows;
}

/**
 * The cheap checks, before any reading: the kind of file and, for an .xlsx, its central
 * directory (how many parts, what they declare they unpack to). Throws SheetFileError.
 */
export function checkBeforeReading(bytes: Uint8Array, fileName: string, limits: ReadLimits = READ_LIMITS): FileKind {
  const kind = detectFileKind(bytes, fileName);
  if (!kind) throw new SheetFileError('fileType');
  if (bytes.length > MAX_FILE_BYTES) throw new SheetFileError('unreadable');
  if (kind === 'xlsx') {
    try {
      zipDirectory(bytes, limits);
    } catch (e) {
      if (e instanceof ZipCheckError)
        throw new SheetFileError(e.code, e.code === 'unpackedTooLarge' ? { max: mb(limits.maxUnpackedBytes) } : { max: limits.maxZipEntries });
      throw e;
    }
  }
  return kind;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * The rows of the first worksheet (the instructions sheet is skipped) or of the CSV, every
 * cell as a string, blank rows left out, with their row numbers as the user sees them.
 * Reads as a stream and stops at the first limit passed (lib/spreadsheet/limits.ts) or when
 * `signal` aborts. This runs on the calling thread: the import runs it in a worker
 * (lib/spreadsheet/isolated.ts).
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, o: ReadOptions = {}): Promise<SheetRow[]> {
  const limits = o.limits ?? READ_LIMITS;
  const kind = checkBeforeReading(bytes, fileName, limits);
  try {
    return kind === 'xlsx' ? await readXlsx(bytes, limits, o.signal) : await readCsv(bytes, limits, o.signal);
  } catch (e) {
    if (e instanceof SheetFileError) throw e;
    if (e instanceof ZipCheckError)
      throw new SheetFileError(e.code, e.code === 'unpackedTooLarge' ? { max: mb(limits.maxUnpackedBytes) } : { max: limits.maxZipEntries });
    if (o.signal?.aborted) throw new SheetFileError('aborted');
    throw new SheetFileError('unreadable');
  }
}
