import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL twin of drizzle.config.ts: `npm run db:generate:pg`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg/index.ts',
  out: './src/db/migrations-pg',
});
