import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './harness.js';

/**
 * Shared by caseload-scale.test.ts (SQLite) and caseload-scale.postgres.test.ts: the set-based caseload read (issue #19, Scale) against independent references: each citizen's
 * full progression (every measurement scored, as the citizen page does) and the raw rows. And the
 * new reason INVITATION_UNANSWERED under a pinned, movable clock.
 */

const CASELOAD = `query($filter: CaseloadFilter) { caseload(filter: $filter) {
  total counts { kind citizens }
  rows { citizenId displayName lastMeasuredOn
    reasons { kind colour alertReasons instrumentKey department { id } planId since days count } } } }`;
const PROGRESSION = `query($id: ID!) { citizen(id: $id) { progression { divergent
  series { instrumentKey respondentRole department { id } alert alertReasons } } } }`;
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;

interface Reason {
  kind: string;
  colour: string | null;
  alertReasons: string[];
  instrumentKey: string | null;
  department: { id: string } | null;
  planId: string | null;
  since: string | null;
  days: number | null;
  count: number | null;
}
interface Row {
  citizenId: string;
  displayName: string;
  lastMeasuredOn: string | null;
  reasons: Reason[];
}
interface Caseload {
  caseload: { total: number; counts: { kind: string; citizens: number }[]; rows: Row[] };
}
interface Progression {
  citizen: {
    progression: {
      divergent: boolean;
      series: { instrumentKey: string; department: { id: string }; alert: string; alertReasons: string[] }[];
    };
  } | null;
}

const DAY = 86_400_000;
/** The clock the suite's API reads; tests move it. */
export const clock = { now: new Date('2026-03-31T10:00:00+02:00') };

export function caseloadScaleSuite(database: string, start: () => Promise<TestApi>): void {
  let api: TestApi;
  let dept: Record<string, string>;
  let job: string;
  let municipalityId: string;

  beforeAll(async () => {
    api = await start();
    dept = Object.fromEntries(
      (await api.query<{ id: string; kind: string }>('select id, kind from department')).map((r) => [
        r.kind,
        r.id,
      ]),
    );
    job = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    municipalityId = (
      await api.query<{ m: string }>(
        'select municipality_id as m from department where id = ?',
        dept.EMPLOYMENT,
      )
    )[0]?.m as string;
  });
  afterAll(() => api.close());

  /** Both dialects: the harness's demoCitizen reads SQLite only. */
  const citizenNamed = async (name: string) =>
    (await api.query<{ id: string }>('select id from citizen where display_name = ?', name))[0]?.id as string;

  const caseload = async (token: string, filter: Record<string, unknown> = {}) => {
    const result = await api.gql<Caseload>(token, CASELOAD, { filter: { limit: 500, ...filter } });
    expect(result.errors).toBeUndefined();
    return (result.data as Caseload).caseload;
  };

  const record = async (
    token: string,
    citizenId: string,
    input: { instrumentKey: string; at: string; values: number[]; session?: number; supersedesId?: string },
  ) => {
    const result = await api.gql<{ recordMeasurement: { id: string } }>(token, RECORD, {
      input: {
        idempotencyKey: crypto.randomUUID(),
        citizenId,
        departmentId: dept.EMPLOYMENT,
        instrumentKey: input.instrumentKey,
        // A respondent the demo never uses, so each hand-made series is new whoever it is about.
        respondentRole: 'OTHER',
        occurredAt: input.at,
        values: input.values,
        ...(input.session ? { session: input.session } : {}),
        ...(input.supersedesId ? { supersedesId: input.supersedesId } : {}),
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data?.recordMeasurement.id as string;
  };

  const someCitizens = async (): Promise<string[]> => (await caseload(job)).rows.map((r) => r.citizenId);

  describe(`the set-based caseload read on ${database}`, () => {
    it('gives every citizen the alerts and divergence their full progression gives, and the same last measurement', async () => {
      const [a, b, c, d] = await someCitizens();
      if (!a || !b || !c || !d) throw new Error('The demo has too few jobcentre citizens.');
      // a: a flat outcome series without stored sessions whose latest point was corrected a day
      // later: six live points, so the latest is session 6 by its place (past the red session).
      for (let i = 0; i < 5; i++)
        await record(job, a, {
          instrumentKey: 'outcome',
          at: `2025-0${i + 1}-05T10:00:00+01:00`,
          values: [5, 5, 5, 5],
        });
      const wrong = await record(job, a, {
        instrumentKey: 'outcome',
        at: '2025-06-20T10:00:00+02:00',
        values: [1, 1, 1, 1],
      });
      await record(job, a, {
        instrumentKey: 'outcome',
        at: '2025-06-21T10:00:00+02:00',
        values: [5, 5, 5, 5],
        supersedesId: wrong,
      });
      // b: a session series whose latest rating dropped from the previous one.
      for (const [i, v] of [9, 9.5, 8].entries())
        await record(job, b, {
          instrumentKey: 'session',
          at: `2026-03-0${i + 1}T10:00:00+01:00`,
          values: [v, v, v, v],
        });
      // c: stored session numbers far from the places (session 9 is past the red session).
      for (const [i, s] of [1, 5, 9].entries())
        await record(job, c, {
          instrumentKey: 'outcome',
          at: `2026-02-1${i}T10:00:00+01:00`,
          values: [5, 5, 5, 5],
          session: s,
        });
      // d: the first point corrected a day later to a much better value: measured from the
      // correction the series reliably deteriorates; from the corrected point it would not.
      const first = await record(job, d, {
        instrumentKey: 'outcome',
        at: '2025-01-01T10:00:00+01:00',
        values: [2, 2, 2, 2],
      });
      await record(job, d, {
        instrumentKey: 'outcome',
        at: '2025-01-02T10:00:00+01:00',
        values: [9, 9, 9, 9],
        supersedesId: first,
      });
      for (const month of ['02', '03', '04'])
        await record(job, d, {
          instrumentKey: 'outcome',
          at: `2025-${month}-01T10:00:00+01:00`,
          values: [2, 2, 2, 2],
        });

      const rows = (await caseload(job)).rows;
      expect(rows.length).toBeGreaterThan(4);
      const alertKinds = new Set(['OUTCOME_RED', 'OUTCOME_ORANGE', 'ALLIANCE']);
      for (const row of rows) {
        const progression = (await api.gql<Progression>(job, PROGRESSION, { id: row.citizenId })).data
          ?.citizen?.progression;
        const expected = (progression?.series ?? [])
          .filter((s) => s.alert === 'RED' || s.alert === 'ORANGE')
          .map((s) => `${s.instrumentKey}|${s.department.id}|${s.alert}|${s.alertReasons.join(',')}`)
          .sort();
        const actual = row.reasons
          .filter((r) => alertKinds.has(r.kind))
          .map((r) => `${r.instrumentKey}|${r.department?.id}|${r.colour}|${r.alertReasons.join(',')}`)
          .sort();
        expect({ citizen: row.displayName, alerts: actual }).toEqual({
          citizen: row.displayName,
          alerts: expected,
        });
        expect(row.reasons.some((r) => r.kind === 'DIVERGENCE')).toBe(progression?.divergent ?? false);
        const last = (
          await api.query<{ at: number | null }>(
            'select max(occurred_at) as at from measurement where citizen_id = ? and department_id = ?',
            row.citizenId,
            dept.EMPLOYMENT,
          )
        )[0]?.at;
        const lastDay = last
          ? new Date(Number(last)).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
          : null;
        expect(row.lastMeasuredOn).toBe(lastDay);
      }
      // The hand-made series say what they were made to say.
      const reasonsOf = (id: string) => rows.find((r) => r.citizenId === id)?.reasons ?? [];
      const has = (id: string, kind: string, why: string) =>
        reasonsOf(id).some((r) => r.kind === kind && r.alertReasons.includes(why));
      expect(has(a, 'OUTCOME_RED', 'NO_IMPROVEMENT_BY_RED_SESSION')).toBe(true);
      expect(has(b, 'ALLIANCE', 'ALLIANCE_DROP')).toBe(true);
      expect(has(c, 'OUTCOME_RED', 'NO_IMPROVEMENT_BY_RED_SESSION')).toBe(true);
      expect(has(d, 'OUTCOME_RED', 'RELIABLE_DETERIORATION')).toBe(true);
    });
  });

  const invite = async (over: {
    invitee: string;
    subject?: string | null;
    department?: string;
    createdAt: number;
    validDays?: number;
    usedAt?: number | null;
    revokedAt?: number | null;
  }) => {
    const instant = (ms: number | null | undefined) =>
      ms === null || ms === undefined ? null : api.dialect === 'postgres' ? new Date(ms) : ms;
    const id = crypto.randomUUID();
    await api.query(
      `insert into invitation (id, municipality_id, token_hash, invitee_id, scope, subject_citizen_id,
       instrument_key, plan_id, department_id, language, delivery, created_by, created_at, expires_at,
       used_at, revoked_at)
     values (?, ?, ?, ?, 'QUESTIONNAIRE', ?, 'outcome', null, ?, 'da', 'HAND_OVER', 'test', ?, ?, ?, ?)
     returning id`,
      id,
      municipalityId,
      crypto.randomUUID(),
      over.invitee,
      over.subject ?? null,
      over.department ?? dept.EMPLOYMENT,
      instant(over.createdAt),
      instant(over.createdAt + (over.validDays ?? 14) * DAY),
      instant(over.usedAt),
      instant(over.revokedAt),
    );
    return id;
  };

  describe(`the coordinator's caseload on ${database}`, () => {
    it('reads the whole municipality (no department filter) with the same alerts as each progression', async () => {
      const coordinator = await api.token({ role: 'COORDINATOR' });
      const result = await caseload(coordinator);
      const citizens = await api.query<{ n: number | string }>('select count(*) as n from citizen');
      expect(result.total).toBe(Number(citizens[0]?.n));
      const anna = result.rows.find((r) => r.displayName === 'Anna Sørensen');
      const progression = (await api.gql<Progression>(coordinator, PROGRESSION, { id: anna?.citizenId })).data
        ?.citizen?.progression;
      const red = (progression?.series ?? []).filter((s) => s.alert === 'RED').length;
      expect(red).toBeGreaterThan(0);
      expect(anna?.reasons.filter((r) => r.kind === 'OUTCOME_RED')).toHaveLength(red);
      expect(anna?.reasons.some((r) => r.kind === 'DIVERGENCE')).toBe(progression?.divergent);
    });
  });

  describe(`INVITATION_UNANSWERED on ${database}`, () => {
    const start = new Date('2026-03-31T10:00:00+02:00').getTime();
    const unansweredRows = async (token = job) =>
      (await caseload(token, { reasons: ['INVITATION_UNANSWERED'] })).rows.map((r) => r.displayName);

    it('appears past half the validity, stays one follow-up interval after expiry, then goes', async () => {
      clock.now = new Date(start);
      const anna = await citizenNamed('Anna Sørensen');
      const sent = start - 8 * DAY;
      await invite({ invitee: anna, createdAt: sent });
      // Eight days into fourteen: past halfway.
      const shown = await caseload(job, { reasons: ['INVITATION_UNANSWERED'] });
      expect(shown.rows.map((r) => r.displayName)).toEqual(['Anna Sørensen']);
      expect(shown.counts.find((c) => c.kind === 'INVITATION_UNANSWERED')?.citizens).toBe(1);
      expect(shown.rows[0]?.reasons.find((r) => r.kind === 'INVITATION_UNANSWERED')).toMatchObject({
        department: { id: dept.EMPLOYMENT },
        since: '2026-03-23',
        days: 8,
        count: 1,
      });
      clock.now = new Date(sent + 6 * DAY);
      expect(await unansweredRows()).toEqual([]);
      clock.now = new Date(sent + 15 * DAY);
      expect(await unansweredRows()).toEqual(['Anna Sørensen']);
      // Expired 28 days and a minute ago: one follow-up interval (28 days) has passed.
      clock.now = new Date(sent + 14 * DAY + 28 * DAY + 60_000);
      expect(await unansweredRows()).toEqual([]);
      clock.now = new Date(start);
    });

    it('is gone once the invitation is used or revoked', async () => {
      clock.now = new Date(start);
      const anna = await citizenNamed('Anna Sørensen');
      await api.query(
        'update invitation set used_at = ? where invitee_id = ? returning id',
        api.dialect === 'postgres' ? new Date(start) : start,
        anna,
      );
      expect(await unansweredRows()).toEqual([]);
      await invite({ invitee: anna, createdAt: start - 10 * DAY, revokedAt: start - DAY });
      expect(await unansweredRows()).toEqual([]);
    });

    it('belongs to the department that sent it, and never shows a citizen the policy hides', async () => {
      clock.now = new Date(start);
      const anna = await citizenNamed('Anna Sørensen');
      const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
      const visibleToHealth = new Set((await caseload(health)).rows.map((r) => r.citizenId));
      expect(visibleToHealth.has(anna)).toBe(false);
      // Sundhed sent one about Anna (whom it has no case with): no row appears for Sundhed, and the
      // jobcentre (which has Anna's case) does not see another department's invitation.
      await invite({ invitee: anna, department: dept.HEALTH as string, createdAt: start - 10 * DAY });
      const forHealth = await caseload(health);
      expect(forHealth.rows.map((r) => r.citizenId)).not.toContain(anna);
      expect(forHealth.total).toBe(visibleToHealth.size);
      expect(forHealth.counts.find((c) => c.kind === 'INVITATION_UNANSWERED')?.citizens).toBe(0);
      expect(await unansweredRows()).toEqual([]);
    });
  });
}
