import { z } from 'zod';
import { APPLICANT_TYPES, CARRIER_KINDS, FUNDING_MODES, PROGRAM_STATUSES, PROGRAM_CATEGORIES, RECOMMENDATIONS, VENTURE_STAGES } from '../domain/vocabulary';
import { amountFen, creditCode, id, isoDate, optionalIsoDate, optionalText, requiredName, requiredText, version } from './fields';

/**
 * Form schemas of the subsidy workflow. Server actions parse with these and hand the output
 * (amounts already in integer fen) to db/queries. Messages are keys under `validation`, or
 * `subsidyErrors.*` for the area's own.
 */
export { PROGRAM_CATEGORIES, RECOMMENDATIONS };

/** The documents a programme may require; their names are in the catalogue under documentTypes (subsidies.json). */
export const DOCUMENT_TYPES = [
  'business_licence',
  'legal_rep_id',
  'credit_pledge',
  'annual_service_report',
  'financial_statements',
  'tenant_register',
  'construction_plan',
  'premises_title_or_lease',
  'investment_budget',
  'tenancy_agreement',
  'rent_invoices',
  'graduation_evidence',
  'stay_in_pudong_pledge',
  'team_leader_id',
  'project_plan',
  'nursery_recommendation',
  'rd_expense_audit',
  'ip_certificates',
  'ip_pledge_registration',
  'loan_contract',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const isDocumentType = (v: string): v is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(v);
const documentType = z.enum(DOCUMENT_TYPES, { message: 'subsidyErrors.documentTypeFormat' });

const positiveFen = amountFen.refine((v) => v > 0, { message: 'subsidyErrors.amountNotPositive' });

export const programmeInput = z
  .object({
    code: requiredName(40),
    nameZh: requiredName(200),
    nameEn: requiredName(200),
    year: z.coerce.number().int().min(2000).max(2100),
    category: z.enum(PROGRAM_CATEGORIES),
    applicantType: z.enum(APPLICANT_TYPES),
    eligibleKinds: z.array(z.enum(CARRIER_KINDS)).default([]),
    eligibleStages: z.array(z.enum(VENTURE_STAGES)).default([]),
    fundingMode: z.enum(FUNDING_MODES),
    budgetFen: amountFen,
    capFen: positiveFen,
    opensOn: isoDate,
    closesOn: isoDate,
    requiredDocuments: z.array(documentType).max(20).default([]),
    description: optionalText(4000),
    status: z.enum(PROGRAM_STATUSES).default('draft'),
  })
  .superRefine((p, ctx) => {
    if (p.capFen > p.budgetFen) ctx.addIssue({ code: 'custom', path: ['capFen'], message: 'subsidyErrors.capOverBudget' });
    if (p.closesOn < p.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'subsidyErrors.closesBeforeOpens' });
  });
export type ProgrammeInput = z.output<typeof programmeInput>;

export const indicatorInput = z.object({
  name: requiredName(200),
  unit: requiredName(40),
  targetValue: z.coerce.number().finite(),
});

/** A draft: for a venture programme the venture is named, for a carrier programme the carrier. */
export const draftInput = z.object({
  programId: id,
  carrierId: id,
  ventureId: id.optional(),
  purpose: requiredText(4000),
  requestedFen: positiveFen,
  indicators: z.array(indicatorInput).max(30).default([]),
});
export type DraftInput = z.output<typeof draftInput>;

export const draftUpdateInput = draftInput.omit({ programId: true, carrierId: true, ventureId: true }).extend({ applicationId: id, version });
export type DraftUpdateInput = z.output<typeof draftUpdateInput>;

/** Every step names the application and the version the user's screen showed. */
export const stepInput = z.object({ applicationId: id, version });
export type StepInput = z.output<typeof stepInput>;

export const returnInput = stepInput.extend({ comment: requiredText(2000) });
export type ReturnInput = z.output<typeof returnInput>;

export const reviewInput = stepInput.extend({
  score: z.coerce.number().int('integer').min(0).max(100),
  recommendation: z.enum(RECOMMENDATIONS),
  recommendedFen: z.preprocess((v) => (v === '' ? undefined : v), amountFen.optional()),
  comment: optionalText(4000),
});
export type ReviewInput = z.output<typeof reviewInput>;

export const decisionInput = z.discriminatedUnion('decision', [
  stepInput.extend({ decision: z.literal('approve'), approvedFen: positiveFen, inspectionDueOn: isoDate, comment: optionalText(2000) }),
  stepInput.extend({ decision: z.literal('reject'), reason: requiredText(2000) }),
]);
export type DecisionInput = z.output<typeof decisionInput>;

export const paymentInput = stepInput.extend({ amountFen: positiveFen, paidOn: isoDate, voucherNo: requiredName(60) });
export type PaymentInput = z.output<typeof paymentInput>;

export const inspectionInput = stepInput.extend({
  passed: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  /** Post-subsidy only: the amount earned by the results, at most the approved amount. */
  finalFen: z.preprocess((v) => (v === '' ? undefined : v), amountFen.optional()),
  comment: requiredText(4000),
  actuals: z
    .array(z.object({ indicatorId: id, actualValue: z.coerce.number().finite(), passed: z.boolean() }))
    .max(30)
    .default([]),
});
export type InspectionInput = z.output<typeof inspectionInput>;

export const blacklistInput = z
  .discriminatedUnion('subjectType', [
    z.object({ subjectType: z.literal('venture'), creditCode, subjectName: requiredName(200) }),
    z.object({ subjectType: z.literal('carrier'), carrierId: id }),
  ])
  .and(
    z.object({
      misconduct: requiredText(4000),
      outcome: requiredText(2000),
      handlingBody: requiredName(200),
      legalBasis: requiredText(2000),
      effectiveOn: isoDate,
      sanctionEndsOn: optionalIsoDate,
    }),
  );
export type BlacklistInput = z.output<typeof blacklistInput>;

export const liftInput = z.object({ entryId: id, liftedOn: isoDate, reason: requiredText(2000) });
export type LiftInput = z.output<typeof liftInput>;
