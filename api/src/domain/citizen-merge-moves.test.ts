import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema/index.js';
import { mergedColumns } from './citizen-merge-moves.js';

/** The merge's own tables name both records on purpose; they are the log, not the person's data. */
const NOT_MOVED = new Set(['citizen_merge.survivor_id', 'citizen_merge.duplicate_id']);

describe('what a citizen merge moves', () => {
  it('covers every column that references a citizen, so a new table cannot be forgotten', () => {
    const referencing: string[] = [];
    for (const value of Object.values(schema)) {
      if (!is(value, SQLiteTable)) continue;
      const config = getTableConfig(value);
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        if (getTableConfig(ref.foreignTable).name !== 'citizen') continue;
        for (const column of ref.columns) referencing.push(`${config.name}.${column.name}`);
      }
    }
    const expected = referencing.filter((c) => !NOT_MOVED.has(c)).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect([...mergedColumns()].sort()).toEqual(expected);
  });
});
