import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './harness.js';

/**
 * Shared by db/derived.test.ts (SQLite) and db/derived.postgres.test.ts: the triggers that keep
 * `measurement_series_end` and `goal.last_rated_at` (docs/caseload.md) against derivations written
 * here from the raw rows, after writes through the API and the raw moves and deletes a merge, its
 * undo or a repair would make.
 */

const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const RATE = `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }`;

interface MeasurementRow {
  id: string;
  municipality_id: string;
  citizen_id: string;
  department_id: string;
  instrument_key: string;
  respondent_role: string;
  occurred_at: unknown;
  total: number;
  item_values: unknown;
  session: number | null;
  supersedes_id: string | null;
}
type EndRow = Omit<MeasurementRow, 'id' | 'supersedes_id'> & {
  measurement_id: string;
  place: number | string;
  points: number | string;
};

const millis = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));
const items = (v: unknown) => JSON.stringify(typeof v === 'string' ? JSON.parse(v) : v);
const seriesOf = (r: Omit<MeasurementRow, 'id'> | EndRow) =>
  [r.municipality_id, r.citizen_id, r.department_id, r.instrument_key, r.respondent_role].join('|');
const line = (series: string, place: number, points: number, r: MeasurementRow | EndRow, id: string) =>
  [series, place, points, id, millis(r.occurred_at), r.total, items(r.item_values), r.session ?? '-'].join(
    ' ',
  );

/** The first, previous and latest live point of every series, in (time, id) order. */
function derive(rows: readonly MeasurementRow[]): string[] {
  const superseded = new Set(rows.map((r) => r.supersedes_id).filter((id) => id !== null));
  const bySeries = new Map<string, MeasurementRow[]>();
  for (const r of rows) {
    if (superseded.has(r.id)) continue;
    const key = seriesOf(r);
    bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
  }
  const out: string[] = [];
  for (const [key, points] of bySeries) {
    points.sort((a, b) => millis(a.occurred_at) - millis(b.occurred_at) || (a.id < b.id ? -1 : 1));
    points.forEach((r, i) => {
      const place = i + 1;
      if (place === 1 || place >= points.length - 1) out.push(line(key, place, points.length, r, r.id));
    });
  }
  return out.sort();
}

export function derivedSuite(database: string, start: () => Promise<TestApi>): void {
  let api: TestApi;
  beforeAll(async () => {
    api = await start();
  });
  afterAll(() => api.close());

  const stored = async () =>
    (await api.query<EndRow>('select * from measurement_series_end'))
      .map((r) => line(seriesOf(r), Number(r.place), Number(r.points), r, r.measurement_id))
      .sort();
  const derived = async () => derive(await api.query<MeasurementRow>('select * from measurement'));
  const expectTrue = async () => {
    const [table, expected] = await Promise.all([stored(), derived()]);
    expect(table.length).toBeGreaterThan(0);
    expect(table).toEqual(expected);
  };

  describe(`measurement_series_end on ${database}`, () => {
    it('is derived for the measurements stored before it existed (the demo seed, migrated)', expectTrue);

    it('follows appends, late entries, ties in time and corrections of the first and latest point', async () => {
      const [job] = await api.query<{ id: string }>("select id from department where kind = 'EMPLOYMENT'");
      // A citizen the jobcentre has a case with, so the access policy lets it record.
      const [citizen] = await api.query<{ id: string }>(
        'select citizen_id as id from citizen_department where department_id = ? order by citizen_id limit 1',
        job?.id,
      );
      const token = await api.token({ role: 'PROFESSIONAL', departmentId: job?.id as string });
      const record = async (at: string, value: number, extra: Record<string, unknown> = {}) => {
        const result = await api.gql<{ recordMeasurement: { id: string } }>(token, RECORD, {
          input: {
            idempotencyKey: crypto.randomUUID(),
            citizenId: citizen?.id,
            departmentId: job?.id,
            instrumentKey: 'outcome',
            respondentRole: 'OTHER',
            occurredAt: at,
            values: [value, value, value, value],
            ...extra,
          },
        });
        expect(result.errors).toBeUndefined();
        return result.data?.recordMeasurement.id as string;
      };
      const first = await record('2025-01-05T10:00:00+01:00', 3);
      await expectTrue();
      await record('2025-02-05T10:00:00+01:00', 4);
      await record('2025-02-05T10:00:00+01:00', 5, { session: 7 });
      await expectTrue();
      const latest = await record('2025-03-05T10:00:00+01:00', 6);
      await record('2025-03-06T10:00:00+01:00', 8, { supersedesId: latest });
      await record('2025-01-06T10:00:00+01:00', 2, { supersedesId: first });
      await expectTrue();
      // Entered late (before the first point), then the usual append after the latest again.
      await record('2024-12-01T10:00:00+01:00', 1);
      await expectTrue();
      for (const month of ['04', '05', '06']) {
        await record(`2025-${month}-01T10:00:00+02:00`, 9);
        await expectTrue();
      }
      const ends = await api.query<{ n: number | string }>(
        "select count(*) as n from measurement_series_end where citizen_id = ? and respondent_role = 'OTHER'",
        citizen?.id,
      );
      expect(Number(ends[0]?.n)).toBe(3);
    });

    it('follows rows moved to another citizen and back (a merge and its undo), and deletions', async () => {
      const [from, to] = await api.query<{ citizen_id: string }>(
        'select citizen_id from measurement group by citizen_id order by count(*) desc limit 2',
      );
      const moved = await api.query<{ id: string }>(
        'select id from measurement where citizen_id = ?',
        from?.citizen_id,
      );
      for (const { id } of moved)
        await api.query(
          'update measurement set citizen_id = ? where id = ? returning id',
          to?.citizen_id,
          id,
        );
      const left = await api.query<{ n: number | string }>(
        'select count(*) as n from measurement_series_end where citizen_id = ?',
        from?.citizen_id,
      );
      expect(Number(left[0]?.n)).toBe(0);
      await expectTrue();
      for (const { id } of moved)
        await api.query(
          'update measurement set citizen_id = ? where id = ? returning id',
          from?.citizen_id,
          id,
        );
      await expectTrue();
      const [latest] = await api.query<{ id: string }>(
        `select m.id from measurement m where m.citizen_id = ?
           and not exists (select 1 from measurement c where c.supersedes_id = m.id)
           and m.supersedes_id is null order by m.occurred_at desc limit 1`,
        from?.citizen_id,
      );
      await api.query('delete from measurement where id = ? returning id', latest?.id);
      await expectTrue();
    });
  });

  describe(`goal.last_rated_at on ${database}`, () => {
    /** Goals whose stored last rating differs from the newest of their ratings. */
    const wrong = async () => {
      const goals = await api.query<{ id: string; last_rated_at: unknown }>(
        'select id, last_rated_at from goal',
      );
      const ratings = await api.query<{ goal_id: string; occurred_at: unknown }>(
        'select goal_id, occurred_at from goal_rating',
      );
      const newest = new Map<string, number>();
      for (const r of ratings)
        newest.set(r.goal_id, Math.max(newest.get(r.goal_id) ?? 0, millis(r.occurred_at)));
      return goals.filter(
        (g) => (g.last_rated_at === null ? null : millis(g.last_rated_at)) !== (newest.get(g.id) ?? null),
      );
    };

    it('is derived for the ratings stored before it existed, and follows new ratings in any order', async () => {
      expect(await wrong()).toEqual([]);
      const [target] = await api.query<{ id: string; department_id: string }>(
        `select g.id, gd.department_id from goal g join goal_department gd on gd.goal_id = g.id
         where g.status = 'ACTIVE' order by g.id limit 1`,
      );
      const token = await api.token({ role: 'PROFESSIONAL', departmentId: target?.department_id as string });
      const rate = async (at: string) => {
        const result = await api.gql<{ rateGoal: { id: string } }>(token, RATE, {
          input: {
            idempotencyKey: crypto.randomUUID(),
            goalId: target?.id,
            raterRole: 'PROFESSIONAL',
            value: 5,
            occurredAt: at,
          },
        });
        expect(result.errors).toBeUndefined();
      };
      const lastRated = async () =>
        millis(
          (
            await api.query<{ at: unknown }>('select last_rated_at as at from goal where id = ?', target?.id)
          )[0]?.at,
        );
      const later = new Date(Date.now() - 60_000).toISOString();
      await rate(later);
      expect(await lastRated()).toBe(new Date(later).getTime());
      // An earlier rating entered afterwards does not move it back.
      await rate(new Date(Date.now() - 86_400_000).toISOString());
      expect(await lastRated()).toBe(new Date(later).getTime());
      expect(await wrong()).toEqual([]);
    });

    it('follows ratings moved to another goal and deleted', async () => {
      const [a, b] = await api.query<{ goal_id: string }>(
        'select goal_id from goal_rating group by goal_id order by count(*) desc limit 2',
      );
      const [newest] = await api.query<{ id: string }>(
        'select id from goal_rating where goal_id = ? order by occurred_at desc limit 1',
        a?.goal_id,
      );
      await api.query('update goal_rating set goal_id = ? where id = ? returning id', b?.goal_id, newest?.id);
      expect(await wrong()).toEqual([]);
      await api.query('delete from goal_rating where id = ? returning id', newest?.id);
      expect(await wrong()).toEqual([]);
    });
  });
}
