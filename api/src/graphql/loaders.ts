import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type Department, department } from '../db/schema/index.js';

/** Per-request batch loaders, so nested fields never issue one query per row. */
export function createLoaders(db: Db) {
  return {
    department: new DataLoader<string, Department | undefined>(async (ids) => {
      const rows = db
        .select()
        .from(department)
        .where(inArray(department.id, [...ids]))
        .all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
