import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, timestamps, versioned } from './columns';
import {
  applicantTypeEnum,
  applicationStatusEnum,
  carrierKindEnum,
  fundingModeEnum,
  programCategoryEnum,
  programStatusEnum,
  recommendationEnum,
  ventureStageEnum,
} from './enums';
import { carriers } from './carriers';
import { users } from './users';
import { ventures } from './ventures';

export const programs = pgTable(
  'programs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    year: smallint('year').notNull(),
    category: programCategoryEnum('category').notNull(),
    applicantType: applicantTypeEnum('applicant_type').notNull(),
    eligibleKinds: carrierKindEnum('eligible_kinds')
      .array()
      .notNull()
      .default(sql`'{}'`),
    eligibleStages: ventureStageEnum('eligible_stages')
      .array()
      .notNull()
      .default(sql`'{}'`),
    fundingMode: fundingModeEnum('funding_mode').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }).notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    requiredDocuments: text('required_documents')
      .array()
      .notNull()
      .default(sql`'{}'`),
    description: text('description'),
    status: programStatusEnum('status').notNull().default('draft'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('programs_code_key').on(t.code),
    index('programs_year_status_idx').on(t.year, t.status),
    check('programs_money', sql`${t.budgetFen} >= 0 AND ${t.capFen} > 0 AND ${t.capFen} <= ${t.budgetFen}`),
    check('programs_dates', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: serial('id').primaryKey(),
    refNo: text('ref_no').notNull(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    ventureId: integer('venture_id').references(() => ventures.id),
    purpose: text('purpose').notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    finalFen: bigint('final_fen', { mode: 'number' }),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    status: applicationStatusEnum('status').notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedBy: integer('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    inspectedBy: integer('inspected_by').references(() => users.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }),
    inspectionDueOn: date('inspection_due_on'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('applications_ref_no_key').on(t.refNo),
    index('applications_program_status_idx').on(t.programId, t.status),
    index('applications_carrier_status_idx').on(t.carrierId, t.status),
    index('applications_venture_idx').on(t.ventureId),
    index('applications_status_submitted_idx').on(t.status, t.submittedAt),
    // The committee's queue in the order it is worked (oldest submission first), any status.
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    // An operator's applications, most recently changed first.
    index('applications_carrier_updated_idx').on(t.carrierId, t.updatedAt, t.id),
    check('applications_requested_pos', sql`${t.requestedFen} > 0`),
    check('applications_approved_range', sql`${t.approvedFen} IS NULL OR (${t.approvedFen} >= 0 AND ${t.approvedFen} <= ${t.requestedFen})`),
    check('applications_final_range', sql`${t.finalFen} IS NULL OR (${t.finalFen} >= 0 AND ${t.finalFen} <= ${t.approvedFen})`),
    check('applications_paid_range', sql`${t.paidFen} >= 0 AND ${t.paidFen} <= coalesce(${t.finalFen}, ${t.approvedFen}, 0)`),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id),
    fromStatus: applicationStatusEnum('from_status'),
    toStatus: applicationStatusEnum('to_status').notNull(),
    comment: text('comment'),
    visibleToApplicant: boolean('visible_to_applicant').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.createdAt)],
);

export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    score: smallint('score').notNull(),
    recommendation: recommendationEnum('recommendation').notNull(),
    recommendedFen: bigint('recommended_fen', { mode: 'number' }),
    comment: text('comment'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reviews_one_per_reviewer').on(t.applicationId, t.reviewerId),
    check('reviews_score', sql`${t.score} BETWEEN 0 AND 100`),
    check('reviews_recommended_nonneg', sql`${t.recommendedFen} IS NULL OR ${t.recommendedFen} >= 0`),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    actualValue: doublePrecision('actual_value'),
    passed: boolean('passed'),
    ...timestamps,
  },
  (t) => [index('indicators_application_idx').on(t.applicationId)],
);

export const disbursements = pgTable(
  'disbursements',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    voucherNo: text('voucher_no').notNull(),
    paidBy: integer('paid_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disbursements_application_idx').on(t.applicationId),
    uniqueIndex('disbursements_voucher_key').on(t.voucherNo),
    check('disbursements_amount_pos', sql`${t.amountFen} > 0`),
  ],
);

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    documentType: text('document_type'),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_application_idx').on(t.applicationId),
    check('attachments_size', sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= ${sql.raw(String(MAX_ATTACHMENT_BYTES))}`),
  ],
);

export type Program = typeof programs.$inferSelect;
export type NewProgram = typeof programs.$inferInsert;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
