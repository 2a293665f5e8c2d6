import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF. Excel in a Chinese locale saves "CSV" in GBK and "CSV
 * UTF-8" with a byte-order mark; both are read, as is UTF-16 ("Unicode text", tab-separated).
 * Parsing is csv-parse's, fed a slice at a time, so that reading can stop at any record.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

/** The encoding from the byte-order mark; without one, UTF-8 when the bytes are valid UTF-8, GBK otherwise. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'gbk';
}

/** The whole text (the byte-order mark left out). For small inputs; imports read in slices. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}

const SLICE = 64 * 1024;

/** The text a slice at a time (TextDecoder drops the byte-order mark and joins characters split between slices). */
function* textSlices(bytes: Uint8Array, encoding: TextEncoding): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let at = 0; at < bytes.length; at += SLICE) {
    const text = decoder.decode(bytes.subarray(at, at + SLICE), { stream: at + SLICE < bytes.length });
    if (text) yield text;
  }
}

/** The separator of the first line, outside quotes: comma unless tabs or semicolons are more common. */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > counts[',']! ? best[0] : ',';
}

/**
 * What the hand-written reader before it accepted: a quote inside an unquoted field is a
 * character, rows may differ in length, blank lines are kept (they count as rows), line
 * breaks may be CRLF, LF or CR, and `maxRecordChars` bounds what one record may buffer.
 */
const options = (delimiter: string, maxRecordChars: number): Options => ({
  delimiter,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: false,
  trim: true,
  bom: true,
  max_record_size: maxRecordChars,
});

export class CsvRecordTooLarge extends Error {}

/** The records of a CSV file one by one, read from its bytes a slice at a time; stop whenever. */
export async function* csvRecords(bytes: Uint8Array, maxRecordChars: number): AsyncGenerator<string[]> {
  const encoding = detectEncoding(bytes);
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, SLICE), { stream: true });
  const parser = parse(options(sniffDelimiter(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head), maxRecordChars));
  const source = Readable.from(textSlices(bytes, encoding), { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw new CsvRecordTooLarge();
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The records of a whole CSV text, with the options the import reads with (for tests and small inputs). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseSync(src, options(sniffDelimiter(src), 0)) as string[][];
  return records;
}
