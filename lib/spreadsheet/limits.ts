/**
 * What one import file may cost the server (docs/imports.md). A file past any of these is
 * refused with a message naming the limit; reading stops as soon as one is passed.
 */
export type ReadLimits = {
  /** Rows with at least one non-empty cell, the header included: maxDataRows + 1. */
  maxDataRows: number;
  /** Rows read, blank ones included (a file of only line breaks, a sheet of empty rows). */
  maxRowsRead: number;
  /** Columns up to the last non-empty cell of a row. */
  maxColumns: number;
  /** Characters in one cell (Excel itself holds at most 32,767). */
  maxCellChars: number;
  /** Bytes an .xlsx unpacks to, all its parts together, counted as they are inflated. */
  maxUnpackedBytes: number;
  /** Parts (ZIP entries) of an .xlsx; a workbook has a dozen or two. */
  maxZipEntries: number;
};

export const READ_LIMITS: ReadLimits = {
  maxDataRows: 20_000,
  maxRowsRead: 50_000,
  maxColumns: 60,
  maxCellChars: 32 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxZipEntries: 1000,
};

/** The uploaded file itself (checked from Content-Length and while the body arrives). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A read that takes longer than this is stopped (a backstop: the limits above come first). */
export const MAX_READ_MS = 120_000;

/** Files read at the same time in the whole server; one more is asked to retry shortly. */
export const MAX_PARALLEL_READS = 2;
