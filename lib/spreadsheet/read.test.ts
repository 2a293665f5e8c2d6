import { describe, expect, it } from 'vitest';
import { cellToString, normalizeDateText, numberToString } from './cells';
import { decodeText, parseCsv } from './csv';
import { detectFileKind, readWorkbook, SheetFileError } from './read';
import { workbookOf } from './test-support';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

describe('cells as strings', () => {
  it('turns every kind of cell into the text a person sees', () => {
    expect(cellToString(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(cellToString({ richText: [{ text: '浦东' }, { font: { bold: true }, text: '软件 ' }] })).toBe('浦东软件');
    expect(cellToString({ formula: 'A1+1', result: 3 })).toBe('3');
    expect(cellToString({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellToString({ formula: 'B2' })).toBe('');
    expect(cellToString({ text: '官网', hyperlink: 'https://example.org' })).toBe('官网');
    expect(cellToString({ error: '#N/A' })).toBe('#N/A');
    expect(cellToString(true)).toBe('TRUE');
    expect(cellToString(null)).toBe('');
    expect(cellToString('  x  ')).toBe('x');
  });

  it('writes numbers without exponents or binary noise', () => {
    expect(numberToString(0.1 + 0.2)).toBe('0.3');
    expect(numberToString(1234.5)).toBe('1234.5');
    expect(numberToString(123456789012345)).toBe('123456789012345');
    expect(numberToString(1e21)).toBe('1000000000000000000000');
    expect(numberToString(-5)).toBe('-5');
    // An 18-digit credit code typed as a number has lost its last digits: it stays wrong, visibly.
    expect(numberToString(913100001322360077)).toBe('913100001322360064');
  });

  it('reads dates written as text the usual ways', () => {
    expect(normalizeDateText('2025/3/1')).toBe('2025-03-01');
    expect(normalizeDateText('2025年3月1日')).toBe('2025-03-01');
    expect(normalizeDateText('2025.03.01')).toBe('2025-03-01');
    expect(normalizeDateText('2025-03-01 00:00:00')).toBe('2025-03-01');
    expect(normalizeDateText('March 1')).toBe('March 1');
    expect(normalizeDateText('2025-13-01')).toBe('2025-13-01');
  });
});

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const text = decodeText(withBom('名称,创始人\r\n"甲, 乙公司","张三 ""老张""\n李四"\r\n丙,\r\n'));
    expect(parseCsv(text)).toEqual([
      ['名称', '创始人'],
      ['甲, 乙公司', '张三 "老张"\n李四'],
      ['丙', ''],
    ]);
  });

  it('decodes GBK (Excel’s "CSV" in a Chinese locale) and UTF-16 with tabs', () => {
    const gbk = new Uint8Array([0xc6, 0xd6, 0xb6, 0xab, 0x2c, 0x31]); // 浦东,1
    expect(parseCsv(decodeText(gbk))).toEqual([['浦东', '1']]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('a\tb\r\nc\td', 'utf16le')]);
    expect(parseCsv(decodeText(utf16))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads a CSV file into numbered rows, skipping blank ones', async () => {
    const rows = await readWorkbook(withBom('a,b\n\n1,"2,3"\n,\n4,5'), 'x.CSV');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['1', '2,3'] },
      { row: 5, cells: ['4', '5'] },
    ]);
  });
});

describe('file kinds', () => {
  it('checks the content, not only the name', async () => {
    const xlsx = await workbookOf([['a']]);
    expect(detectFileKind(xlsx, 'a.xlsx')).toBe('xlsx');
    expect(detectFileKind(xlsx, 'a.csv')).toBeNull();
    expect(detectFileKind(utf8('a,b'), 'a.xlsx')).toBeNull();
    expect(detectFileKind(utf8('a,b'), 'a.csv')).toBe('csv');
    expect(detectFileKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).toBeNull();
    expect(detectFileKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]), 'evil.csv')).toBeNull();
    expect(detectFileKind(xlsx, 'a.pdf')).toBeNull();
  });

  it('refuses another type and a damaged workbook with a code', async () => {
    await expect(readWorkbook(utf8('x'), 'a.txt')).rejects.toMatchObject({ code: 'fileType' });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(readWorkbook(broken, 'a.xlsx')).rejects.toBeInstanceOf(SheetFileError);
  });
});

describe('workbooks', () => {
  it('reads the first sheet that is not the instructions, with row numbers and typed cells as text', async () => {
    const bytes = await workbookOf(
      [
        ['名称', '日期', '代码', '公式', '链接'],
        [],
        [
          { richText: [{ text: '富' }, { text: '文本' }] },
          new Date(Date.UTC(2025, 0, 31)),
          91310115,
          { formula: '1+1', result: 2 },
          { text: '网址', hyperlink: 'https://example.org' },
        ],
      ],
      '数据',
      (wb) => wb.addWorksheet('说明 (Instructions)').addRow(['不是数据']),
    );
    expect(await readWorkbook(bytes, 'book.xlsx')).toEqual([
      { row: 1, cells: ['名称', '日期', '代码', '公式', '链接'] },
      { row: 3, cells: ['富文本', '2025-01-31', '91310115', '2', '网址'] },
    ]);
  });
});
