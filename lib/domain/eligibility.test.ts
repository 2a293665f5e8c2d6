import { describe, expect, it } from 'vitest';
import {
  amountWithinCap,
  applicantEligible,
  isOverdue,
  noDuplicate,
  noOverdueProject,
  programmeOpen,
  requiredDocumentsAttached,
  submissionErrors,
  type EligibilityProgramme,
  type RelatedApplication,
} from './eligibility';

const P: EligibilityProgramme = {
  status: 'open',
  opensOn: '2026-03-01',
  closesOn: '2026-04-30',
  applicantType: 'venture',
  eligibleKinds: ['incubator'],
  eligibleStages: ['incubating'],
  capFen: 500_000_00,
  requiredDocuments: ['business_licence', 'budget'],
};
const related = (status: RelatedApplication['status'], extra: Partial<RelatedApplication> = {}): RelatedApplication => ({
  refNo: 'R-1',
  status,
  inspectionDueOn: null,
  inspectedAt: null,
  ...extra,
});

describe('programmeOpen', () => {
  it('is open from the first to the last day inclusive', () => {
    expect(programmeOpen(P, '2026-03-01')).toBeNull();
    expect(programmeOpen(P, '2026-04-30')).toBeNull();
    expect(programmeOpen(P, '2026-02-28')).toEqual({ key: 'subsidyErrors.programmeNotYetOpen', params: { opensOn: '2026-03-01' } });
    expect(programmeOpen(P, '2026-05-01')).toEqual({ key: 'subsidyErrors.programmeClosed', params: { closesOn: '2026-04-30' } });
  });
  it('needs the open status', () => {
    expect(programmeOpen({ ...P, status: 'draft' }, '2026-03-10')?.key).toBe('subsidyErrors.programmeNotOpen');
    expect(programmeOpen({ ...P, status: 'closed' }, '2026-03-10')?.key).toBe('subsidyErrors.programmeNotOpen');
  });
});

describe('applicantEligible', () => {
  it('checks the applicant type, carrier kind and venture stage', () => {
    expect(applicantEligible(P, { type: 'venture', carrierKind: 'incubator', ventureStage: 'incubating' })).toBeNull();
    expect(applicantEligible(P, { type: 'carrier', carrierKind: 'incubator', ventureStage: null })).toEqual({
      key: 'subsidyErrors.wrongApplicantType',
      params: { expected: 'venture' },
    });
    expect(applicantEligible(P, { type: 'venture', carrierKind: 'nursery', ventureStage: 'incubating' })?.key).toBe('subsidyErrors.carrierKindNotEligible');
    expect(applicantEligible(P, { type: 'venture', carrierKind: 'incubator', ventureStage: 'graduated' })).toEqual({
      key: 'subsidyErrors.stageNotEligible',
      params: { stage: 'graduated' },
    });
  });
  it('takes every kind and stage when the programme names none', () => {
    const open = { ...P, eligibleKinds: [], eligibleStages: [] };
    expect(applicantEligible(open, { type: 'venture', carrierKind: 'accelerator', ventureStage: 'accelerating' })).toBeNull();
  });
  it('ignores stages for a carrier programme', () => {
    const carrierP = { ...P, applicantType: 'carrier' as const, eligibleKinds: ['incubator' as const, 'accelerator' as const] };
    expect(applicantEligible(carrierP, { type: 'carrier', carrierKind: 'accelerator', ventureStage: null })).toBeNull();
  });
});

describe('amountWithinCap', () => {
  it('takes 1 fen up to the cap exactly', () => {
    expect(amountWithinCap(P, 1)).toBeNull();
    expect(amountWithinCap(P, P.capFen)).toBeNull();
    expect(amountWithinCap(P, P.capFen + 1)).toEqual({ key: 'subsidyErrors.overCap', params: { capFen: P.capFen, cap: '50.00', capYuan: '500,000' } });
    expect(amountWithinCap(P, 0)?.key).toBe('subsidyErrors.amountNotPositive');
    expect(amountWithinCap(P, -5)?.key).toBe('subsidyErrors.amountNotPositive');
    expect(amountWithinCap(P, 1.5)?.key).toBe('subsidyErrors.amountNotPositive');
  });
});

describe('overdue projects', () => {
  const today = '2026-03-10';
  it('counts an approved or paid project past its inspection date, not inspected', () => {
    expect(isOverdue(related('approved', { inspectionDueOn: '2026-03-09' }), today)).toBe(true);
    expect(isOverdue(related('paid', { inspectionDueOn: '2026-03-09' }), today)).toBe(true);
    expect(isOverdue(related('paid', { inspectionDueOn: '2026-03-10' }), today)).toBe(false);
    expect(isOverdue(related('paid', { inspectionDueOn: '2026-03-09', inspectedAt: new Date() }), today)).toBe(false);
    expect(isOverdue(related('accepted', { inspectionDueOn: '2026-01-01' }), today)).toBe(false);
    expect(isOverdue(related('approved'), today)).toBe(false);
    expect(noOverdueProject([related('paid', { refNo: 'X-9', inspectionDueOn: '2025-12-31' })], today)).toEqual({
      key: 'subsidyErrors.overdueProject',
      params: { refNo: 'X-9', dueOn: '2025-12-31' },
    });
  });
});

describe('noDuplicate', () => {
  it('allows a new application only after rejection or withdrawal', () => {
    expect(noDuplicate([])).toBeNull();
    expect(noDuplicate([related('rejected'), related('withdrawn')])).toBeNull();
    for (const s of ['draft', 'submitted', 'returned', 'in_review', 'reviewed', 'approved', 'paid', 'accepted', 'acceptance_failed'] as const) {
      expect(noDuplicate([related(s, { refNo: 'D-1' })])).toEqual({ key: 'subsidyErrors.duplicateApplication', params: { refNo: 'D-1' } });
    }
  });
});

describe('requiredDocumentsAttached', () => {
  it('names the missing document types', () => {
    expect(requiredDocumentsAttached(['a', 'b'], ['b', 'a', 'c'])).toBeNull();
    expect(requiredDocumentsAttached(['a', 'b'], ['b'])).toEqual({ key: 'subsidyErrors.missingDocuments', params: { documents: 'a' } });
    expect(requiredDocumentsAttached([], [])).toBeNull();
  });
});

describe('submissionErrors', () => {
  const applicant = { type: 'venture' as const, carrierKind: 'incubator' as const, ventureStage: 'incubating' as const };
  const facts = {
    today: '2026-03-10',
    requestedFen: 100_00,
    blacklisted: false,
    otherApplicationsAnywhere: [],
    otherApplicationsHere: [],
    documentTypes: ['business_licence', 'budget'],
  };
  it('passes a clean application', () => {
    expect(submissionErrors(P, applicant, facts)).toEqual({});
  });
  it('gathers every failure by field', () => {
    const errors = submissionErrors(
      { ...P, status: 'closed' },
      { ...applicant, ventureStage: 'exited' },
      {
        ...facts,
        requestedFen: P.capFen + 1,
        blacklisted: true,
        otherApplicationsAnywhere: [related('approved', { inspectionDueOn: '2026-01-01' })],
        otherApplicationsHere: [related('submitted')],
        documentTypes: [],
      },
    );
    expect(Object.keys(errors).sort()).toEqual(['applicant', 'attachments', 'programId', 'requested']);
    expect(errors.applicant!.map((m) => m.key)).toEqual([
      'subsidyErrors.stageNotEligible',
      'subsidyErrors.blacklisted',
      'subsidyErrors.overdueProject',
      'subsidyErrors.duplicateApplication',
    ]);
  });
});
