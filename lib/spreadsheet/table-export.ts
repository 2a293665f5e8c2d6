import ExcelJS from 'exceljs';

/** A plain export workbook: one sheet per table, a bold frozen header, sized columns, filters. */
export type ExportColumn = { heading: string; width: number; format?: 'wan' | 'percent' | 'int' | 'date' | 'text' };
export type ExportSheet = { name: string; columns: ExportColumn[]; rows: (string | number | null)[][] };

const FORMATS: Record<NonNullable<ExportColumn['format']>, string | undefined> = {
  wan: '#,##0.00',
  percent: '0.0',
  int: '0',
  date: undefined,
  text: '@',
};

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';

/** Money in fen as a number of 万元 for a cell (two decimals, as on the screens). */
export const wanCell = (fen: number) => Math.round(fen / 100) / 10_000;

/** Money for a cell in the reader's unit: 万元 in Chinese, yuan in English (the headings say which). */
export const moneyCell = (locale: string, fen: number) => (locale === 'en' ? fen / 100 : wanCell(fen));

export async function buildTableExport(sheets: ExportSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pudong Incubator Network Portal';
  wb.created = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => {
      const numFmt = c.format ? FORMATS[c.format] : undefined;
      return { header: c.heading, width: c.width, style: numFmt ? { numFmt } : {} };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const r of s.rows) ws.addRow(r);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, s.columns.length) } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
