import { describe, expect, it } from 'vitest';
import { TECHNICAL_FIELDS } from '../domain/venture-fields';
import { creditCodeNo } from '../spreadsheet/test-support';
import { admissionInput, ventureEditInput } from './venture';

/** The technical field: one of the Torch statistics' fields or none, on admission and on edit alike. */
const company = {
  kind: 'company',
  carrierId: '3',
  name: '甲公司',
  creditCode: creditCodeNo(1),
  industry: 'software',
  foundedOn: '2025-01-01',
  enteredOn: '2025-02-01',
  areaM2: '10',
  workstations: '1',
};
const edit = { ventureId: '5', version: '1', industry: 'software' };
const issuesAt = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  (r.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

describe('the technical field', () => {
  it('takes every field of the list', () => {
    for (const technicalField of TECHNICAL_FIELDS) {
      expect(admissionInput.parse({ ...company, technicalField })).toMatchObject({ technicalField });
      expect(ventureEditInput.parse({ ...edit, technicalField })).toMatchObject({ technicalField });
    }
  });

  it('may be left empty: no field is stored', () => {
    expect(admissionInput.parse({ ...company, technicalField: '' }).technicalField).toBeUndefined();
    expect(admissionInput.parse(company).technicalField).toBeUndefined();
    expect(ventureEditInput.parse({ ...edit, technicalField: '' }).technicalField).toBeUndefined();
  });

  it('refuses anything else as not a choice of the list, free text and labels included', () => {
    for (const technicalField of ['工业软件', '电子信息', 'Electronics', 'ELECTRONIC_INFORMATION', 3]) {
      expect(issuesAt(admissionInput.safeParse({ ...company, technicalField }), 'technicalField')).toEqual(['choice']);
      expect(issuesAt(ventureEditInput.safeParse({ ...edit, technicalField }), 'technicalField')).toEqual(['choice']);
    }
  });
});
