// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { text, timestamp } from 'drizzle-orm/pg-core';

/** Opaque primary key: a random UUID, never derived from personal data. */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Every tenant-owned row names its municipality, so no query can cross tenants by accident. */
export const municipalityId = () => text('municipality_id').notNull();

/**
 * Instants are timestamptz with millisecond precision, read as Date like SQLite's timestamp_ms.
 * Precision 3 keeps a stored instant equal to the Date that wrote it (cursors compare them).
 */
export const instant = (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });
