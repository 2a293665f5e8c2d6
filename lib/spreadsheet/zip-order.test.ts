import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read';
import { READ_LIMITS } from './limits';
import { inReadingOrder, zipDirectory, type ZipEntry } from './zip-check';

/**
 * The names of the parts in the order their local headers follow each other from the front, as a
 * streaming reader meets them; `entries` (the original's directory) give each part's size.
 */
function namesFromTheFront(bytes: Uint8Array, entries: ZipEntry[]): string[] {
  const names: string[] = [];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (let at = 0; view.readUInt32LE(at) === 0x04034b50;) {
    const nameLength = view.readUInt16LE(at + 26);
    const name = view.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    names.push(name);
    const e = byName.get(name)!;
    const dataEnd = at + 30 + nameLength + view.readUInt16LE(at + 28) + e.compressedSize;
    at = e.flags & 8 ? dataEnd + (view.readUInt32LE(dataEnd) === 0x08074b50 ? 16 : 12) : dataEnd;
  }
  return names;
}

async function twoSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('First').addRows([
    ['名称', '金额'],
    ['甲', 1],
  ]);
  wb.addWorksheet('Second').addRow(['c', 'd']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an .xlsx read from the front', () => {
  it('meets the workbook, its relations, shared strings and styles before any worksheet, every part whole', async () => {
    const bytes = await twoSheets();
    const entries = zipDirectory(bytes, READ_LIMITS);
    const before = namesFromTheFront(bytes, entries);
    // As exceljs writes it, the workbook comes after the worksheets: the order its streaming reader trips on.
    expect(before.indexOf('xl/workbook.xml')).toBeGreaterThan(before.indexOf('xl/worksheets/sheet1.xml'));

    const reordered = inReadingOrder(bytes, entries);
    expect(reordered.length).toBe(bytes.length);
    const after = namesFromTheFront(reordered, entries);
    expect([...after].sort()).toEqual([...before].sort());
    const firstSheet = after.findIndex((n) => n.startsWith('xl/worksheets/'));
    for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']) {
      expect(after.indexOf(part), part).toBeGreaterThanOrEqual(0);
      expect(after.indexOf(part), part).toBeLessThan(firstSheet);
    }
  });

  it('reads a workbook exceljs wrote, every time', async () => {
    const bytes = await twoSheets();
    for (let i = 0; i < 25; i++) {
      await expect(readWorkbook(bytes, 'two.xlsx')).resolves.toEqual([
        { row: 1, cells: ['名称', '金额'] },
        { row: 2, cells: ['甲', '1'] },
      ]);
    }
  });
});
