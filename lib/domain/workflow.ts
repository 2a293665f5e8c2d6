import { APPLICATION_STATUSES, type ApplicationStatus, type FundingMode, type Role } from './vocabulary';

/**
 * The subsidy application workflow (docs/domain.md, 分权制衡): which steps a user may take on an
 * application in its present state. The pages offer only the allowed steps and the server
 * refuses every other one with the reason given here.
 *
 *   draft -submit-> submitted -accept-> in_review -review(s)-> reviewed -approve-> approved
 *                                                                    \-reject-> rejected
 *   submitted -return-> returned -submit-> submitted
 *   submitted | returned -withdraw-> withdrawn
 *   pre-funded:   approved -pay-> paid -inspect-> accepted | acceptance_failed
 *   post-subsidy: approved -inspect-> accepted | acceptance_failed;  accepted -pay-> paid
 *
 * Separation of powers on one application: the reviewers, the decider and the inspector are
 * different people. The person who accepted the application for review (受理) may also review
 * it (the formal check and the expert opinion do not conflict), but may not decide it: whoever
 * shaped the file at intake does not also approve the money. The acceptor may inspect.
 * Approval and payment are kept apart (审批与支付分离): whoever decided an application does not
 * also pay it out.
 */
export { APPLICATION_STATUSES, type ApplicationStatus, type FundingMode };

export const OPERATOR_ACTIONS = ['edit', 'delete', 'submit', 'withdraw'] as const;
export const COMMITTEE_ACTIONS = ['accept', 'return', 'review', 'approve', 'reject', 'pay', 'inspect'] as const;
export const WORKFLOW_ACTIONS = [...OPERATOR_ACTIONS, ...COMMITTEE_ACTIONS] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Waiting on the committee, in two senses that the screens keep apart:
 * - AWAITING_DECISION: submitted, accepted for review or reviewed, not yet decided. The review
 *   queue (db/queries/subsidies/review.ts reviewQueue) lists these when no status is chosen.
 * - COMMITTEE_STEP_STATUSES with committeeStepDue: some committee step is still due, the decision,
 *   the payment or the inspection. The committee's home page counts these and the network
 *   dashboard ages them (db/queries/subsidies/committee-queue.ts committeeStepDueSql is the SQL).
 */
export const AWAITING_DECISION = ['submitted', 'in_review', 'reviewed'] as const satisfies readonly ApplicationStatus[];
export const COMMITTEE_STEP_STATUSES = [...AWAITING_DECISION, 'approved', 'paid', 'accepted'] as const satisfies readonly ApplicationStatus[];
export type CommitteeStepStatus = (typeof COMMITTEE_STEP_STATUSES)[number];

/**
 * Whether a committee step is due on the application: a paid post-subsidy application is
 * finished, and so is an accepted one that is pre-funded or already paid its final amount.
 */
export function committeeStepDue(a: {
  status: ApplicationStatus;
  fundingMode: FundingMode;
  paidFen: number;
  finalFen: number | null;
  approvedFen: number | null;
}): boolean {
  if (!(COMMITTEE_STEP_STATUSES as readonly ApplicationStatus[]).includes(a.status)) return false;
  if (a.status === 'paid') return a.fundingMode === 'pre_funded';
  if (a.status === 'accepted') return a.fundingMode === 'post_subsidy' && a.paidFen < (a.finalFen ?? a.approvedFen ?? 0);
  return true;
}

/** Message keys of the refusals (messages/<locale>/subsidies.json, top-level `workflow`). */
export type WorkflowReason =
  | 'workflow.operatorsOnly'
  | 'workflow.committeeOnly'
  | 'workflow.notYours'
  | 'workflow.wrongStatus'
  | 'workflow.sameAsReviewer'
  | 'workflow.sameAsDecider'
  | 'workflow.sameAsInspector'
  | 'workflow.sameAsAcceptor'
  | 'workflow.deciderPays'
  | 'workflow.alreadyReviewed'
  | 'workflow.blacklisted'
  | 'workflow.nothingToPay';

/** `forbidden`: this person may never take the step here; `invalid`: the step does not fit the state. */
export type Refusal = { reason: WorkflowReason; code: 'forbidden' | 'invalid' };

export type WorkflowApplication = {
  status: ApplicationStatus;
  fundingMode: FundingMode;
  acceptedBy: number | null;
  reviewerIds: readonly number[];
  decidedBy: number | null;
  inspectedBy: number | null;
  approvedFen: number | null;
  finalFen: number | null;
  paidFen: number;
  /** An entry in force against the applicant (the venture, or the carrier for a carrier's own application). */
  blacklisted: boolean;
};

/** The user; `carrierInScope` says whether the application's carrier is one an operator runs. */
export type WorkflowUser = { id: number; role: Role; carrierInScope: boolean };

export type WorkflowDecision = {
  allowed: WorkflowAction[];
  refused: Partial<Record<WorkflowAction, Refusal>>;
};

const STATUSES_FOR: Record<Exclude<WorkflowAction, 'pay' | 'inspect'>, readonly ApplicationStatus[]> = {
  edit: ['draft', 'returned'],
  delete: ['draft'],
  submit: ['draft', 'returned'],
  withdraw: ['submitted', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
  review: ['in_review', 'reviewed'],
  approve: ['reviewed'],
  reject: ['reviewed'],
};

/** Pre-funded money goes out after approval, post-subsidy money after a passed inspection. */
function statusesFor(action: WorkflowAction, mode: FundingMode): readonly ApplicationStatus[] {
  if (action === 'pay') return mode === 'pre_funded' ? ['approved', 'paid'] : ['accepted', 'paid'];
  if (action === 'inspect') return mode === 'pre_funded' ? ['paid'] : ['approved'];
  return STATUSES_FOR[action];
}

/** What may still be paid out: the final amount once inspection set one, else the approved amount. */
export function payableFen(app: Pick<WorkflowApplication, 'approvedFen' | 'finalFen' | 'paidFen'>): number {
  return Math.max(0, (app.finalFen ?? app.approvedFen ?? 0) - app.paidFen);
}

/**
 * Where the money stands for the applicant: payable now (a payment step is open), payable once
 * the inspection passes (post-subsidy, approved), or nothing (not approved, paid in full, failed,
 * closed).
 */
export type PaymentOutlook = { when: 'now' | 'afterInspection'; fen: number } | { when: 'none'; fen: 0 };
export function paymentOutlook(app: Pick<WorkflowApplication, 'status' | 'fundingMode' | 'approvedFen' | 'finalFen' | 'paidFen'>): PaymentOutlook {
  const fen = payableFen(app);
  if (fen > 0 && statusesFor('pay', app.fundingMode).includes(app.status)) return { when: 'now', fen };
  if (fen > 0 && app.fundingMode === 'post_subsidy' && app.status === 'approved') return { when: 'afterInspection', fen };
  return { when: 'none', fen: 0 };
}

/** The inspection (验收) is still to come, so its deadline still applies: approved, or pre-funded and paid. */
export function inspectionAhead(app: Pick<WorkflowApplication, 'status' | 'fundingMode'>): boolean {
  return app.status === 'approved' || statusesFor('inspect', app.fundingMode).includes(app.status);
}

const forbidden = (reason: WorkflowReason): Refusal => ({ reason, code: 'forbidden' });
const unfit = (reason: WorkflowReason): Refusal => ({ reason, code: 'invalid' });

function refusalOf(action: WorkflowAction, app: WorkflowApplication, user: WorkflowUser): Refusal | null {
  const isOperatorStep = (OPERATOR_ACTIONS as readonly string[]).includes(action);
  if (isOperatorStep) {
    if (user.role !== 'operator') return forbidden('workflow.operatorsOnly');
    if (!user.carrierInScope) return forbidden('workflow.notYours');
  } else if (user.role !== 'committee') {
    return forbidden('workflow.committeeOnly');
  }
  if (!statusesFor(action, app.fundingMode).includes(app.status)) return unfit('workflow.wrongStatus');

  const reviewed = app.reviewerIds.includes(user.id);
  switch (action) {
    case 'submit':
      if (app.blacklisted) return forbidden('workflow.blacklisted');
      break;
    case 'review':
      if (app.decidedBy === user.id) return forbidden('workflow.sameAsDecider');
      if (app.inspectedBy === user.id) return forbidden('workflow.sameAsInspector');
      if (reviewed) return unfit('workflow.alreadyReviewed');
      break;
    case 'approve':
    case 'reject':
      if (reviewed) return forbidden('workflow.sameAsReviewer');
      if (app.inspectedBy === user.id) return forbidden('workflow.sameAsInspector');
      if (app.acceptedBy === user.id) return forbidden('workflow.sameAsAcceptor');
      if (action === 'approve' && app.blacklisted) return forbidden('workflow.blacklisted');
      break;
    case 'inspect':
      if (reviewed) return forbidden('workflow.sameAsReviewer');
      if (app.decidedBy === user.id) return forbidden('workflow.sameAsDecider');
      break;
    case 'pay':
      if (app.decidedBy === user.id) return forbidden('workflow.deciderPays');
      if (app.blacklisted) return forbidden('workflow.blacklisted');
      if (payableFen(app) <= 0) return unfit('workflow.nothingToPay');
      break;
  }
  return null;
}

/** The steps this user may take on this application, and for every other step the reason why not. */
export function workflowFor(app: WorkflowApplication, user: WorkflowUser): WorkflowDecision {
  const allowed: WorkflowAction[] = [];
  const refused: Partial<Record<WorkflowAction, Refusal>> = {};
  for (const action of WORKFLOW_ACTIONS) {
    const r = refusalOf(action, app, user);
    if (r) refused[action] = r;
    else allowed.push(action);
  }
  return { allowed, refused };
}

/** The status an application moves to when the step is taken (review and pay depend on the state). */
export function nextStatus(
  action: WorkflowAction,
  app: Pick<WorkflowApplication, 'status' | 'fundingMode'>,
  outcome?: { passed?: boolean },
): ApplicationStatus {
  switch (action) {
    case 'edit':
      return app.status;
    case 'delete':
      return app.status;
    case 'submit':
      return 'submitted';
    case 'withdraw':
      return 'withdrawn';
    case 'accept':
      return 'in_review';
    case 'return':
      return 'returned';
    case 'review':
      return 'reviewed';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'pay':
      return 'paid';
    case 'inspect':
      return outcome?.passed ? 'accepted' : 'acceptance_failed';
  }
}
