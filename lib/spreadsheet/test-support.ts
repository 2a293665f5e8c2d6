import ExcelJS from 'exceljs';
import enImports from '@/messages/en/imports.json';
import enTransfer from '@/messages/en/transfer.json';
import enValidation from '@/messages/en/validation.json';
import zhImports from '@/messages/zh-CN/imports.json';
import zhTransfer from '@/messages/zh-CN/transfer.json';
import zhValidation from '@/messages/zh-CN/validation.json';
import { buildCreditCode, CREDIT_CODE_CHARSET } from '../domain/credit-code';
import { catalogueTranslator } from './translate';

/** Helpers for tests of the import and export: translators, codes, workbooks built cell by cell. */
export const translateZh = catalogueTranslator(zhValidation, zhTransfer, zhImports);
export const translateEn = catalogueTranslator(enValidation, enTransfer, enImports);

/** The n-th of a series of distinct valid credit codes (Pudong division). */
export function creditCodeNo(n: number, prefix = 'T'): string {
  let digits = '';
  for (let rest = n, i = 0; i < 7; i++, rest = Math.floor(rest / 31)) digits = CREDIT_CODE_CHARSET[rest % 31] + digits;
  return buildCreditCode('91', '310115', prefix + digits);
}

/** An .xlsx with one sheet holding the given rows of cell values (strings, numbers, Dates, rich text...). */
export async function workbookOf(rows: unknown[][], sheetName = 'Sheet1', before?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  before?.(wb);
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
