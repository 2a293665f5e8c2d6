import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellToString } from './cells';
import { decodeText, parseCsv } from './csv';

/** One row of a sheet as strings, with its spreadsheet row number (the first row is 1). */
export type SheetRow = { row: number; cells: string[] };
export type FileKind = 'xlsx' | 'csv';

/** Rows beyond this are refused: one import is one transaction, and a file is read into memory. */
export const MAX_DATA_ROWS = 50_000;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class SheetFileError extends Error {
  constructor(
    readonly code: 'fileType' | 'unreadable' | 'noSheet' | 'tooManyRows' | 'noRows',
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'SheetFileError';
  }
}

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

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const name = String((sheet as unknown as { name?: string }).name ?? '');
    if (isInstructions(name)) continue;
    const rows: SheetRow[] = [];
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => cellToString(v));
      if (cells.every((c) => c === '')) continue;
      rows.push({ row: row.number, cells });
      if (rows.length > MAX_DATA_ROWS + 1) throw new SheetFileError('tooManyRows', { max: MAX_DATA_ROWS });
    }
    return rows;
  }
  throw new SheetFileError('noSheet');
}

function readCsv(bytes: Uint8Array): SheetRow[] {
  const rows: SheetRow[] = [];
  parseCsv(decodeText(bytes)).forEach((raw, i) => {
    const cells = raw.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    rows.push({ row: i + 1, cells });
  });
  if (rows.length > MAX_DATA_ROWS + 1) throw new SheetFileError('tooManyRows', { max: MAX_DATA_ROWS });
  return rows;
}

/**
 * The rows of the first worksheet (the instructions sheet is skipped) or of the CSV, every
 * cell as a string, blank rows left out, with their row numbers as the user sees them.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<SheetRow[]> {
  const kind = detectFileKind(bytes, fileName);
  if (!kind) throw new SheetFileError('fileType');
  try {
    return kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  } catch (e) {
    if (e instanceof SheetFileError) throw e;
    throw new SheetFileError('unreadable');
  }
}
