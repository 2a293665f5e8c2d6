import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from './zod-messages';
import { blacklistInput, decisionInput, inspectionInput, programmeInput } from './subsidies';

describe('subsidy form schemas', () => {
  it('reads amounts typed in yuan as fen', () => {
    const d = decisionInput.parse({ applicationId: '3', version: '2', decision: 'approve', approvedFen: '1,234.56', inspectionDueOn: '2026-12-31' });
    expect(d).toMatchObject({ applicationId: 3, version: 2, approvedFen: 123456 });
    const r = decisionInput.safeParse({ applicationId: '3', version: '2', decision: 'reject', reason: '' });
    expect(r.success).toBe(false);
  });

  it('refuses a zero amount and a cap over the budget', () => {
    const r = programmeInput.safeParse({
      code: 'P1',
      nameZh: '专项',
      nameEn: 'Programme',
      year: '2026',
      category: 'rent',
      applicantType: 'venture',
      fundingMode: 'pre_funded',
      budgetFen: '100',
      capFen: '200',
      opensOn: '2026-03-01',
      closesOn: '2026-02-01',
    });
    expect(r.success).toBe(false);
    expect(zodFieldErrors(r.error!)).toEqual({
      capFen: [{ key: 'subsidyErrors.capOverBudget' }],
      closesOn: [{ key: 'subsidyErrors.closesBeforeOpens' }],
    });
    const zero = decisionInput.safeParse({ applicationId: 1, version: 1, decision: 'approve', approvedFen: '0', inspectionDueOn: '2026-12-31' });
    expect(zodFieldErrors(zero.error!)).toEqual({ approvedFen: [{ key: 'subsidyErrors.amountNotPositive' }] });
  });

  it('checks a blacklisted venture’s credit code', () => {
    const base = { misconduct: 'x', outcome: 'y', handlingBody: 'z', legalBasis: 'w', effectiveOn: '2026-01-01' };
    expect(blacklistInput.parse({ ...base, subjectType: 'venture', subjectName: 'A', creditCode: '91310115ma1k3y006m' })).toMatchObject({
      creditCode: '91310115MA1K3Y006M',
    });
    expect(blacklistInput.safeParse({ ...base, subjectType: 'venture', subjectName: 'A', creditCode: '91350100M000100Y44' }).success).toBe(false);
  });

  it('reads the inspection outcome from a form', () => {
    expect(inspectionInput.parse({ applicationId: 1, version: 1, passed: 'false', comment: '未达标' })).toMatchObject({ passed: false, actuals: [] });
  });
});
