import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { roleEnum } from './enums';
import { carriers } from './carriers';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** Sessions begun before this moment are no longer honoured (set on deactivation and password reset). */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
    /** When the password was last set; with the policy's maximum age it forces a change. */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The sign-in before the latest one, and the failed attempts between them, shown after sign-in. */
    previousSignInAt: timestamp('previous_sign_in_at', { withTimezone: true }),
    failuresBeforeSignIn: integer('failures_before_sign_in').notNull().default(0),
    /** Failed attempts on this account since its last successful sign-in. */
    failuresSinceSignIn: integer('failures_since_sign_in').notNull().default(0),
    /** The TOTP secret (base32) once enrolment is confirmed; null when no second factor. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** A grant of rights awaits the security administrator: the role's pages stay closed. */
    rightsPending: boolean('rights_pending').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), index('users_role_idx').on(t.role)],
);

export const operatorCarriers = pgTable(
  'operator_carriers',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.carrierId] }), index('operator_carriers_carrier_idx').on(t.carrierId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
