import en from '@/messages/en/transfer.json';
import enVentures from '@/messages/en/ventures.json';
import zh from '@/messages/zh-CN/transfer.json';
import zhVentures from '@/messages/zh-CN/ventures.json';
import { MONEY_FIELDS, REPORT_FIELDS, type ReportField } from '../domain/report-figures';
import { TALENT_FLAGS, TECHNICAL_FIELDS, type TalentFlag } from '../domain/venture-fields';
import { INDUSTRIES, VENTURE_KINDS } from '../domain/vocabulary';

/**
 * The words of the workbooks: column headings, kinds, industries, talent flags and technical
 * fields, in both languages. A file is read the same whatever the reader's language, so every
 * lookup here accepts the Chinese label, the English label and the code. The talent flags and
 * technical fields are worded as the forms word them (ventures.json), so a template and a form
 * offer the same choices.
 */
export type SheetLocale = 'zh-CN' | 'en';
export const sheetText = (locale: SheetLocale) => (locale === 'en' ? en : zh).transfer.sheet;
const ventureText = (locale: SheetLocale) => (locale === 'en' ? enVentures : zhVentures);
/** The talent flags' labels, as the admission and edit forms show them. */
export const talentLabels = (locale: SheetLocale) => ventureText(locale).talent;
/** The technical fields' labels, as the admission and edit forms show them. */
export const technicalFieldLabels = (locale: SheetLocale) => ventureText(locale).technicalFields;

/** The shorter words of the talent flags in templates written before they matched the forms; still read. */
const EARLIER_TALENT_WORDS: Record<string, TalentFlag> = {
  留学归国: 'returnee',
  应届毕业生: 'fresh_graduate',
  国家级人才计划: 'national_talent',
  phd: 'phd',
  returnee: 'returnee',
  'national talent programme': 'national_talent',
  'fresh graduate': 'fresh_graduate',
};

type ColumnKey = keyof typeof zh.transfer.sheet.columns;
export type ColumnType = 'text' | 'code' | 'date' | 'int' | 'amount';
export type ColumnDef = { key: ColumnKey; type: ColumnType; width: number; required: boolean };

export const VENTURE_COLUMNS: ColumnDef[] = [
  { key: 'carrier', type: 'text', width: 28, required: true },
  { key: 'kind', type: 'text', width: 14, required: true },
  { key: 'name', type: 'text', width: 30, required: true },
  { key: 'creditCode', type: 'code', width: 30, required: false },
  { key: 'industry', type: 'text', width: 24, required: true },
  { key: 'foundedOn', type: 'date', width: 22, required: false },
  { key: 'founders', type: 'text', width: 22, required: false },
  { key: 'talentFlags', type: 'text', width: 24, required: false },
  { key: 'enteredOn', type: 'date', width: 22, required: true },
  { key: 'areaM2', type: 'int', width: 20, required: true },
  { key: 'workstations', type: 'int', width: 20, required: true },
  // Last, so that a file laid out before the column existed reads the same.
  { key: 'technicalField', type: 'text', width: 24, required: false },
];

/** Each figure's column width, room for its heading in both languages. */
const FIGURE_WIDTHS: Record<ReportField, number> = {
  revenueFen: 26,
  netProfitFen: 26,
  rdSpendFen: 26,
  taxFen: 26,
  financingFen: 30,
  employees: 20,
  ipFiled: 22,
  ipGranted: 24,
  inventionPatents: 26,
};

export const REPORT_COLUMNS: ColumnDef[] = [
  { key: 'creditCode', type: 'code', width: 30, required: false },
  { key: 'ventureName', type: 'text', width: 30, required: false },
  ...REPORT_FIELDS.map((key): ColumnDef => ({ key, type: MONEY_FIELDS.has(key) ? 'amount' : 'int', width: FIGURE_WIDTHS[key], required: true })),
];

/** "统一社会信用代码 (Credit code)": Chinese first, the English in brackets. */
export function heading(key: ColumnKey): string {
  return `${zh.transfer.sheet.columns[key]} (${en.transfer.sheet.columns[key]})`;
}

/** Folds what people do to headings and labels: spaces, case, full-width brackets. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·、,，:：]+/g, '');
}

function headingForms(key: ColumnKey): string[] {
  const z = zh.transfer.sheet.columns[key];
  const e = en.transfer.sheet.columns[key];
  // Also without the unit: "使用面积" for "使用面积（m²）", "Revenue" for "Revenue, yuan".
  const bare = [z.replace(/[（(][^）)]*[）)]\s*$/, ''), e.replace(/,[^,]*$/, '')];
  return [heading(key), z, e, key, `${e} (${z})`, `${z}（${e}）`, ...bare].map(fold);
}

/**
 * Finds the columns of a header row. Returns the cell index of each known column (first
 * match wins) and the heading as it is written in the file, for error reports.
 */
export function matchHeader(columns: ColumnDef[], header: string[]) {
  const index = new Map<ColumnKey, number>();
  const found = new Map<ColumnKey, string>();
  const forms = columns.map((c) => ({ key: c.key, forms: new Set(headingForms(c.key)) }));
  header.forEach((cell, i) => {
    const f = fold(cell);
    if (!f) return;
    const hit = forms.find((c) => !index.has(c.key) && c.forms.has(f));
    if (hit) {
      index.set(hit.key, i);
      found.set(hit.key, cell.trim());
    }
  });
  return { index, found };
}

/**
 * A value from its code or either language's label; with `prefixes`, also from the start of a
 * label when only one label starts so ("软件" for "软件和信息服务"), at least two characters.
 */
function lookup<K extends string>(codes: readonly K[], labels: (l: SheetLocale) => Record<K, string>, prefixes = false, earlier: Record<string, K> = {}) {
  const map = new Map<string, K>();
  for (const [word, code] of Object.entries(earlier)) map.set(fold(word), code);
  for (const code of codes) {
    map.set(fold(code), code);
    for (const l of ['zh-CN', 'en'] as const) map.set(fold(labels(l)[code]), code);
  }
  return (raw: string): K | undefined => {
    const f = fold(raw);
    const exact = map.get(f);
    if (exact || !prefixes || f.length < 2) return exact;
    const hits = new Set([...map].filter(([label]) => label.startsWith(f)).map(([, code]) => code));
    return hits.size === 1 ? [...hits][0] : undefined;
  };
}

export const ventureKindOf = lookup(VENTURE_KINDS, (l) => sheetText(l).kinds);
export const industryOf = lookup(INDUSTRIES, (l) => sheetText(l).industries, true);
export const talentFlagOf = lookup(TALENT_FLAGS, talentLabels, false, EARLIER_TALENT_WORDS);
export const technicalFieldOf = lookup(TECHNICAL_FIELDS, technicalFieldLabels, true);

/** Splits a talent cell ("博士、留学归国") into flags; unknown words are kept for the schema to refuse. */
export function talentFlagsOf(raw: string): string[] {
  return raw
    .split(/[,，;；、/|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => {
      const flag = talentFlagOf(s);
      if (flag) return [flag];
      const words = s.split(/\s+/);
      return words.length > 1 && words.every((w) => talentFlagOf(w)) ? words.map((w) => talentFlagOf(w)!) : [s];
    });
}
