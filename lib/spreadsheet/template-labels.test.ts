import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import enVentures from '@/messages/en/ventures.json';
import zhVentures from '@/messages/zh-CN/ventures.json';
import { TALENT_FLAGS, TECHNICAL_FIELDS } from '../domain/venture-fields';
import { heading, talentFlagsOf, technicalFieldOf, VENTURE_COLUMNS } from './vocabulary';
import { buildTemplate } from './write';

/** The template's words for the talent flags and technical fields are the forms' words (ventures.json). */
const FORMS = { 'zh-CN': zhVentures, en: enVentures } as const;

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The labels listed under a column's name on the instructions sheet, with their codes. */
function listed(ws: ExcelJS.Worksheet, column: string): { label: string; code: string }[] {
  const out: { label: string; code: string }[] = [];
  let inside = false;
  ws.eachRow((row) => {
    const [field, label, code] = [1, 2, 3].map((i) => row.getCell(i).text);
    if (field) inside = field === column;
    if (inside && label && code) out.push({ label: label!, code: code! });
  });
  return out;
}

describe('the ventures template speaks as the forms do', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`lists the forms' talent and technical-field labels (${locale})`, async () => {
      const wb = await open(await buildTemplate('ventures', locale));
      const help = wb.worksheets[1]!;
      const form = FORMS[locale];
      expect(listed(help, heading('talentFlags'))).toEqual(TALENT_FLAGS.map((code) => ({ label: form.talent[code], code })));
      expect(listed(help, heading('technicalField'))).toEqual(TECHNICAL_FIELDS.map((code) => ({ label: form.technicalFields[code], code })));
    });
  }

  it('offers the technical field as a drop-down over the listed labels', async () => {
    const wb = await open(await buildTemplate('ventures', 'zh-CN'));
    const ws = wb.worksheets[0]!;
    const letter = ws.getColumn(VENTURE_COLUMNS.findIndex((c) => c.key === 'technicalField') + 1).letter;
    const rule = (ws as unknown as { dataValidations: { find(address: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(`${letter}2`);
    expect(rule?.type).toBe('list');
    const [, first, last] = /\$B\$(\d+):\$B\$(\d+)/.exec(rule!.formulae[0] as string)!;
    const help = wb.worksheets[1]!;
    const labels = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => help.getRow(Number(first) + i).getCell(2).text);
    expect(labels).toEqual(TECHNICAL_FIELDS.map((code) => zhVentures.technicalFields[code]));
  });

  it('reads the forms’ labels in either language, and the earlier template’s shorter talent words', () => {
    expect(talentFlagsOf('博士、留学归国人员、国家级人才计划入选者、应届高校毕业生')).toEqual(['phd', 'returnee', 'national_talent', 'fresh_graduate']);
    expect(talentFlagsOf('留学归国，应届毕业生')).toEqual(['returnee', 'fresh_graduate']);
    expect(talentFlagsOf('Returnees from study abroad, Fresh graduates')).toEqual(['returnee', 'fresh_graduate']);
    expect(talentFlagsOf('院士')).toEqual(['院士']);
    for (const code of TECHNICAL_FIELDS) {
      expect(technicalFieldOf(zhVentures.technicalFields[code])).toBe(code);
      expect(technicalFieldOf(enVentures.technicalFields[code])).toBe(code);
    }
    expect(technicalFieldOf('新能源')).toBe('new_energy_efficiency');
    expect(technicalFieldOf('量子计算')).toBeUndefined();
  });
});
