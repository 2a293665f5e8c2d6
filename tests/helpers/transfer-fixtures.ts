import ExcelJS from 'exceljs';
import enReports from '@/messages/en/reports.json';
import enResidency from '@/messages/en/residency.json';
import enTransfer from '@/messages/en/transfer.json';
import enValidation from '@/messages/en/validation.json';
import { buildCreditCode, CREDIT_CODE_CHARSET } from '@/lib/domain/credit-code';
import { heading, REPORT_COLUMNS, VENTURE_COLUMNS } from '@/lib/spreadsheet';
import { catalogueTranslator } from '@/lib/spreadsheet/translate';

/** Workbooks for the import tests, built with exceljs the way a user's file would be. */
export const translate = catalogueTranslator(enValidation, enTransfer, enResidency, enReports);

let series = Math.floor(Math.random() * 20_000_000);
/** Distinct valid credit codes no other fixture hands out ("MX" + base-31 in the organisation code). */
export function transferCreditCode(): string {
  let digits = '';
  for (let rest = series++, i = 0; i < 6; i++, rest = Math.floor(rest / 31)) digits = CREDIT_CODE_CHARSET[rest % 31] + digits;
  return buildCreditCode('91', '310115', `MX${digits}`);
}

export type VentureCells = Partial<Record<(typeof VENTURE_COLUMNS)[number]['key'], unknown>>;

export function companyCells(carrierName: string, over: VentureCells = {}): VentureCells {
  return {
    carrier: carrierName,
    kind: '企业',
    name: `导入企业${series}`,
    creditCode: transferCreditCode(),
    industry: '软件和信息服务',
    foundedOn: new Date(Date.UTC(2025, 5, 1)),
    founders: '张三',
    talentFlags: '博士',
    enteredOn: '2026-01-10',
    areaM2: 80,
    workstations: 6,
    ...over,
  };
}

export async function venturesWorkbook(rows: VentureCells[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('入驻项目');
  ws.addRow(VENTURE_COLUMNS.map((c) => heading(c.key)));
  for (const r of rows) ws.addRow(VENTURE_COLUMNS.map((c) => r[c.key] ?? null));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type ReportCells = Partial<Record<(typeof REPORT_COLUMNS)[number]['key'], unknown>>;

export async function reportsWorkbook(rows: ReportCells[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('季度报表');
  ws.addRow(REPORT_COLUMNS.map((c) => heading(c.key)));
  for (const r of rows) ws.addRow(REPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
