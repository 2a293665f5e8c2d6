import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, timestamps, versioned } from './columns';
import { blacklistSubjectEnum, roleEnum } from './enums';
import { carriers } from './carriers';
import { users } from './users';
import { ventures } from './ventures';

export const blacklistEntries = pgTable(
  'blacklist_entries',
  {
    id: serial('id').primaryKey(),
    subjectType: blacklistSubjectEnum('subject_type').notNull(),
    ventureId: integer('venture_id').references(() => ventures.id),
    carrierId: integer('carrier_id').references(() => carriers.id),
    subjectName: text('subject_name').notNull(),
    creditCode: text('credit_code'),
    misconduct: text('misconduct').notNull(),
    outcome: text('outcome').notNull(),
    handlingBody: text('handling_body').notNull(),
    legalBasis: text('legal_basis').notNull(),
    effectiveOn: date('effective_on').notNull(),
    sanctionEndsOn: date('sanction_ends_on'),
    liftedOn: date('lifted_on'),
    liftedBy: integer('lifted_by').references(() => users.id),
    liftReason: text('lift_reason'),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('blacklist_credit_code_idx').on(t.creditCode),
    index('blacklist_venture_idx').on(t.ventureId),
    index('blacklist_carrier_idx').on(t.carrierId),
    index('blacklist_subject_name_trgm_idx').using('gin', t.subjectName.op('gin_trgm_ops')),
    check(
      'blacklist_subject',
      sql`(${t.subjectType} = 'venture' AND ${t.creditCode} IS NOT NULL) OR (${t.subjectType} = 'carrier' AND ${t.carrierId} IS NOT NULL)`,
    ),
    check('blacklist_sanction_dates', sql`${t.sanctionEndsOn} IS NULL OR ${t.sanctionEndsOn} >= ${t.effectiveOn}`),
    check('blacklist_lift_complete', sql`(${t.liftedOn} IS NULL) = (${t.liftReason} IS NULL)`),
  ],
);

export const annualTargets = pgTable(
  'annual_targets',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    metric: text('metric').notNull(),
    targetMin: doublePrecision('target_min').notNull(),
    targetMax: doublePrecision('target_max'),
    unit: text('unit').notNull(),
    note: text('note'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('annual_targets_year_metric_key').on(t.year, t.metric),
    check('annual_targets_range', sql`${t.targetMax} IS NULL OR ${t.targetMax} >= ${t.targetMin}`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_unread_idx').on(t.userId, t.readAt, t.createdAt)],
);

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    role: roleEnum('role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    carrierId: integer('carrier_id').references(() => carriers.id),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    /** The id of the request that made the change (lib/request-id.js); null outside a request and before it was recorded. */
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_carrier_idx').on(t.carrierId, t.at),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

/**
 * Signed checkpoints of the audit chain: the head entry's id and hash and the number of entries,
 * signed with a key kept outside the database. The application may only add rows; a truncated or
 * rewritten chain no longer matches the last checkpoint (docs/security.md).
 */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    headId: bigint('head_id', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_anchors_head_idx').on(t.headId)],
);

export type AuditAnchor = typeof auditAnchors.$inferSelect;
export type BlacklistEntry = typeof blacklistEntries.$inferSelect;
export type AnnualTarget = typeof annualTargets.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
