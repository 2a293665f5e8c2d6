import ExcelJS from 'exceljs';
import enCore from '@/messages/en/core.json';
import zhCore from '@/messages/zh-CN/core.json';
import { MONEY_FIELDS, REPORT_FIELDS } from '../domain/report-figures';
import type { ReportFigures } from '../domain/reporting';
import { TALENT_FLAGS, TECHNICAL_FIELDS } from '../domain/venture-fields';
import { INDUSTRIES, VENTURE_KINDS, type VentureKind } from '../domain/vocabulary';
import { heading, REPORT_COLUMNS, sheetText, talentLabels, technicalFieldLabels, VENTURE_COLUMNS, type ColumnDef, type SheetLocale } from './vocabulary';

type Cell = string | number | null;
type Column = { heading: string; width: number; numFmt?: string };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
const INSTRUCTIONS = '说明 (Instructions)';
/** Rows of the template that get drop-down lists and text formats. */
const TEMPLATE_ROWS = 2000;

const FORMATS: Partial<Record<ColumnDef['type'], string>> = { code: '@', date: 'yyyy-mm-dd', amount: '#,##0.00', int: '0' };
const asColumns = (defs: ColumnDef[]): Column[] => defs.map((c) => ({ heading: heading(c.key), width: c.width, numFmt: FORMATS[c.type] }));

/** A data sheet: bold, shaded and frozen header row, sized columns, a filter on the header. */
function addDataSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.heading, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

type Instructions = { notes: string[]; lists: { field: string; values: { label: string; code: string }[] }[] };

/** The second sheet: notes, then the allowed values of each list column, with their codes. */
function addInstructions(wb: ExcelJS.Workbook, locale: SheetLocale, content: Instructions) {
  const text = sheetText(locale).instructions;
  const ws = wb.addWorksheet(INSTRUCTIONS);
  ws.columns = [{ width: 26 }, { width: 36 }, { width: 28 }];
  ws.addRow([text.title]).font = { bold: true, size: 14 };
  for (const note of content.notes) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 36;
  }
  const ranges: Record<string, string> = {};
  if (content.lists.length) {
    ws.addRow([]);
    const header = ws.addRow([text.field, text.value, text.code]);
    header.font = { bold: true };
    header.fill = HEADER_FILL;
    for (const list of content.lists) {
      const first = ws.rowCount + 1;
      list.values.forEach((v, i) => ws.addRow([i === 0 ? list.field : '', v.label, v.code]));
      ranges[list.field] = `'${INSTRUCTIONS}'!$B$${first}:$B$${ws.rowCount}`;
    }
  }
  return ranges;
}

function addList(ws: ExcelJS.Worksheet, columnIndex: number, formula: string) {
  const letter = ws.getColumn(columnIndex).letter;
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  // Not enforced: the English labels and the codes are accepted as well.
  validations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: false });
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.creator = 'Pudong Incubator Network Portal';
  wb.created = new Date(0);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type TemplateOptions = {
  /** The operator's carriers, offered as a list in the carrier column of the ventures template. */
  carriers?: string[];
  /** The quarter's ventures, pre-filled in the reports template so that only figures remain to type. */
  ventures?: { name: string; creditCode: string | null }[];
};

/** The import template of a kind, its instructions in the user's language. */
export async function buildTemplate(kind: 'ventures' | 'reports', locale: SheetLocale, options: TemplateOptions = {}) {
  const text = sheetText(locale);
  const wb = new ExcelJS.Workbook();
  if (kind === 'ventures') {
    const ws = addDataSheet(wb, text.venturesSheet, asColumns(VENTURE_COLUMNS), []);
    const col = (k: string) => VENTURE_COLUMNS.findIndex((c) => c.key === k) + 1;
    const notes = [
      text.instructions.general,
      text.instructions.teamNursery,
      text.instructions.creditCode,
      text.instructions.dates,
      text.instructions.talentFlags,
      text.instructions.technicalField,
    ];
    if (options.carriers?.length) notes.splice(1, 0, text.instructions.carrier.replace('{names}', options.carriers.join('、')));
    const ranges = addInstructions(wb, locale, {
      notes,
      lists: [
        { field: heading('kind'), values: VENTURE_KINDS.map((code) => ({ label: text.kinds[code], code })) },
        { field: heading('industry'), values: INDUSTRIES.map((code) => ({ label: text.industries[code], code })) },
        { field: heading('technicalField'), values: TECHNICAL_FIELDS.map((code) => ({ label: technicalFieldLabels(locale)[code], code })) },
        { field: heading('talentFlags'), values: TALENT_FLAGS.map((code) => ({ label: talentLabels(locale)[code], code })) },
      ],
    });
    addList(ws, col('kind'), `"${VENTURE_KINDS.map((k) => text.kinds[k]).join(',')}"`);
    addList(ws, col('industry'), ranges[heading('industry')]!);
    addList(ws, col('technicalField'), ranges[heading('technicalField')]!);
    if (options.carriers?.length && options.carriers.join(',').length < 250 && !options.carriers.some((n) => /[",]/.test(n))) {
      addList(ws, col('carrier'), `"${options.carriers.join(',')}"`);
    }
  } else {
    const rows = (options.ventures ?? []).map((v): Cell[] => [v.creditCode ?? '', v.name]);
    addDataSheet(wb, text.reportsSheet, asColumns(REPORT_COLUMNS), rows);
    addInstructions(wb, locale, {
      notes: [text.instructions.general, text.instructions.quarter, text.instructions.identify, text.instructions.amounts, text.instructions.creditCode],
      lists: [],
    });
  }
  return bytesOf(wb);
}

/** A venture as exported: the import's columns (so that a file can go back in) and its stage. */
export type VentureExportRow = {
  carrier: string;
  kind: VentureKind;
  name: string;
  creditCode: string | null;
  industry: string;
  technicalField: string | null;
  foundedOn: string | null;
  founders: string | null;
  talentFlags: string[];
  enteredOn: string | null;
  areaM2: number | null;
  workstations: number | null;
  stage: string;
};

const stageLabel = (locale: SheetLocale, stage: string) => ((locale === 'en' ? enCore : zhCore).stages as Record<string, string>)[stage] ?? stage;

export async function buildVentureExport(rows: VentureExportRow[], locale: SheetLocale) {
  const text = sheetText(locale);
  const label = <T extends Record<string, string>>(labels: T, code: string) => (labels as Record<string, string>)[code] ?? code;
  const wb = new ExcelJS.Workbook();
  addDataSheet(
    wb,
    text.venturesSheet,
    [...asColumns(VENTURE_COLUMNS), { heading: heading('stage'), width: 18 }],
    rows.map((r) => [
      r.carrier,
      label(text.kinds, r.kind),
      r.name,
      r.creditCode,
      label(text.industries, r.industry),
      r.foundedOn,
      r.founders,
      r.talentFlags.map((f) => label(talentLabels(locale), f)).join('、') || null,
      r.enteredOn,
      r.areaM2,
      r.workstations,
      r.technicalField === null ? null : label(technicalFieldLabels(locale), r.technicalField),
      stageLabel(locale, r.stage),
    ]),
  );
  return bytesOf(wb);
}

/** A report as exported: money in fen, written as yuan with two decimals. */
export type ReportExportRow = {
  name: string;
  creditCode: string | null;
  figures: ReportFigures | null;
  late: boolean | null;
};

export async function buildReportExport(rows: ReportExportRow[], locale: SheetLocale, sheetName: string) {
  const text = sheetText(locale);
  const yuan = (fen: number) => Math.round(fen) / 100;
  const wb = new ExcelJS.Workbook();
  addDataSheet(
    wb,
    sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    [...asColumns(REPORT_COLUMNS), { heading: heading('late'), width: 18 }],
    rows.map((r) => {
      const f = r.figures;
      if (!f) return [r.creditCode, r.name];
      return [
        r.creditCode,
        r.name,
        ...REPORT_FIELDS.map((k) => (MONEY_FIELDS.has(k) ? yuan(f[k]) : f[k])),
        r.late === null ? null : r.late ? text.yes : text.no,
      ];
    }),
  );
  return bytesOf(wb);
}
