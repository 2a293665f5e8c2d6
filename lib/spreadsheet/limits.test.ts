import { describe, expect, it } from 'vitest';
import { emptyRowsBomb, inlineCell, xlsxWithSheetData, zipOf } from '@/tests/helpers/zip';
import { readWorkbookIsolated, readsRunning } from './isolated';
import { READ_LIMITS, type ReadLimits } from './limits';
import { checkBeforeReading, readWorkbook, SheetFileError, sheetFileMessageKey, type SheetFileCode } from './read';
import { translateEn, translateZh } from './test-support';

const utf8 = (s: string) => new TextEncoder().encode(s);
const limits = (o: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...o });
const refusal = (code: SheetFileCode, params?: object) =>
  expect.objectContaining({ name: 'SheetFileError', code, ...(params ? { params: expect.objectContaining(params) } : {}) });
const seconds = async <T>(f: () => Promise<T>) => {
  const start = performance.now();
  const settled = await f().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...settled, seconds: (performance.now() - start) / 1000 };
};

/** The longest the event loop of this thread waited while `f` ran. */
async function loopLagDuring<T>(f: () => Promise<T>): Promise<{ lag: number; result: Promise<T> }> {
  let lag = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
  }, 10);
  const result = f();
  await result.catch(() => undefined);
  clearInterval(tick);
  return { lag, result };
}

describe('a zip bomb', () => {
  // 4.2 million empty rows: 50 MB of XML in a file of some kilobytes.
  const bomb = emptyRowsBomb(4_200_000);

  it('is small and unpacks to 50 MB of empty rows, and reading stops at the blank-rows limit within a second', async () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { error, seconds: took } = await seconds(() => readWorkbook(bomb, 'bomb.xlsx'));
    expect(error).toEqual(refusal('tooManyBlankRows', { max: READ_LIMITS.maxRowsRead }));
    expect(took).toBeLessThan(5);
  });

  it('is refused in a worker while this thread keeps answering, and the worker is gone after', async () => {
    const { lag, result } = await loopLagDuring(() => readWorkbookIsolated(bomb, 'bomb.xlsx'));
    await expect(result).rejects.toEqual(refusal('tooManyBlankRows'));
    expect(lag).toBeLessThan(200);
    expect(readsRunning()).toBe(0);
  });

  it('is refused before any inflating when its parts declare more than the unpacked limit', () => {
    const big = xlsxWithSheetData('<row r="2"/>'.repeat(200_000)); // 2.4 MB unpacked
    expect(() => checkBeforeReading(big, 'big.xlsx', limits({ maxUnpackedBytes: 1024 * 1024 }))).toThrow(
      expect.objectContaining({ code: 'unpackedTooLarge', params: { max: 1 } }),
    );
  });

  it('is refused while inflating when a part unpacks to more than it declares, whatever the limit', async () => {
    const liar = xlsxWithSheetData('<row r="2"/>'.repeat(2_000_000), { declaredSize: 1000 }); // 24 MB said to be 1 KB
    expect(() => checkBeforeReading(liar, 'liar.xlsx', limits({ maxUnpackedBytes: 1024 * 1024 }))).not.toThrow();
    const { error, seconds: took } = await seconds(() => readWorkbook(liar, 'liar.xlsx', { limits: limits({ maxUnpackedBytes: 1024 * 1024 }) }));
    expect(error).toEqual(refusal('unreadable'));
    await expect(readWorkbook(liar, 'liar.xlsx')).rejects.toEqual(refusal('unreadable'));
    expect(took).toBeLessThan(1);
  });

  it('is refused while inflating when honest parts together pass the limit', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: 'x'.repeat(400_000) }));
    const book = zipOf(parts);
    // The declared sizes pass the limit: refused before inflating; the same counted while inflating.
    expect(() => checkBeforeReading(book, 'media.xlsx', limits({ maxUnpackedBytes: 1_000_000 }))).toThrow(
      expect.objectContaining({ code: 'unpackedTooLarge' }),
    );
    const { checkZip } = await import('./zip-check');
    const counted = zipOf(parts.map((p) => ({ ...p, declaredSize: 400_000 })));
    await expect(checkZip(counted, limits({ maxUnpackedBytes: 2_000_000 }))).resolves.toHaveLength(3);
    await expect(checkZip(counted, limits({ maxUnpackedBytes: 1_000_000 }))).rejects.toMatchObject({ code: 'unpackedTooLarge' });
  });

  it('is refused when it has more parts than any workbook', () => {
    const parts = Array.from({ length: READ_LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: 'x' }));
    expect(() => checkBeforeReading(zipOf(parts), 'parts.xlsx')).toThrow(expect.objectContaining({ code: 'tooManyParts' }));
  });

  it('is refused when a part hides outside the central directory', async () => {
    const good = xlsxWithSheetData(`<row r="1">${inlineCell('A1', 'a')}</row>`);
    const hidden = zipOf([{ name: 'xl/worksheets/sheet2.xml', data: '<x/>'.repeat(1000) }]);
    const endOfParts = good.readUInt32LE(good.length - 6); // the central directory's offset
    const spliced = Buffer.concat([hidden.subarray(0, hidden.readUInt32LE(hidden.length - 6)), good]);
    expect(endOfParts).toBeGreaterThan(0);
    await expect(readWorkbook(spliced, 'spliced.xlsx')).rejects.toEqual(refusal('unreadable'));
  });
});

describe('rows, columns and cells', () => {
  it('refuses a CSV of only line breaks at the blank-rows limit, reading only the start of it', async () => {
    const newlines = new Uint8Array(20 * 1024 * 1024).fill(0x0a);
    const { error, seconds: took } = await seconds(() => readWorkbook(newlines, 'newlines.csv'));
    expect(error).toEqual(refusal('tooManyBlankRows'));
    expect(took).toBeLessThan(2);
    await expect(readWorkbook(utf8('\r\n'.repeat(60_000)), 'crlf.csv')).rejects.toEqual(refusal('tooManyBlankRows'));
  });

  it('refuses more than 20,000 data rows and reads exactly 20,000', async () => {
    const csv = (n: number) => utf8(['a,b', ...Array.from({ length: n }, (_, i) => `${i},x`)].join('\n'));
    expect(await readWorkbook(csv(20_000), 'ok.csv')).toHaveLength(20_001);
    await expect(readWorkbook(csv(20_001), 'many.csv')).rejects.toEqual(refusal('tooManyRows', { max: 20_000 }));
  });

  it('refuses a row with more than 60 columns, in a CSV and in a workbook, and accepts 60 with empty cells after them', async () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    expect((await readWorkbook(utf8(`${row(60)},,,,\n1`), 'sixty.csv'))[0]!.cells).toHaveLength(60);
    await expect(readWorkbook(utf8(`a\n${row(61)}`), 'wide.csv')).rejects.toEqual(refusal('tooManyColumns', { max: 60, row: 2 }));
    const far = xlsxWithSheetData(`<row r="1">${inlineCell('A1', 'a')}</row><row r="2">${inlineCell('XFD2', 'far')}</row>`);
    await expect(readWorkbook(far, 'far.xlsx')).rejects.toEqual(refusal('tooManyColumns', { row: 2 }));
    const sixty = xlsxWithSheetData(`<row r="1">${inlineCell('BH1', 'sixtieth')}</row>`);
    expect((await readWorkbook(sixty, 'sixty.xlsx'))[0]!.cells).toHaveLength(60);
  });

  it('refuses a cell longer than 32 KB, naming its row and column, and reads one of exactly 32 KB', async () => {
    const max = READ_LIMITS.maxCellChars;
    expect((await readWorkbook(utf8(`a,b\n1,${'x'.repeat(max)}`), 'ok.csv'))[1]!.cells[1]).toHaveLength(max);
    await expect(readWorkbook(utf8(`a,b\n1,${'x'.repeat(max + 1)}`), 'long.csv')).rejects.toEqual(refusal('cellTooLong', { max, row: 2, column: 'B' }));
    const huge = xlsxWithSheetData(`<row r="1">${inlineCell('A1', 'a')}</row><row r="3">${inlineCell('C3', '字'.repeat(max + 1))}</row>`);
    await expect(readWorkbook(huge, 'long.xlsx')).rejects.toEqual(refusal('cellTooLong', { row: 3, column: 'C' }));
    // One field of megabytes is not buffered whole: the parser stops at the size of a full row.
    await expect(readWorkbook(utf8(`"${'y'.repeat(3 * 1024 * 1024)}"`), 'huge.csv')).rejects.toEqual(refusal('cellTooLong'));
  });
});

describe('encodings are still read, in the worker too', () => {
  const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x31, 0x0d, 0x0a, 0xc6, 0xd6, 0xb6, 0xab, 0x2c, 0x32]); // 名称,1 / 浦东,2
  const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('名称\t数量\r\n浦东\t2\r\n', 'utf16le')]);
  const utf16be = new Uint8Array([0xfe, 0xff, ...Buffer.from('名称\t数量\n', 'utf16le').swap16()]);
  const expected = [
    { row: 1, cells: ['名称', '1'] },
    { row: 2, cells: ['浦东', '2'] },
  ];

  it('reads GBK and UTF-16 (both byte orders, tab-separated)', async () => {
    expect(await readWorkbook(gbk, 'gbk.csv')).toEqual(expected);
    expect(await readWorkbook(utf16, 'unicode.csv')).toEqual([
      { row: 1, cells: ['名称', '数量'] },
      { row: 2, cells: ['浦东', '2'] },
    ]);
    expect(await readWorkbook(utf16be, 'be.csv')).toEqual([{ row: 1, cells: ['名称', '数量'] }]);
    expect(await readWorkbookIsolated(gbk, 'gbk.csv')).toEqual(expected);
    expect(await readWorkbookIsolated(utf16, 'unicode.csv')).toHaveLength(2);
  });

  it('reads a character split between two slices of the file', async () => {
    // 浦 takes 3 bytes, from the 65,535th on: the first slice ends inside it.
    const text = `${`${'a'.repeat(99)}\n`.repeat(655)}${'a'.repeat(35)}浦,1\n东,2`;
    const rows = await readWorkbook(utf8(text), 'split.csv');
    expect(rows.slice(-2).map((r) => r.cells)).toEqual([
      [`${'a'.repeat(35)}浦`, '1'],
      ['东', '2'],
    ]);
  });
});

describe('the worker', () => {
  // Line breaks read with no blank-rows limit: work that takes a while, for the tests of stopping it.
  const slow = new Uint8Array(20 * 1024 * 1024).fill(0x0a);
  const unlimited = limits({ maxRowsRead: Number.MAX_SAFE_INTEGER });

  it('is ended when the client goes away, at once', async () => {
    const client = new AbortController();
    const reading = readWorkbookIsolated(slow, 'slow.csv', { limits: unlimited, signal: client.signal });
    await new Promise((r) => setTimeout(r, 300));
    const abortedAt = performance.now();
    client.abort();
    await expect(reading).rejects.toEqual(refusal('aborted'));
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(readsRunning()).toBe(0);
  });

  it('is ended when the read takes too long', async () => {
    await expect(readWorkbookIsolated(slow, 'slow.csv', { limits: unlimited, timeoutMs: 200 })).rejects.toEqual(refusal('tooSlow'));
    expect(readsRunning()).toBe(0);
  });

  it('reads at most two files at once and asks a third to come back', async () => {
    const client = new AbortController();
    const two = [1, 2].map(() => readWorkbookIsolated(slow, 'slow.csv', { limits: unlimited, signal: client.signal }).catch((e: unknown) => e));
    await expect(readWorkbookIsolated(utf8('a\n1'), 'small.csv')).rejects.toEqual(refusal('busy'));
    client.abort();
    expect(await Promise.all(two)).toEqual([refusal('aborted'), refusal('aborted')]);
    expect(await readWorkbookIsolated(utf8('a\n1'), 'small.csv')).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('have a message in both languages for every limit', () => {
    const codes: SheetFileCode[] = [
      'tooManyRows',
      'tooManyBlankRows',
      'tooManyColumns',
      'cellTooLong',
      'unpackedTooLarge',
      'tooManyParts',
      'tooSlow',
      'busy',
      'aborted',
    ];
    for (const code of codes) {
      for (const t of [translateEn, translateZh]) {
        const text = t(sheetFileMessageKey(code), { max: 60, row: 7, column: 'C' });
        expect(text, code).not.toMatch(/importLimits|transfer\.errors|\{/);
        expect(text).not.toBe(t('validation.invalid'));
      }
    }
    expect(translateZh(sheetFileMessageKey('tooManyColumns'), { max: 60, row: 7 })).toBe('第 7 行超过 60 列。请使用导入模板，仅保留模板中的列。');
    expect(new SheetFileError('busy').code).toBe('busy');
  });
});
