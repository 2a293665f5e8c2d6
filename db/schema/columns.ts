import { customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** Binary content (attachments). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** When a row was written, for the rows that are never changed (events, files, notifications). */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const timestamps = {
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** A row that is edited with a version check (the version a form was loaded with), and when it was written and changed. */
export const versioned = {
  version: integer('version').notNull().default(1),
  ...timestamps,
};
