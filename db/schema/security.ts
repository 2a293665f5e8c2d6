import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { roleEnum } from './enums';
import { users } from './users';

/**
 * One row per sign-in (docs/security.md, "Sessions"). The session token carries only the row's
 * id; every request checks the row, so that sign-out, a password change, a reset or an
 * administrator ends a session for good, and the idle and absolute limits hold whatever the
 * client sends.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    /** A random, unguessable id (256 bits, base64url). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, fixed at sign-in; nothing extends it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: integer('ended_by').references(() => users.id),
    /** signOut | user | admin | passwordChanged | passwordReset | deactivated | rightsChanged */
    endReason: text('end_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId, t.endedAt)],
);

/** Single-use recovery codes of the second factor, stored as hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * A grant of committee or administrator rights, or a reactivation, requested by the system
 * administrator and taking effect only when the security administrator approves it.
 */
export const rightsGrants = pgTable(
  'rights_grants',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** role | reactivation */
    kind: text('kind').notNull(),
    role: roleEnum('role').notNull(),
    /** The role held before the request (null for a new account); restored on rejection. */
    previousRole: roleEnum('previous_role'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Null while pending. */
    approved: boolean('approved'),
    reason: text('reason'),
  },
  (t) => [
    index('rights_grants_user_idx').on(t.userId),
    uniqueIndex('rights_grants_one_pending')
      .on(t.userId)
      .where(sql`${t.decidedAt} IS NULL`),
    index('rights_grants_pending_idx')
      .on(t.requestedAt)
      .where(sql`${t.decidedAt} IS NULL`),
    check('rights_grants_kind', sql`${t.kind} IN ('role', 'reactivation')`),
  ],
);

/**
 * The password and session policy, one row, set by the security administrator. A null limit
 * means the deployment's default (SESSION_IDLE_MINUTES, 8 hours).
 */
export const securityPolicy = pgTable(
  'security_policy',
  {
    id: integer('id').primaryKey().default(1),
    /** At least three of the four character classes (lower, upper, digit, other). */
    passwordComplexity: boolean('password_complexity').notNull().default(true),
    /** Days after which a password must be changed; null for no maximum age. */
    passwordMaxAgeDays: integer('password_max_age_days'),
    sessionIdleMinutes: integer('session_idle_minutes'),
    sessionMaxHours: integer('session_max_hours'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('security_policy_single_row', sql`${t.id} = 1`),
    check('security_policy_max_age', sql`${t.passwordMaxAgeDays} IS NULL OR ${t.passwordMaxAgeDays} BETWEEN 1 AND 3650`),
    check('security_policy_idle', sql`${t.sessionIdleMinutes} IS NULL OR ${t.sessionIdleMinutes} BETWEEN 1 AND 1440`),
    check('security_policy_max_hours', sql`${t.sessionMaxHours} IS NULL OR ${t.sessionMaxHours} BETWEEN 1 AND 24`),
  ],
);

export type UserSession = typeof userSessions.$inferSelect;
export type RightsGrant = typeof rightsGrants.$inferSelect;
export type SecurityPolicy = typeof securityPolicy.$inferSelect;
