import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, timestamps, versioned } from './columns';
import {
  exitKindEnum,
  exitReasonEnum,
  graduationCriterionEnum,
  graduationStatusEnum,
  industryEnum,
  residencyStageEnum,
  ventureKindEnum,
  ventureStageEnum,
} from './enums';
import { carriers } from './carriers';
import { users } from './users';

export const ventures = pgTable(
  'ventures',
  {
    id: serial('id').primaryKey(),
    kind: ventureKindEnum('kind').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    creditCodeOverride: text('credit_code_override'),
    industry: industryEnum('industry').notNull(),
    technicalField: text('technical_field'),
    foundedOn: date('founded_on'),
    founders: text('founders'),
    talentFlags: text('talent_flags')
      .array()
      .notNull()
      .default(sql`'{}'`),
    highTechCertNo: text('high_tech_cert_no'),
    highTechCertOn: date('high_tech_cert_on'),
    exitKind: exitKindEnum('exit_kind'),
    exitOn: date('exit_on'),
    stage: ventureStageEnum('stage').notNull(),
    currentCarrierId: integer('current_carrier_id').references(() => carriers.id),
    ...versioned,
  },
  (t) => [
    uniqueIndex('ventures_credit_code_key').on(t.creditCode),
    index('ventures_carrier_stage_idx').on(t.currentCarrierId, t.stage),
    index('ventures_stage_idx').on(t.stage),
    index('ventures_industry_idx').on(t.industry),
    // The year summary counts the ventures certified high-tech in a year.
    index('ventures_high_tech_cert_idx').on(t.highTechCertOn),
    index('ventures_name_idx').on(t.name),
    // Search for a part of a name or a credit code (ILIKE '%…%') through trigrams (pg_trgm, migration 0011).
    index('ventures_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('ventures_credit_code_trgm_idx').using('gin', t.creditCode.op('gin_trgm_ops')),
    check('ventures_company_has_code', sql`(${t.kind} = 'team' AND ${t.creditCode} IS NULL) OR (${t.kind} = 'company' AND ${t.creditCode} IS NOT NULL)`),
    check('ventures_credit_code_format', sql`${t.creditCode} IS NULL OR char_length(${t.creditCode}) = 18`),
    check('ventures_exit_complete', sql`(${t.exitKind} IS NULL) = (${t.exitOn} IS NULL)`),
  ],
);

export const ventureFinancings = pgTable(
  'venture_financings',
  {
    id: serial('id').primaryKey(),
    ventureId: integer('venture_id')
      .notNull()
      .references(() => ventures.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    investor: text('investor').notNull(),
    /** The carrier whose stay the financing was recorded in: only that carrier sees it (docs/data-ownership.md). */
    carrierId: integer('carrier_id').references(() => carriers.id),
    ...timestamps,
  },
  (t) => [
    index('venture_financings_venture_idx').on(t.ventureId),
    index('venture_financings_carrier_idx').on(t.carrierId, t.ventureId),
    check('venture_financings_amount_pos', sql`${t.amountFen} > 0`),
  ],
);

/** Whose record a row is: the venture's (deleted with it) in one carrier. */
const ventureAndCarrier = () => ({
  ventureId: integer('venture_id')
    .notNull()
    .references(() => ventures.id, { onDelete: 'cascade' }),
  carrierId: integer('carrier_id')
    .notNull()
    .references(() => carriers.id),
});

export const residencies = pgTable(
  'residencies',
  {
    id: serial('id').primaryKey(),
    ...ventureAndCarrier(),
    stage: residencyStageEnum('stage').notNull(),
    enteredOn: date('entered_on').notNull(),
    leftOn: date('left_on'),
    exitReason: exitReasonEnum('exit_reason'),
    areaM2: integer('area_m2').notNull().default(0),
    workstations: integer('workstations').notNull().default(0),
    ruleWarnings: text('rule_warnings')
      .array()
      .notNull()
      .default(sql`'{}'`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('residencies_one_open_per_venture')
      .on(t.ventureId)
      .where(sql`${t.leftOn} IS NULL`),
    index('residencies_venture_idx').on(t.ventureId, t.enteredOn),
    index('residencies_carrier_open_idx').on(t.carrierId, t.leftOn),
    // The network's figures at a year's end and the admission cohorts read stays by their dates.
    // With the venture, so that the ventures admitted in a period are counted from the index alone.
    index('residencies_entered_idx').on(t.enteredOn, t.ventureId),
    index('residencies_left_idx').on(t.leftOn),
    // The committee's warnings: open stays admitted with a rule warning, open incubating stays and
    // the start of each venture's incubation, each counted from the rows it matches.
    index('residencies_open_warnings_idx')
      .on(t.carrierId, t.enteredOn)
      .where(sql`${t.leftOn} IS NULL AND cardinality(${t.ruleWarnings}) > 0`),
    index('residencies_open_incubating_idx')
      .on(t.ventureId, t.carrierId)
      .where(sql`${t.leftOn} IS NULL AND ${t.stage} = 'incubating'`),
    index('residencies_incubating_start_idx')
      .on(t.ventureId, t.enteredOn)
      .where(sql`${t.stage} = 'incubating'`),
    check('residencies_space_nonneg', sql`${t.areaM2} >= 0 AND ${t.workstations} >= 0`),
    check('residencies_dates', sql`${t.leftOn} IS NULL OR ${t.leftOn} >= ${t.enteredOn}`),
    check('residencies_exit_reason', sql`(${t.leftOn} IS NULL) = (${t.exitReason} IS NULL)`),
  ],
);

export const graduations = pgTable(
  'graduations',
  {
    id: serial('id').primaryKey(),
    ...ventureAndCarrier(),
    graduatedOn: date('graduated_on').notNull(),
    criteria: graduationCriterionEnum('criteria').array().notNull(),
    evidence: text('evidence').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    verifiedBy: integer('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    status: graduationStatusEnum('status').notNull().default('pending'),
    ...timestamps,
  },
  (t) => [
    index('graduations_carrier_idx').on(t.carrierId, t.graduatedOn),
    index('graduations_status_idx').on(t.status),
    // The years with graduations, one index probe per year.
    index('graduations_graduated_idx').on(t.graduatedOn),
    index('graduations_venture_idx').on(t.ventureId),
    // The committee's verification queue in its order (db/queries/graduations/verification.ts queueOrder):
    // pending first, oldest first, then the decided ones, newest decision first.
    index('graduations_queue_idx').on(
      sql`(${t.status} = 'pending') DESC`,
      sql`(CASE WHEN ${t.status} = 'pending' THEN ${t.createdAt} END)`,
      sql`${t.verifiedAt} DESC NULLS LAST`,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('graduations_pending_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    check('graduations_has_criteria', sql`cardinality(${t.criteria}) > 0`),
  ],
);

/** Evidence files of a graduation (certificates, investment agreements, annual accounts). */
export const graduationFiles = pgTable(
  'graduation_files',
  {
    id: serial('id').primaryKey(),
    graduationId: integer('graduation_id')
      .notNull()
      .references(() => graduations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('graduation_files_graduation_idx').on(t.graduationId), check('graduation_files_size', sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760`)],
);

export const ventureReports = pgTable(
  'venture_reports',
  {
    id: serial('id').primaryKey(),
    ...ventureAndCarrier(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    revenueFen: bigint('revenue_fen', { mode: 'number' }).notNull().default(0),
    netProfitFen: bigint('net_profit_fen', { mode: 'number' }).notNull().default(0),
    rdSpendFen: bigint('rd_spend_fen', { mode: 'number' }).notNull().default(0),
    taxFen: bigint('tax_fen', { mode: 'number' }).notNull().default(0),
    financingFen: bigint('financing_fen', { mode: 'number' }).notNull().default(0),
    employees: integer('employees').notNull().default(0),
    ipFiled: integer('ip_filed').notNull().default(0),
    ipGranted: integer('ip_granted').notNull().default(0),
    inventionPatents: integer('invention_patents').notNull().default(0),
    filedBy: integer('filed_by').references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    late: boolean('late').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('venture_reports_one_per_quarter').on(t.ventureId, t.year, t.quarter),
    index('venture_reports_carrier_period_idx').on(t.carrierId, t.year, t.quarter),
    index('venture_reports_period_idx').on(t.year, t.quarter),
    // Which ventures reported for a quarter, from the index alone (the missing reports).
    index('venture_reports_period_venture_idx').on(t.year, t.quarter, t.ventureId),
    // The statistics' per-tenant sums of a year read this index alone, in (venture, carrier) order.
    index('venture_reports_year_cover').on(
      t.year,
      t.ventureId,
      t.carrierId,
      t.quarter,
      t.revenueFen,
      t.netProfitFen,
      t.rdSpendFen,
      t.taxFen,
      t.financingFen,
      t.employees,
      t.ipFiled,
      t.ipGranted,
      t.inventionPatents,
    ),
    check('venture_reports_quarter', sql`${t.quarter} BETWEEN 1 AND 4`),
    check(
      'venture_reports_nonneg',
      sql`${t.revenueFen} >= 0 AND ${t.rdSpendFen} >= 0 AND ${t.taxFen} >= 0 AND ${t.financingFen} >= 0 AND ${t.employees} >= 0 AND ${t.ipFiled} >= 0 AND ${t.ipGranted} >= 0 AND ${t.inventionPatents} >= 0`,
    ),
  ],
);

export type Venture = typeof ventures.$inferSelect;
export type NewVenture = typeof ventures.$inferInsert;
export type Residency = typeof residencies.$inferSelect;
export type NewResidency = typeof residencies.$inferInsert;
export type Graduation = typeof graduations.$inferSelect;
export type VentureReport = typeof ventureReports.$inferSelect;
export type NewVentureReport = typeof ventureReports.$inferInsert;
