import { describe, expect, it } from 'vitest';
import { admissionRuleErrors, planAdmissions, type AdmissionCandidate, type AdmissionContext } from './admission';

const NURSERY = 1;
const INCUBATOR = 2;
const ACCELERATOR = 3;
const OTHER = 9;
const CODE_A = '91310115MA1K3Y006M';
const CODE_B = '91310000MA1FL100XP';

const ctx = (over: Partial<AdmissionContext> = {}): AdmissionContext => ({
  carrierKinds: new Map([
    [NURSERY, 'nursery'],
    [INCUBATOR, 'incubator'],
    [ACCELERATOR, 'accelerator'],
  ]),
  known: new Map(),
  blacklisted: new Set(),
  today: '2026-03-01',
  ...over,
});
const company = (over: Partial<AdmissionCandidate> = {}): AdmissionCandidate => ({
  kind: 'company',
  carrierId: INCUBATOR,
  creditCode: CODE_A,
  foundedOn: '2025-06-01',
  enteredOn: '2026-01-10',
  ...over,
});
const team = (over: Partial<AdmissionCandidate> = {}): AdmissionCandidate => ({ kind: 'team', carrierId: NURSERY, enteredOn: '2026-01-10', ...over });

describe('planning admissions', () => {
  it('takes teams into nurseries and companies into incubators only', () => {
    expect(planAdmissions([team(), company()], ctx())).toEqual({
      ok: true,
      rows: [
        { index: 0, warnings: [], readmitVentureId: null },
        { index: 1, warnings: [], readmitVentureId: null },
      ],
    });
    const refused = planAdmissions(
      [team({ carrierId: INCUBATOR }), company({ carrierId: NURSERY }), company({ carrierId: ACCELERATOR, creditCode: CODE_B })],
      ctx(),
    );
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        '0.kind': [{ key: 'admission.teamNeedsNursery' }],
        '1.kind': [{ key: 'admission.companyNeedsIncubator' }],
        '2.kind': [{ key: 'admission.companyNeedsIncubator' }],
      },
    });
  });

  it('refuses the later rows of a code repeated in the batch', () => {
    const r = planAdmissions([company(), company({ creditCode: CODE_B }), company()], ctx());
    expect(r).toEqual({ ok: false, fieldErrors: { '2.creditCode': [{ key: 'admission.duplicateInBatch', params: { line: 1 } }] } });
  });

  it('refuses a code open in this carrier or elsewhere, and re-admits one that moved on', () => {
    const stay = (carrierId: number, enteredOn: string, leftOn: string | null) => ({ carrierId, enteredOn, leftOn });
    const known = new Map([
      [CODE_A, { id: 10, creditCode: CODE_A, stage: 'incubating' as const, graduationPending: false, stays: [stay(INCUBATOR, '2025-01-01', null)] }],
      [CODE_B, { id: 11, creditCode: CODE_B, stage: 'incubating' as const, graduationPending: false, stays: [stay(OTHER, '2025-01-01', null)] }],
    ]);
    expect(planAdmissions([company(), company({ creditCode: CODE_B })], ctx({ known }))).toEqual({
      ok: false,
      fieldErrors: { '0.creditCode': [{ key: 'admission.alreadyResident' }], '1.creditCode': [{ key: 'admission.openElsewhere' }] },
    });
    const left = new Map([
      [CODE_A, { id: 10, creditCode: CODE_A, stage: 'incubating' as const, graduationPending: false, stays: [stay(OTHER, '2025-01-01', '2025-12-31')] }],
    ]);
    expect(planAdmissions([company()], ctx({ known: left }))).toEqual({ ok: true, rows: [{ index: 0, warnings: [], readmitVentureId: 10 }] });
    // A graduation awaiting the committee, or an entry back-dated into the last stay, is refused with the reason.
    const pending = new Map([[CODE_A, { ...left.get(CODE_A)!, stage: 'graduated' as const, graduationPending: true }]]);
    expect(planAdmissions([company()], ctx({ known: pending }))).toEqual({
      ok: false,
      fieldErrors: { '0.creditCode': [{ key: 'ownership.graduationPending' }] },
    });
    expect(planAdmissions([company({ enteredOn: '2025-12-30' })], ctx({ known: left }))).toEqual({
      ok: false,
      fieldErrors: { '0.enteredOn': [{ key: 'ownership.beforeLastStay', params: { date: '2025-12-31' } }] },
    });
  });

  it('records the 24-month rule and the blacklist as warnings, not refusals', () => {
    const r = planAdmissions(
      [company({ foundedOn: '2023-01-09' }), company({ creditCode: CODE_B, foundedOn: '2024-01-10' })],
      ctx({ blacklisted: new Set([CODE_A]) }),
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        { index: 0, warnings: ['founded_over_24_months', 'blacklisted'], readmitVentureId: null },
        { index: 1, warnings: [], readmitVentureId: null },
      ],
    });
  });

  it('refuses entry and founding dates after today', () => {
    const r = planAdmissions([company({ foundedOn: '2026-03-02', enteredOn: '2026-03-02' }), team({ enteredOn: '2026-03-01' })], ctx());
    expect(r).toEqual({ ok: false, fieldErrors: { '0.enteredOn': [{ key: 'dateInFuture' }], '0.foundedOn': [{ key: 'dateInFuture' }] } });
  });
});

describe('judging rows of a file by the rules, complete or not', () => {
  it('applies each rule whose fields are there and leaves the others to the fields’ own errors', () => {
    const errors = admissionRuleErrors(
      [
        { kind: 'team', carrierId: INCUBATOR }, // no date, no code: the carrier kind still counts
        { kind: 'company', carrierId: INCUBATOR, enteredOn: '2026-04-01' }, // the code unreadable: the date still counts
        { carrierId: NURSERY, enteredOn: '2026-01-10' }, // the kind unreadable: nothing to judge
        company({ creditCode: CODE_B }),
      ],
      ctx(),
    );
    expect(errors).toEqual({
      '0.kind': [{ key: 'admission.teamNeedsNursery' }],
      '1.enteredOn': [{ key: 'dateInFuture' }],
    });
  });

  it('gives the same refusals as planning for complete candidates', () => {
    const inputs = [team({ carrierId: INCUBATOR }), company(), company()];
    const plan = planAdmissions(inputs, ctx());
    expect(plan.ok).toBe(false);
    expect(admissionRuleErrors(inputs, ctx())).toEqual(plan.ok ? {} : plan.fieldErrors);
  });
});
