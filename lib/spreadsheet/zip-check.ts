import zlib from 'node:zlib';
import type { ReadLimits } from './limits';

/**
 * The checks of an .xlsx (a ZIP archive) before and while it is unpacked, so that a small file
 * that unpacks to gigabytes costs little: first the central directory (how many parts, what
 * sizes they declare), then every part is inflated and its real size counted, stopping as soon
 * as the total passes the limit. Declared sizes are only believed to refuse early, never to
 * accept. The parts must follow each other from the start of the file to the central directory,
 * so that a reader going through the file from the front (as exceljs does) meets no part that
 * was not counted here.
 */
export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; offset: number };

export type ZipProblem = 'unreadable' | 'tooManyParts' | 'unpackedTooLarge';
export class ZipCheckError extends Error {
  constructor(readonly code: ZipProblem) {
    super(code);
    this.name = 'ZipCheckError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const fail = (code: ZipProblem = 'unreadable'): never => {
  throw new ZipCheckError(code);
};

/** The entries of the central directory, checked against the limits and the local headers. No inflating. */
export function zipDirectory(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxZipEntries' | 'maxUnpackedBytes'>): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === EOCD && i + 22 + u16(bytes, i + 20) === bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) fail();
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) fail(); // split archives
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) fail(); // ZIP64: no workbook needs it
  if (count !== u16(bytes, end + 8)) fail();
  if (count > limits.maxZipEntries) fail('tooManyParts');
  if (dirOffset + dirSize !== end) fail();

  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let at = dirOffset, i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL) fail();
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
    };
    if (entry.flags & 1) fail(); // encrypted
    if (entry.method !== 0 && entry.method !== 8) fail();
    if (entry.method === 0 && entry.compressedSize !== entry.size) fail();
    declared += entry.size;
    if (declared > limits.maxUnpackedBytes) fail('unpackedTooLarge');
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (at > end) fail();
  }

  // The local headers agree with the directory and the parts tile the file up to it.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (e.offset !== expected || e.offset + 30 > dirOffset || u32(bytes, e.offset) !== LOCAL) fail();
    const flags = u16(bytes, e.offset + 6);
    const nameLength = u16(bytes, e.offset + 26);
    const name = Buffer.from(bytes.subarray(e.offset + 30, e.offset + 30 + nameLength)).toString('utf8');
    if (name !== e.name || u16(bytes, e.offset + 8) !== e.method || (flags & 8) !== (e.flags & 8)) fail();
    if (!(flags & 8) && (u32(bytes, e.offset + 18) !== e.compressedSize || u32(bytes, e.offset + 22) !== e.size)) fail();
    const dataEnd = e.offset + 30 + nameLength + u16(bytes, e.offset + 28) + e.compressedSize;
    expected = flags & 8 ? dataEnd + (u32(bytes, dataEnd) === DESCRIPTOR ? 16 : 12) : dataEnd;
    if (expected > dirOffset) fail();
  }
  if (expected !== dirOffset) fail();
  return entries;
}

/** The data of one part, where its local header says it starts. */
function dataOf(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  return bytes.subarray(start, start + e.compressedSize);
}

/** Inflates `data` into nothing, counting; stops as soon as more than `stopAfter` bytes came out. */
function inflatedSize(data: Uint8Array, stopAfter: number, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => settle(() => (inflate.destroy(), reject(signal!.reason)));
    signal?.addEventListener('abort', onAbort, { once: true });
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > stopAfter) settle(() => (inflate.destroy(), resolve(size)));
    });
    inflate.on('end', () => settle(() => resolve(size)));
    inflate.on('error', () => settle(() => reject(new ZipCheckError('unreadable'))));
    inflate.end(data);
  });
}

/**
 * The central directory checks, then every part inflated and counted: refused when the parts
 * unpack to more than the limit in all (whatever they declare) or one unpacks to more than it
 * declared. Inflated data is thrown away: this only measures.
 */
export async function checkZip(bytes: Uint8Array, limits: ReadLimits, signal?: AbortSignal): Promise<ZipEntry[]> {
  const entries = zipDirectory(bytes, limits);
  let total = 0;
  for (const e of entries) {
    signal?.throwIfAborted();
    const room = limits.maxUnpackedBytes - total;
    const size = e.method === 0 ? e.size : await inflatedSize(dataOf(bytes, e), Math.min(room, e.size), signal);
    total += size;
    if (total > limits.maxUnpackedBytes) fail('unpackedTooLarge');
    if (size !== e.size) fail();
  }
  return entries;
}

/** The parts a streaming reader needs before any worksheet: the relations, the workbook, the shared strings and the styles. */
const READ_FIRST = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/_rels\/workbook\.xml\.rels|xl\/workbook\.xml|xl\/sharedStrings\.xml|xl\/styles\.xml)$/;
const WORKSHEET = /^xl\/worksheets\//;

/**
 * The same archive with its parts in the order a front-to-back reader needs them: the workbook,
 * its relations, shared strings and styles first, the worksheets last, everything else between.
 * exceljs writes `xl/workbook.xml` after the worksheets, and its streaming reader, meeting a
 * worksheet before the workbook, sometimes reads it before it knows the workbook (exceljs
 * issue 3064): the file then reads as unreadable at random. Each part is moved whole (its local
 * header, data and descriptor), which `zipDirectory` has shown tile the file up to the central
 * directory; the directory is kept as it was (its offsets are no longer right, and a streaming
 * reader does not use them).
 */
export function inReadingOrder(bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  if (byOffset.length === 0) return bytes;
  const directory = directoryStart(bytes);
  const ends = new Map(byOffset.map((e, i) => [e, byOffset[i + 1]?.offset ?? directory]));
  const rank = (e: ZipEntry) => (READ_FIRST.test(e.name) ? 0 : WORKSHEET.test(e.name) ? 2 : 1);
  const ordered = byOffset.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  const parts = ordered.map(({ e }) => bytes.subarray(e.offset, ends.get(e)!));
  return Buffer.concat([...parts, bytes.subarray(directory)]);
}

/** Where the central directory starts, from the end-of-central-directory record. */
function directoryStart(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === EOCD && i + 22 + u16(bytes, i + 20) === bytes.length) return u32(bytes, i + 16);
  }
  return fail();
}
