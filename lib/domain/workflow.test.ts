import { describe, expect, it } from 'vitest';
import {
  inspectionAhead,
  paymentOutlook,
  APPLICATION_STATUSES,
  AWAITING_DECISION,
  COMMITTEE_STEP_STATUSES,
  committeeStepDue,
  WORKFLOW_ACTIONS,
  nextStatus,
  payableFen,
  workflowFor,
  type ApplicationStatus,
  type FundingMode,
  type WorkflowAction,
  type WorkflowApplication,
  type WorkflowUser,
} from './workflow';

const OPERATOR: WorkflowUser = { id: 1, role: 'operator', carrierInScope: true };
const STRANGER: WorkflowUser = { id: 2, role: 'operator', carrierInScope: false };
const COMMITTEE: WorkflowUser = { id: 10, role: 'committee', carrierInScope: true };
const ADMIN: WorkflowUser = { id: 20, role: 'admin', carrierInScope: true };

/** An application nobody has touched yet apart from the people named in each test. */
function app(status: ApplicationStatus, fundingMode: FundingMode, extra: Partial<WorkflowApplication> = {}): WorkflowApplication {
  return {
    status,
    fundingMode,
    acceptedBy: null,
    reviewerIds: [],
    decidedBy: null,
    inspectedBy: null,
    approvedFen: 100_00,
    finalFen: null,
    paidFen: 0,
    blacklisted: false,
    ...extra,
  };
}

/** Written out by hand from the workflow in docs/domain.md, not derived from the code under test. */
const OPERATOR_ALLOWED: Record<ApplicationStatus, WorkflowAction[]> = {
  draft: ['edit', 'delete', 'submit'],
  submitted: ['withdraw'],
  returned: ['edit', 'submit', 'withdraw'],
  in_review: [],
  reviewed: [],
  approved: [],
  rejected: [],
  paid: [],
  accepted: [],
  acceptance_failed: [],
  withdrawn: [],
};
const COMMITTEE_ALLOWED: Record<FundingMode, Record<ApplicationStatus, WorkflowAction[]>> = {
  pre_funded: {
    draft: [],
    submitted: ['accept', 'return'],
    returned: [],
    in_review: ['review'],
    reviewed: ['review', 'approve', 'reject'],
    approved: ['pay'],
    rejected: [],
    paid: ['pay', 'inspect'],
    accepted: [],
    acceptance_failed: [],
    withdrawn: [],
  },
  post_subsidy: {
    draft: [],
    submitted: ['accept', 'return'],
    returned: [],
    in_review: ['review'],
    reviewed: ['review', 'approve', 'reject'],
    approved: ['inspect'],
    rejected: [],
    paid: ['pay'],
    accepted: ['pay'],
    acceptance_failed: [],
    withdrawn: [],
  },
};

describe('workflowFor: every state × action × role', () => {
  for (const mode of ['pre_funded', 'post_subsidy'] as const) {
    for (const status of APPLICATION_STATUSES) {
      // Half paid, so that a further payment is possible wherever paying is.
      const a = app(status, mode, { paidFen: status === 'paid' ? 50_00 : 0 });
      for (const action of WORKFLOW_ACTIONS) {
        it(`${mode} · ${status} · ${action}`, () => {
          const op = workflowFor(a, OPERATOR);
          const co = workflowFor(a, COMMITTEE);
          const ad = workflowFor(a, ADMIN);
          const st = workflowFor(a, STRANGER);
          const operatorMay = OPERATOR_ALLOWED[status].includes(action);
          const committeeMay = COMMITTEE_ALLOWED[mode][status].includes(action);
          expect(op.allowed.includes(action)).toBe(operatorMay);
          expect(co.allowed.includes(action)).toBe(committeeMay);
          expect(ad.allowed).toEqual([]);
          expect(st.allowed).toEqual([]);
          const isOperatorStep = ['edit', 'delete', 'submit', 'withdraw'].includes(action);
          if (isOperatorStep) {
            expect(co.refused[action]).toEqual({ reason: 'workflow.operatorsOnly', code: 'forbidden' });
            expect(ad.refused[action]).toEqual({ reason: 'workflow.operatorsOnly', code: 'forbidden' });
            expect(st.refused[action]).toEqual({ reason: 'workflow.notYours', code: 'forbidden' });
            if (!operatorMay) expect(op.refused[action]).toEqual({ reason: 'workflow.wrongStatus', code: 'invalid' });
          } else {
            expect(op.refused[action]).toEqual({ reason: 'workflow.committeeOnly', code: 'forbidden' });
            expect(ad.refused[action]).toEqual({ reason: 'workflow.committeeOnly', code: 'forbidden' });
            if (!committeeMay) expect(co.refused[action]).toEqual({ reason: 'workflow.wrongStatus', code: 'invalid' });
          }
        });
      }
    }
  }
});

describe('separation of powers', () => {
  const reviewer = 11;
  const decider = 12;
  const inspector = 13;
  const acceptor = 14;
  const as = (id: number): WorkflowUser => ({ id, role: 'committee', carrierInScope: true });
  const refusal = (a: WorkflowApplication, id: number, action: WorkflowAction) => workflowFor(a, as(id)).refused[action];

  it('a reviewer may not decide either way', () => {
    const a = app('reviewed', 'pre_funded', { reviewerIds: [reviewer] });
    expect(refusal(a, reviewer, 'approve')).toEqual({ reason: 'workflow.sameAsReviewer', code: 'forbidden' });
    expect(refusal(a, reviewer, 'reject')).toEqual({ reason: 'workflow.sameAsReviewer', code: 'forbidden' });
    expect(workflowFor(a, as(decider)).allowed).toEqual(['review', 'approve', 'reject']);
  });

  it('a reviewer may not review twice, another reviewer may add a review', () => {
    const a = app('reviewed', 'pre_funded', { reviewerIds: [reviewer] });
    expect(refusal(a, reviewer, 'review')).toEqual({ reason: 'workflow.alreadyReviewed', code: 'invalid' });
    expect(workflowFor(a, as(99)).allowed).toContain('review');
  });

  it('a reviewer may not inspect (both funding modes)', () => {
    expect(refusal(app('paid', 'pre_funded', { reviewerIds: [7, reviewer], paidFen: 1 }), reviewer, 'inspect')).toEqual({
      reason: 'workflow.sameAsReviewer',
      code: 'forbidden',
    });
    expect(refusal(app('approved', 'post_subsidy', { reviewerIds: [reviewer] }), reviewer, 'inspect')?.reason).toBe('workflow.sameAsReviewer');
  });

  it('the decider may not inspect (both funding modes)', () => {
    expect(refusal(app('paid', 'pre_funded', { decidedBy: decider, paidFen: 1 }), decider, 'inspect')).toEqual({
      reason: 'workflow.sameAsDecider',
      code: 'forbidden',
    });
    expect(refusal(app('approved', 'post_subsidy', { decidedBy: decider }), decider, 'inspect')?.reason).toBe('workflow.sameAsDecider');
    expect(workflowFor(app('approved', 'post_subsidy', { decidedBy: decider, reviewerIds: [reviewer] }), as(inspector)).allowed).toEqual(['inspect']);
  });

  it('the decider may not review', () => {
    // Reviewing after a decision is out of status anyway; the rule holds even on a reopened file.
    const a = app('reviewed', 'pre_funded', { decidedBy: decider });
    expect(refusal(a, decider, 'review')).toEqual({ reason: 'workflow.sameAsDecider', code: 'forbidden' });
  });

  it('the inspector may not review or decide', () => {
    const a = app('reviewed', 'pre_funded', { inspectedBy: inspector });
    expect(refusal(a, inspector, 'review')).toEqual({ reason: 'workflow.sameAsInspector', code: 'forbidden' });
    expect(refusal(a, inspector, 'approve')).toEqual({ reason: 'workflow.sameAsInspector', code: 'forbidden' });
    expect(refusal(a, inspector, 'reject')).toEqual({ reason: 'workflow.sameAsInspector', code: 'forbidden' });
  });

  it('the acceptor may review and inspect but not decide', () => {
    const inReview = app('in_review', 'post_subsidy', { acceptedBy: acceptor });
    expect(workflowFor(inReview, as(acceptor)).allowed).toEqual(['review']);
    const reviewed = app('reviewed', 'post_subsidy', { acceptedBy: acceptor, reviewerIds: [reviewer] });
    expect(refusal(reviewed, acceptor, 'approve')).toEqual({ reason: 'workflow.sameAsAcceptor', code: 'forbidden' });
    expect(refusal(reviewed, acceptor, 'reject')).toEqual({ reason: 'workflow.sameAsAcceptor', code: 'forbidden' });
    const approved = app('approved', 'post_subsidy', { acceptedBy: acceptor, reviewerIds: [reviewer], decidedBy: decider });
    expect(workflowFor(approved, as(acceptor)).allowed).toEqual(['inspect']);
  });

  it('whoever decided may not pay (审批与支付分离); the reviewers, the acceptor and the inspector may', () => {
    const a = app('approved', 'pre_funded', { acceptedBy: acceptor, reviewerIds: [reviewer], decidedBy: decider });
    expect(workflowFor(a, as(decider)).allowed).toEqual([]);
    expect(refusal(a, decider, 'pay')).toEqual({ reason: 'workflow.deciderPays', code: 'forbidden' });
    expect(workflowFor(a, as(reviewer)).allowed).toEqual(['pay']);
    expect(workflowFor(a, as(acceptor)).allowed).toEqual(['pay']);
    // Post-subsidy money goes out after the inspection: the inspector may pay, the decider still not.
    const accepted = app('accepted', 'post_subsidy', { reviewerIds: [reviewer], decidedBy: decider, inspectedBy: inspector });
    expect(workflowFor(accepted, as(inspector)).allowed).toEqual(['pay']);
    expect(refusal(accepted, decider, 'pay')).toEqual({ reason: 'workflow.deciderPays', code: 'forbidden' });
    // A further payment of a partly paid application is refused to the decider too.
    const part = app('paid', 'pre_funded', { reviewerIds: [reviewer], decidedBy: decider, paidFen: 40_00 });
    expect(refusal(part, decider, 'pay')?.reason).toBe('workflow.deciderPays');
  });
});

describe('blacklisted applicants', () => {
  it('cannot submit, be approved or be paid; may still be deleted, reviewed, rejected', () => {
    const bl = { blacklisted: true };
    expect(workflowFor(app('draft', 'pre_funded', bl), OPERATOR).refused.submit).toEqual({ reason: 'workflow.blacklisted', code: 'forbidden' });
    expect(workflowFor(app('returned', 'pre_funded', bl), OPERATOR).refused.submit?.reason).toBe('workflow.blacklisted');
    expect(workflowFor(app('draft', 'pre_funded', bl), OPERATOR).allowed).toEqual(['edit', 'delete']);
    const reviewed = workflowFor(app('reviewed', 'pre_funded', bl), COMMITTEE);
    expect(reviewed.refused.approve).toEqual({ reason: 'workflow.blacklisted', code: 'forbidden' });
    expect(reviewed.allowed).toEqual(['review', 'reject']);
    expect(workflowFor(app('approved', 'pre_funded', bl), COMMITTEE).refused.pay?.reason).toBe('workflow.blacklisted');
    expect(workflowFor(app('accepted', 'post_subsidy', bl), COMMITTEE).refused.pay?.reason).toBe('workflow.blacklisted');
    expect(workflowFor(app('approved', 'post_subsidy', bl), COMMITTEE).allowed).toEqual(['inspect']);
  });
});

describe('payments', () => {
  it('stop when the approved amount is paid (pre-funded)', () => {
    const a = app('paid', 'pre_funded', { approvedFen: 100, paidFen: 100 });
    expect(workflowFor(a, COMMITTEE).refused.pay).toEqual({ reason: 'workflow.nothingToPay', code: 'invalid' });
    expect(payableFen(app('paid', 'pre_funded', { approvedFen: 100, paidFen: 40 }))).toBe(60);
  });

  it('are limited by the final amount after a post-subsidy inspection', () => {
    expect(payableFen(app('accepted', 'post_subsidy', { approvedFen: 100, finalFen: 70, paidFen: 0 }))).toBe(70);
    expect(workflowFor(app('accepted', 'post_subsidy', { approvedFen: 100, finalFen: 0 }), COMMITTEE).refused.pay?.reason).toBe('workflow.nothingToPay');
    expect(workflowFor(app('paid', 'post_subsidy', { approvedFen: 100, finalFen: 70, paidFen: 70 }), COMMITTEE).allowed).toEqual([]);
  });
});

describe('nextStatus', () => {
  it('follows the diagram', () => {
    const pre = { status: 'approved', fundingMode: 'pre_funded' } as const;
    expect(nextStatus('submit', { ...pre, status: 'returned' })).toBe('submitted');
    expect(nextStatus('accept', pre)).toBe('in_review');
    expect(nextStatus('return', pre)).toBe('returned');
    expect(nextStatus('review', pre)).toBe('reviewed');
    expect(nextStatus('approve', pre)).toBe('approved');
    expect(nextStatus('reject', pre)).toBe('rejected');
    expect(nextStatus('withdraw', pre)).toBe('withdrawn');
    expect(nextStatus('pay', pre)).toBe('paid');
    expect(nextStatus('inspect', pre, { passed: true })).toBe('accepted');
    expect(nextStatus('inspect', pre, { passed: false })).toBe('acceptance_failed');
  });
});

describe('waiting on the committee', () => {
  const app = (status: ApplicationStatus, fundingMode: FundingMode, paidFen = 0, finalFen: number | null = null, approvedFen: number | null = 100) => ({
    status,
    fundingMode,
    paidFen,
    finalFen,
    approvedFen,
  });

  it('awaits a decision while submitted, accepted for review or reviewed', () => {
    expect(AWAITING_DECISION).toEqual(['submitted', 'in_review', 'reviewed']);
    expect(COMMITTEE_STEP_STATUSES).toEqual(['submitted', 'in_review', 'reviewed', 'approved', 'paid', 'accepted']);
  });

  it('has a step due until the money is paid and the inspection done, whichever comes last in the mode', () => {
    for (const s of AWAITING_DECISION) expect(committeeStepDue(app(s, 'pre_funded'))).toBe(true);
    expect(committeeStepDue(app('approved', 'pre_funded'))).toBe(true);
    expect(committeeStepDue(app('approved', 'post_subsidy'))).toBe(true);
    // Pre-funded: paid, then inspected.
    expect(committeeStepDue(app('paid', 'pre_funded', 100))).toBe(true);
    expect(committeeStepDue(app('accepted', 'pre_funded', 100))).toBe(false);
    // Post-subsidy: inspected, then paid.
    expect(committeeStepDue(app('accepted', 'post_subsidy', 0, 80))).toBe(true);
    expect(committeeStepDue(app('accepted', 'post_subsidy', 80, 80))).toBe(false);
    expect(committeeStepDue(app('accepted', 'post_subsidy', 50, null, 100))).toBe(true);
    expect(committeeStepDue(app('paid', 'post_subsidy', 80, 80))).toBe(false);
    for (const s of ['draft', 'returned', 'rejected', 'acceptance_failed', 'withdrawn'] as const) expect(committeeStepDue(app(s, 'pre_funded'))).toBe(false);
  });
});

describe('what the detail pages say about the money and the inspection', () => {
  const fin = (status: ApplicationStatus, mode: FundingMode, amounts: { approvedFen?: number | null; finalFen?: number | null; paidFen?: number }) =>
    app(status, mode, { approvedFen: 160_000_00, finalFen: null, paidFen: 0, ...amounts });

  it('offers nothing to pay on a post-subsidy application before its inspection, only the amount it may receive after it', () => {
    expect(paymentOutlook(fin('approved', 'post_subsidy', {}))).toEqual({ when: 'afterInspection', fen: 160_000_00 });
    expect(paymentOutlook(fin('accepted', 'post_subsidy', { finalFen: 150_000_00 }))).toEqual({ when: 'now', fen: 150_000_00 });
    expect(paymentOutlook(fin('acceptance_failed', 'post_subsidy', {}))).toEqual({ when: 'none', fen: 0 });
  });

  it('pays a pre-funded application after approval, and nothing once it is paid in full or closed', () => {
    expect(paymentOutlook(fin('approved', 'pre_funded', {}))).toEqual({ when: 'now', fen: 160_000_00 });
    expect(paymentOutlook(fin('paid', 'pre_funded', { paidFen: 60_000_00 }))).toEqual({ when: 'now', fen: 100_000_00 });
    expect(paymentOutlook(fin('paid', 'pre_funded', { paidFen: 160_000_00 }))).toEqual({ when: 'none', fen: 0 });
    expect(paymentOutlook(fin('accepted', 'pre_funded', { paidFen: 160_000_00, finalFen: 160_000_00 }))).toEqual({ when: 'none', fen: 0 });
    for (const status of ['draft', 'submitted', 'in_review', 'reviewed', 'rejected', 'withdrawn'] as const) {
      expect(paymentOutlook(fin(status, 'pre_funded', { approvedFen: null })).when).toBe('none');
    }
  });

  it('keeps the inspection deadline only while the inspection is still to come', () => {
    expect(inspectionAhead(app('approved', 'post_subsidy'))).toBe(true);
    expect(inspectionAhead(app('approved', 'pre_funded'))).toBe(true);
    expect(inspectionAhead(app('paid', 'pre_funded'))).toBe(true);
    // Paid after a passed inspection, or inspected: closed.
    expect(inspectionAhead(app('paid', 'post_subsidy'))).toBe(false);
    for (const status of ['accepted', 'acceptance_failed', 'rejected', 'withdrawn', 'reviewed'] as const) {
      expect(inspectionAhead(app(status, 'pre_funded'))).toBe(false);
      expect(inspectionAhead(app(status, 'post_subsidy'))).toBe(false);
    }
  });
});
