import { fileURLToPath } from 'node:url';

/** The committed drizzle-kit migrations per dialect; resolved the same from src/ and dist/. */
export const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
export const pgMigrationsFolder = fileURLToPath(new URL('../../src/db/migrations-pg', import.meta.url));
