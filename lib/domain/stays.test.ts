import { describe, expect, it } from 'vitest';
import { earliestNextEntry, editableBy, livedBy, overlappingStays, readmissionRefusal, recordVisibleTo, staysOverlap, type Stay } from './stays';

const stay = (carrierId: number, enteredOn: string, leftOn: string | null): Stay => ({ carrierId, enteredOn, leftOn });

describe('stays of one venture', () => {
  it('are day ranges [entered, left): the day a venture leaves is the first day another carrier may count it', () => {
    expect(staysOverlap(stay(1, '2024-01-01', '2025-01-01'), stay(2, '2025-01-01', null))).toBe(false);
    expect(staysOverlap(stay(1, '2024-01-01', '2025-01-01'), stay(2, '2024-12-31', null))).toBe(true);
    expect(staysOverlap(stay(1, '2024-01-01', null), stay(2, '2030-01-01', null))).toBe(true);
    expect(staysOverlap(stay(1, '2024-06-01', '2024-06-01'), stay(2, '2024-01-01', null))).toBe(false);
    expect(overlappingStays([stay(1, '2020-01-01', '2021-01-01'), stay(2, '2021-01-01', '2022-01-01'), stay(3, '2021-06-01', null)])).toEqual([[1, 2]]);
  });

  it('start again on or after the day the last one ended', () => {
    expect(earliestNextEntry([])).toBeNull();
    expect(earliestNextEntry([stay(1, '2020-01-01', '2021-03-01'), stay(2, '2021-03-01', '2022-05-01')])).toBe('2022-05-01');
  });
});

describe('admitting a registered venture', () => {
  const moved = { stage: 'incubating' as const, graduationPending: false, stays: [stay(1, '2023-01-01', '2025-12-31')] };

  it('refuses an open stay, here or elsewhere, without naming the carrier', () => {
    const open = { ...moved, stays: [stay(1, '2023-01-01', null)] };
    expect(readmissionRefusal(open, { carrierId: 1, enteredOn: '2026-01-01', path: 'incubator' })).toEqual({
      field: 'creditCode',
      message: { key: 'admission.alreadyResident' },
    });
    expect(readmissionRefusal(open, { carrierId: 2, enteredOn: '2026-01-01', path: 'incubator' })).toEqual({
      field: 'creditCode',
      message: { key: 'admission.openElsewhere' },
    });
    expect(readmissionRefusal(open, { carrierId: 2, enteredOn: '2026-01-01', path: 'accelerator' })?.message.key).toBe('admission.openElsewhere');
  });

  it('leaves a graduation pending verification to the committee, for every carrier and path', () => {
    const pending = { stage: 'graduated' as const, graduationPending: true, stays: [stay(1, '2023-01-01', '2025-12-31')] };
    for (const carrierId of [1, 2]) {
      for (const path of ['incubator', 'accelerator'] as const) {
        expect(readmissionRefusal(pending, { carrierId, enteredOn: '2026-01-05', path })).toEqual({
          field: 'creditCode',
          message: { key: 'ownership.graduationPending' },
        });
      }
    }
    // Once verified, an accelerator takes the graduate; an incubator does not switch it back.
    const verified = { ...pending, graduationPending: false };
    expect(readmissionRefusal(verified, { carrierId: 2, enteredOn: '2026-01-05', path: 'accelerator' })).toBeNull();
    expect(readmissionRefusal(verified, { carrierId: 2, enteredOn: '2026-01-05', path: 'incubator' })).toEqual({
      field: 'creditCode',
      message: { key: 'ownership.graduated' },
    });
  });

  it('never switches an exited venture or an accelerated one back into incubation', () => {
    expect(readmissionRefusal({ ...moved, stage: 'exited' }, { carrierId: 2, enteredOn: '2026-01-05', path: 'incubator' })?.message.key).toBe(
      'ownership.exited',
    );
    expect(readmissionRefusal({ ...moved, stage: 'exited' }, { carrierId: 2, enteredOn: '2026-01-05', path: 'accelerator' })?.message.key).toBe(
      'residencyErrors.notGraduated',
    );
    expect(readmissionRefusal({ ...moved, stage: 'accelerating' }, { carrierId: 2, enteredOn: '2026-01-05', path: 'incubator' })?.message.key).toBe(
      'ownership.pastIncubation',
    );
    expect(readmissionRefusal({ ...moved, stage: 'incubating' }, { carrierId: 2, enteredOn: '2026-01-05', path: 'accelerator' })?.message.key).toBe(
      'residencyErrors.notGraduated',
    );
  });

  it('never back-dates into an earlier stay; the day it left is allowed', () => {
    expect(readmissionRefusal(moved, { carrierId: 2, enteredOn: '2025-12-30', path: 'incubator' })).toEqual({
      field: 'enteredOn',
      message: { key: 'ownership.beforeLastStay', params: { date: '2025-12-31' } },
    });
    expect(readmissionRefusal(moved, { carrierId: 2, enteredOn: '2022-01-01', path: 'incubator' })?.field).toBe('enteredOn');
    expect(readmissionRefusal(moved, { carrierId: 2, enteredOn: '2025-12-31', path: 'incubator' })).toBeNull();
  });
});

describe('who sees and changes what', () => {
  const stays = [stay(1, '2020-01-01', '2022-01-01'), stay(2, '2022-01-01', null)];
  it('every carrier that lived a stay sees the venture; only the open stay’s carrier edits it', () => {
    expect(livedBy(stays, [1])).toBe(true);
    expect(livedBy(stays, [2])).toBe(true);
    expect(livedBy(stays, [3])).toBe(false);
    expect(editableBy(stays, [2])).toBe(true);
    expect(editableBy(stays, [1])).toBe(false);
    expect(editableBy([stay(1, '2020-01-01', '2022-01-01')], [1])).toBe(false);
  });
  it('a record is seen by the carrier that made it only', () => {
    expect(recordVisibleTo(1, [1, 5])).toBe(true);
    expect(recordVisibleTo(2, [1, 5])).toBe(false);
    expect(recordVisibleTo(null, [1])).toBe(false);
  });
});
