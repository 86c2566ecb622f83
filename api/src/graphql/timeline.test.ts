import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const CITIZEN = `query($id: ID!, $limit: Int, $before: String) { citizen(id: $id) { timeline(limit: $limit, before: $before) {
  kind at cursor measurement { instrumentKey department { kind } } goalRating { goalId } meeting { id } consent { purpose } } } }`;
const PLAN = `query($id: ID!, $limit: Int) { plan(id: $id) { timeline(limit: $limit) { kind at measurement { citizenId } meeting { status } } } }`;

type Entry = {
  kind: string;
  at: string;
  cursor: string;
  measurement: { instrumentKey: string; department: { kind: string } } | null;
  consent: { purpose: string } | null;
};
type CitizenTimeline = { citizen: { timeline: Entry[] } };

let api: TestApi;
let dept: Record<string, string>;
let anna: string;
const kinds = (entries: Entry[] = []) => new Set(entries.map((e) => e.kind));
const isNewestFirst = (entries: { at: string }[] = []) =>
  entries.every((e, i) => i === 0 || Date.parse(entries[i - 1]?.at ?? '') >= Date.parse(e.at));

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  anna = demoCitizen(api.app, 'Anna Sørensen');
});
afterAll(() => api.close());

describe('Citizen.timeline', () => {
  it('shows the jobcentre its own and consented measurements, ratings, meetings and consents, newest first', async () => {
    const mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const result = await api.gql<CitizenTimeline>(mentor, CITIZEN, { id: anna, limit: 200 });
    expect(result.errors).toBeUndefined();
    const entries = result.data?.citizen.timeline ?? [];
    expect(kinds(entries)).toEqual(new Set(['MEASUREMENT', 'GOAL_RATING', 'MEETING', 'CONSENT_GRANTED']));
    const departments = new Set(entries.flatMap((e) => e.measurement?.department.kind ?? []));
    // Adult services' measurements are shown under Anna's consent to the jobcentre.
    expect(departments).toEqual(new Set(['EMPLOYMENT', 'ADULT_SOCIAL']));
    expect(isNewestFirst(entries)).toBe(true);
  });

  it('shows another department neither measurements nor consents it is not part of', async () => {
    // Schools co-own a goal of the family's plan (a case), but no consent covers them.
    const school = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const result = await api.gql<CitizenTimeline>(school, CITIZEN, { id: anna, limit: 200 });
    expect(result.errors).toBeUndefined();
    const entries = result.data?.citizen.timeline ?? [];
    expect(entries.filter((e) => e.kind === 'MEASUREMENT' || e.kind.startsWith('CONSENT'))).toEqual([]);
  });

  it('pages with cursors without losing or repeating entries (equal times included)', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const all =
      (await api.gql<CitizenTimeline>(coordinator, CITIZEN, { id: anna, limit: 200 })).data?.citizen
        .timeline ?? [];
    const pages: Entry[] = [];
    let before: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await api.gql<CitizenTimeline>(coordinator, CITIZEN, { id: anna, limit: 4, before });
      const entries = page.data?.citizen.timeline ?? [];
      pages.push(...entries);
      if (entries.length < 4) break;
      before = entries.at(-1)?.cursor;
    }
    expect(all.length).toBeGreaterThan(8);
    expect(pages.map((e) => e.cursor)).toEqual(all.map((e) => e.cursor));
  });

  it('takes an ISO time as `before`', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const cut = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const result = await api.gql<CitizenTimeline>(coordinator, CITIZEN, { id: anna, before: cut });
    const entries = result.data?.citizen.timeline ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(Date.parse(e.at)).toBeLessThan(Date.parse(cut));
  });

  it.each([
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['a limit over 200', { limit: 201 }, 'limit'],
    ['a malformed cursor', { before: 'yesterday' }, 'before'],
  ])('refuses %s with BAD_USER_INPUT', async (_, args, field) => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const result = await api.gql(coordinator, CITIZEN, { id: anna, ...args });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('gives the ANALYST role nothing about a citizen', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const result = await api.gql(analyst, CITIZEN, { id: anna });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });
});

describe('Plan.timeline', () => {
  it('shows a family plan’s meetings and every member’s measurements to the coordinator', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const planId = (
      sqliteOf(api.app.db)
        .prepare(
          "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
        )
        .get() as { id: string }
    ).id;
    const result = await api.gql<{
      plan: { timeline: { kind: string; at: string; measurement: { citizenId: string } | null }[] };
    }>(coordinator, PLAN, { id: planId, limit: 200 });
    expect(result.errors).toBeUndefined();
    const entries = result.data?.plan.timeline ?? [];
    const people = new Set(entries.flatMap((e) => e.measurement?.citizenId ?? []));
    expect(people).toEqual(new Set([anna, demoCitizen(api.app, 'Mikkel Sørensen')]));
    expect(entries.some((e) => e.kind === 'MEETING')).toBe(true);
    expect(isNewestFirst(entries)).toBe(true);
  });
});
