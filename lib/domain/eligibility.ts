import type { FieldErrors, FieldMessage } from '../errors';
import { formatWan, moneyFigure } from '../money';
import type { IsoDate } from './dates';
import type { ApplicantType, CarrierKind, ProgramStatus, VentureStage } from './vocabulary';
import type { ApplicationStatus } from './workflow';

/**
 * The checks an application passes when it is submitted (Pudong's rules, docs/domain.md). Each
 * check returns a message key (under `subsidyErrors`) with its parameters, or null. The caller
 * gathers the facts (from the database, in the submitting transaction) and passes `today`.
 *
 * Field names of the errors: `programId` (the programme), `applicant` (the carrier or venture
 * applying), `requested` (the amount), `attachments` (the documents).
 */
export type EligibilityProgramme = {
  status: ProgramStatus;
  opensOn: IsoDate;
  closesOn: IsoDate;
  applicantType: ApplicantType;
  eligibleKinds: readonly CarrierKind[];
  eligibleStages: readonly VentureStage[];
  capFen: number;
  requiredDocuments: readonly string[];
};

export type EligibilityApplicant = {
  type: ApplicantType;
  carrierKind: CarrierKind;
  /** The venture's stage, for a venture's application. */
  ventureStage: VentureStage | null;
};

/** Another application of the same applicant. */
export type RelatedApplication = { refNo: string; status: ApplicationStatus; inspectionDueOn: IsoDate | null; inspectedAt: unknown };

export type SubmissionFacts = {
  today: IsoDate;
  requestedFen: number;
  /** The applicant has a blacklist entry in force today. */
  blacklisted: boolean;
  /** The applicant's other applications, in any programme. */
  otherApplicationsAnywhere: readonly RelatedApplication[];
  /** The applicant's other applications in this programme (a programme is one year's line). */
  otherApplicationsHere: readonly RelatedApplication[];
  /** Document types of the attachments. */
  documentTypes: readonly string[];
};

export function programmeOpen(p: EligibilityProgramme, today: IsoDate): FieldMessage | null {
  if (p.status !== 'open') return { key: 'subsidyErrors.programmeNotOpen' };
  if (today < p.opensOn) return { key: 'subsidyErrors.programmeNotYetOpen', params: { opensOn: p.opensOn } };
  if (today > p.closesOn) return { key: 'subsidyErrors.programmeClosed', params: { closesOn: p.closesOn } };
  return null;
}

/** An empty list of kinds or stages means the programme takes all of them. */
export function applicantEligible(p: EligibilityProgramme, a: EligibilityApplicant): FieldMessage | null {
  if (p.applicantType !== a.type) return { key: 'subsidyErrors.wrongApplicantType', params: { expected: p.applicantType } };
  if (p.eligibleKinds.length > 0 && !p.eligibleKinds.includes(a.carrierKind)) {
    return { key: 'subsidyErrors.carrierKindNotEligible', params: { kind: a.carrierKind } };
  }
  if (a.type === 'venture' && p.eligibleStages.length > 0 && (!a.ventureStage || !p.eligibleStages.includes(a.ventureStage))) {
    return { key: 'subsidyErrors.stageNotEligible', params: { stage: a.ventureStage ?? '' } };
  }
  return null;
}

/** Amounts are set per programme by the committee; the cap per award is the only upper limit at submission. */
export function amountWithinCap(p: Pick<EligibilityProgramme, 'capFen'>, requestedFen: number): FieldMessage | null {
  if (!Number.isInteger(requestedFen) || requestedFen <= 0) return { key: 'subsidyErrors.amountNotPositive' };
  if (requestedFen > p.capFen)
    return { key: 'subsidyErrors.overCap', params: { capFen: p.capFen, cap: formatWan(p.capFen), capYuan: moneyFigure('en', p.capFen) } };
  return null;
}

export function notBlacklisted(blacklisted: boolean): FieldMessage | null {
  return blacklisted ? { key: 'subsidyErrors.blacklisted' } : null;
}

/** Funded and not inspected by its due date (逾期项目不得申报). */
export function isOverdue(a: RelatedApplication, today: IsoDate): boolean {
  return (a.status === 'approved' || a.status === 'paid') && !a.inspectedAt && a.inspectionDueOn !== null && a.inspectionDueOn < today;
}

export function noOverdueProject(others: readonly RelatedApplication[], today: IsoDate): FieldMessage | null {
  const overdue = others.find((a) => isOverdue(a, today));
  return overdue ? { key: 'subsidyErrors.overdueProject', params: { refNo: overdue.refNo, dueOn: overdue.inspectionDueOn! } } : null;
}

/** No double funding (从优不重复): one live application per applicant and programme. */
export const FINISHED_WITHOUT_FUNDING: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];

export function noDuplicate(here: readonly RelatedApplication[]): FieldMessage | null {
  const live = here.find((a) => !FINISHED_WITHOUT_FUNDING.includes(a.status));
  return live ? { key: 'subsidyErrors.duplicateApplication', params: { refNo: live.refNo } } : null;
}

export function requiredDocumentsAttached(required: readonly string[], attached: readonly string[]): FieldMessage | null {
  const missing = required.filter((d) => !attached.includes(d));
  return missing.length ? { key: 'subsidyErrors.missingDocuments', params: { documents: missing.join(', ') } } : null;
}

/** Every submission check; an empty object means the application may be submitted. */
export function submissionErrors(p: EligibilityProgramme, applicant: EligibilityApplicant, facts: SubmissionFacts): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, m: FieldMessage | null) => {
    if (m) (errors[field] ??= []).push(m);
  };
  add('programId', programmeOpen(p, facts.today));
  add('applicant', applicantEligible(p, applicant));
  add('requested', amountWithinCap(p, facts.requestedFen));
  add('applicant', notBlacklisted(facts.blacklisted));
  add('applicant', noOverdueProject(facts.otherApplicationsAnywhere, facts.today));
  add('applicant', noDuplicate(facts.otherApplicationsHere));
  add('attachments', requiredDocumentsAttached(p.requiredDocuments, facts.documentTypes));
  return errors;
}
