import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { carrierKindEnum, carrierLevelEnum, industryEnum, residencyStageEnum, ventureKindEnum } from './enums';
import { carriers } from './carriers';
import { programs } from './subsidies';
import { ventures } from './ventures';

/**
 * Read models of the committee's network figures (docs/read-models.md). Every row is a sum over
 * raw rows (venture_reports, graduations, applications) for one key; the transaction that writes
 * those raw rows recomputes the keys it touched (db/summaries), and `npm run db:refresh-summaries`
 * rebuilds them all. Nothing else writes them.
 */
const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const n = (name: string) => integer(name).notNull().default(0);

/** A quarter's figures: its reports' sums and its graduations (new columns each call). */
const quarterFigures = () => ({
  reports: n('reports'),
  revenueFen: fen('revenue_fen'),
  netProfitFen: fen('net_profit_fen'),
  rdSpendFen: fen('rd_spend_fen'),
  taxFen: fen('tax_fen'),
  financingFen: fen('financing_fen'),
  employees: fen('employees'),
  ipFiled: fen('ip_filed'),
  ipGranted: fen('ip_granted'),
  /** Reports of ventures certified high-tech by the quarter's end. */
  highTech: n('high_tech'),
  /** Graduations dated in the quarter, verified and still pending. */
  graduations: n('graduations'),
  pendingGraduations: n('pending_graduations'),
});

/** Per carrier, quarter and the ventures' industry: the quarter's reports and its graduations. */
export const carrierQuarterFigures = pgTable(
  'carrier_quarter_figures',
  {
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    industry: industryEnum('industry').notNull(),
    ...quarterFigures(),
  },
  (t) => [primaryKey({ columns: [t.carrierId, t.year, t.quarter, t.industry] }), index('carrier_quarter_figures_period_idx').on(t.year, t.quarter)],
);

/**
 * Per carrier and year, what does not add up over quarters: the tenants that reported at the
 * carrier in the year and their employees in the last quarter each reported; and the year's
 * money figures, so that a year's table of carriers reads one row per carrier.
 */
export const carrierYearFigures = pgTable(
  'carrier_year_figures',
  {
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    year: smallint('year').notNull(),
    reportingTenants: n('reporting_tenants'),
    employees: fen('employees'),
    /** The year's reports summed (as carrier_quarter_figures over the year's quarters and industries). */
    revenueFen: fen('revenue_fen'),
    rdSpendFen: fen('rd_spend_fen'),
    taxFen: fen('tax_fen'),
    financingFen: fen('financing_fen'),
  },
  (t) => [primaryKey({ columns: [t.carrierId, t.year] }), index('carrier_year_figures_year_idx').on(t.year)],
);

/**
 * Per programme, applicant carrier and the applying venture's industry ('' for a carrier's own
 * application): what the applications hold of the budget (committed), what was paid, and awards.
 */
export const programmeFunding = pgTable(
  'programme_funding',
  {
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    industry: text('industry').notNull().default(''),
    committedFen: fen('committed_fen'),
    paidFen: fen('paid_fen'),
    awards: n('awards'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.carrierId, t.industry] })],
);

/**
 * Per programme, programme_funding added up: what the programmes page, the dashboard without
 * filters and the year summary read. Recomputed with the programme's programme_funding rows.
 */
export const programmeTotals = pgTable('programme_totals', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id),
  committedFen: fen('committed_fen'),
  paidFen: fen('paid_fen'),
  awards: n('awards'),
});

/**
 * The network's quarters: carrier_quarter_figures added up per carrier zone, kind and level, so
 * that the committee's network totals (with or without its filters) read a few hundred rows at
 * any size of the network. Kept from carrier_quarter_figures' own changes and from carriers
 * that change zone, kind or level, applied when the writing transaction commits
 * (network_figure_changes).
 */
export const networkQuarterFigures = pgTable(
  'network_quarter_figures',
  {
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    zone: text('zone').notNull(),
    kind: carrierKindEnum('kind').notNull(),
    level: carrierLevelEnum('level').notNull(),
    industry: industryEnum('industry').notNull(),
    ...quarterFigures(),
  },
  (t) => [primaryKey({ columns: [t.year, t.quarter, t.zone, t.kind, t.level, t.industry] })],
);

/**
 * What a transaction has changed in carrier_quarter_figures, as differences per network key,
 * waiting for the transaction's commit to be added to network_quarter_figures in one sorted
 * statement. Empty outside a writing transaction.
 */
export const networkFigureChanges = pgTable('network_figure_changes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  changes: jsonb('changes').notNull(),
});

/**
 * Per venture that has stayed in a carrier: its admission cohort (the year of its first stay)
 * and what the pipeline funnel counts of it, so that the funnel reads one row per venture of
 * its cohorts instead of finding every venture's first stay among all stays. Recomputed for the
 * ventures a statement on residencies, graduations or ventures touched.
 */
export const ventureCohorts = pgTable(
  'venture_cohorts',
  {
    ventureId: integer('venture_id')
      .primaryKey()
      .references(() => ventures.id, { onDelete: 'cascade' }),
    cohort: smallint('cohort').notNull(),
    firstEnteredOn: date('first_entered_on', { mode: 'string' }).notNull(),
    firstCarrierId: integer('first_carrier_id')
      .notNull()
      .references(() => carriers.id),
    firstStage: residencyStageEnum('first_stage').notNull(),
    ventureKind: ventureKindEnum('venture_kind').notNull(),
    industry: industryEnum('industry').notNull(),
    /** The first verified graduation's day. */
    graduatedOn: date('graduated_on', { mode: 'string' }),
    /** Whether it has ever stayed in an accelerator. */
    accelerated: boolean('accelerated').notNull(),
  },
  (t) => [index('venture_cohorts_cohort_idx').on(t.cohort)],
);

/**
 * Per venture, carrier and year in which the venture stayed there (a residency there overlaps
 * the year): what the statistics page's tenant table totals and checks read, so that its pass
 * over the year reads one narrow row per tenant. The stay's first entry, latest area, whether it
 * runs past the year's end and the quarter ends it covered (bit q-1 for quarter q: the quarters
 * it owed are those of them due by the day asked, worked out when read); its reports of the year
 * summed (employees of the last quarter, the highest patent count); its last verified graduation
 * from the carrier by the year's end; and the venture's own fields the checks and the table's
 * order need. Recomputed for the ventures a statement on residencies, venture_reports,
 * graduations or ventures touched. A stay still open has rows up to stay_year_horizon's year.
 */
export const stayYearFigures = pgTable(
  'stay_year_figures',
  {
    year: smallint('year').notNull(),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    ventureId: integer('venture_id')
      .notNull()
      .references(() => ventures.id, { onDelete: 'cascade' }),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    areaM2: integer('area_m2').notNull(),
    atYearEnd: boolean('at_year_end').notNull(),
    covered: smallint('covered').notNull(),
    reports: n('reports'),
    revenueFen: fen('revenue_fen'),
    netProfitFen: fen('net_profit_fen'),
    rdSpendFen: fen('rd_spend_fen'),
    taxFen: fen('tax_fen'),
    financingFen: fen('financing_fen'),
    employees: n('employees'),
    ipFiled: n('ip_filed'),
    ipGranted: n('ip_granted'),
    inventionPatents: n('invention_patents'),
    graduatedOn: date('graduated_on', { mode: 'string' }),
    name: text('name').notNull(),
    kind: ventureKindEnum('kind').notNull(),
    industry: industryEnum('industry').notNull(),
    foundedOn: date('founded_on', { mode: 'string' }),
    noCreditCode: boolean('no_credit_code').notNull(),
    noTechnicalField: boolean('no_technical_field').notNull(),
    /**
     * The stay's worst check (checkTenantFigures) for each number d of the year's quarters due so
     * far (0 to 4, the first d quarters): bit d of errorLevels when it is an error, of
     * warningLevels when a warning only.
     */
    errorLevels: smallint('error_levels').notNull().default(0),
    warningLevels: smallint('warning_levels').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.carrierId, t.ventureId] }), index('stay_year_figures_venture_idx').on(t.ventureId)],
);

/**
 * Per year and carrier, stay_year_figures added up: its tenants, those at the year's end, the new
 * ones, the area they occupy at the year's end, their revenue, and how many have an error or a
 * warning (as their worst check) for each number of quarters due, 0 to 4 (errors[d + 1]). The
 * statistics page totals and pages its tenant table and checks from these rows.
 */
export const carrierYearTenants = pgTable(
  'carrier_year_tenants',
  {
    year: smallint('year').notNull(),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id),
    tenants: n('tenants'),
    tenantsAtEnd: n('tenants_at_end'),
    newTenants: n('new_tenants'),
    occupiedM2: fen('occupied_m2'),
    revenueFen: fen('revenue_fen'),
    errors: integer('errors').array().notNull(),
    warnings: integer('warnings').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.carrierId] })],
);

/** The last year for which stays still open have stay_year_figures rows (one row). */
export const stayYearHorizon = pgTable('stay_year_horizon', {
  year: smallint('year').primaryKey(),
});
