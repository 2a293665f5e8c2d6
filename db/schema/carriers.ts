import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { versioned } from './columns';
import { carrierKindEnum, carrierLevelEnum, carrierStatusEnum, industryEnum, ownershipEnum } from './enums';

export const carriers = pgTable(
  'carriers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: carrierKindEnum('kind').notNull(),
    level: carrierLevelEnum('level').notNull().default('none'),
    ownership: ownershipEnum('ownership').notNull(),
    operatorOrg: text('operator_org').notNull(),
    zone: text('zone').notNull(),
    address: text('address'),
    operatingSince: date('operating_since'),
    totalAreaM2: integer('total_area_m2').notNull().default(0),
    incubationAreaM2: integer('incubation_area_m2').notNull().default(0),
    publicServiceAreaM2: integer('public_service_area_m2').notNull().default(0),
    workstations: integer('workstations').notNull().default(0),
    seedFundFen: bigint('seed_fund_fen', { mode: 'number' }).notNull().default(0),
    professionalStaff: integer('professional_staff').notNull().default(0),
    totalStaff: integer('total_staff').notNull().default(0),
    mentors: integer('mentors').notNull().default(0),
    focusIndustries: industryEnum('focus_industries')
      .array()
      .notNull()
      .default(sql`'{}'`),
    services: text('services'),
    specialised: boolean('specialised').notNull().default(false),
    status: carrierStatusEnum('status').notNull().default('active'),
    publicProfile: boolean('public_profile').notNull().default(true),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    creditCode: text('credit_code'),
    ...versioned,
  },
  (t) => [
    index('carriers_kind_idx').on(t.kind),
    index('carriers_zone_idx').on(t.zone),
    index('carriers_level_idx').on(t.level),
    // The committee's carrier search (part of a name or of the operating company) through trigrams.
    index('carriers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('carriers_name_en_trgm_idx').using('gin', t.nameEn.op('gin_trgm_ops')),
    index('carriers_operator_org_trgm_idx').using('gin', t.operatorOrg.op('gin_trgm_ops')),
    check('carriers_areas_nonneg', sql`${t.totalAreaM2} >= 0 AND ${t.incubationAreaM2} >= 0 AND ${t.publicServiceAreaM2} >= 0 AND ${t.workstations} >= 0`),
    check('carriers_incubation_within_total', sql`${t.incubationAreaM2} + ${t.publicServiceAreaM2} <= ${t.totalAreaM2}`),
    check('carriers_seed_fund_nonneg', sql`${t.seedFundFen} >= 0`),
    check('carriers_staff_nonneg', sql`${t.professionalStaff} >= 0 AND ${t.totalStaff} >= ${t.professionalStaff} AND ${t.mentors} >= 0`),
  ],
);

export type Carrier = typeof carriers.$inferSelect;
export type NewCarrier = typeof carriers.$inferInsert;
