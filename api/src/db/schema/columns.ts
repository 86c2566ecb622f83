import { integer, text } from 'drizzle-orm/sqlite-core';

/** Opaque primary key: a random UUID, never derived from personal data. */
export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Every tenant-owned row names its municipality, so no query can cross tenants by accident. */
export const municipalityId = () => text('municipality_id').notNull();

/** Instants are stored as epoch milliseconds: sortable, indexable, dialect-neutral. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
