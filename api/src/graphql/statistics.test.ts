import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { sqliteOf } from '../db/client.js';
import { addDays, copenhagenDate } from '../domain/calendar.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const STATISTICS = `query($filter: StatisticsFilter!) { progressionStatistics(filter: $filter) {
  from to period groupBy minCellSize
  cells { departmentKind targetGroup interventionType period n improved noChange deteriorated recovered meanChange sdChange suppressed } } }`;

type Cell = {
  departmentKind: string | null;
  interventionType: string | null;
  n: number | null;
  suppressed: boolean;
};
type Result = { progressionStatistics: { from: string; to: string; cells: Cell[] } };

let api: TestApi;
let dept: Record<string, string>;
const today = copenhagenDate(Date.now());
const yearAgo = addDays(today, -365);
const filter = (over: Record<string, unknown> = {}) => ({
  instrumentKey: 'outcome',
  from: yearAgo,
  to: today,
  ...over,
});
const audits = () =>
  sqliteOf(api.app.db)
    .prepare(
      "select outcome, citizen_id as citizenId from audit_event where action = 'progressionStatistics'",
    )
    .all() as { outcome: string; citizenId: string | null }[];

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
});
afterAll(() => api.close());

describe('progressionStatistics', () => {
  it('gives an analyst anonymous cells of the demo cohort, audited without a citizen', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const before = audits().length;
    const started = performance.now();
    const result = await api.gql<Result>(analyst, STATISTICS, { filter: filter() });
    const ms = performance.now() - started;
    expect(result.errors).toBeUndefined();
    const cells = result.data?.progressionStatistics.cells ?? [];
    const published = cells.filter((c) => !c.suppressed);
    // HEALTH has one citizen (Karim): suppressed. ADULT_SOCIAL, EDUCATION and EMPLOYMENT have 16
    // each; the first of them is suppressed too, so HEALTH cannot be recovered from the total.
    expect(cells.map((c) => [c.departmentKind, c.suppressed])).toEqual([
      ['ADULT_SOCIAL', true],
      ['EDUCATION', false],
      ['EMPLOYMENT', false],
      ['HEALTH', true],
    ]);
    for (const c of published) expect(c.n).toBeGreaterThanOrEqual(5);
    for (const c of cells.filter((x) => x.suppressed)) expect(c.n).toBeNull();
    expect(JSON.stringify(result.data)).not.toMatch(/Sørensen|Demoborger|citizen/i);
    expect(audits().slice(before)).toEqual([{ outcome: 'ALLOWED', citizenId: null }]);
    console.info(`progressionStatistics on the demo data: ${ms.toFixed(1)} ms (worker, first call)`);
  });

  it('snaps the window outward to whole quarters and says so', async () => {
    const admin = await api.token({ role: 'ADMIN' });
    const result = await api.gql<Result>(admin, STATISTICS, {
      filter: filter({ from: '2026-02-15', to: '2026-04-03', period: 'QUARTER' }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.progressionStatistics).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('accepts ISO times for from and to, taking their dates', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const result = await api.gql<Result>(coordinator, STATISTICS, {
      filter: filter({ from: '2026-02-15T10:00:00.000Z', to: '2026-02-20T00:00:00Z' }),
    });
    expect(result.data?.progressionStatistics).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('groups by intervention type and target group', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const result = await api.gql<Result>(analyst, STATISTICS, {
      filter: filter({ groupBy: ['INTERVENTION_TYPE'], targetGroup: 'adult-complex-needs' }),
    });
    expect(result.errors).toBeUndefined();
    const types = result.data?.progressionStatistics.cells.map((c) => c.interventionType) ?? [];
    expect(types).toContain('Socialpædagogisk støtte');
  });

  it('shows a professional their own department only', async () => {
    const mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const own = await api.gql<Result>(mentor, STATISTICS, { filter: filter() });
    expect(own.data?.progressionStatistics.cells.map((c) => c.departmentKind)).toEqual(['EMPLOYMENT']);
    const other = await api.gql<Result>(mentor, STATISTICS, {
      filter: filter({ departmentId: dept.HEALTH }),
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
  });

  it.each(['PARENT', 'INTEGRATION'])(
    'refuses the %s role: FORBIDDEN, nothing returned, denial audited',
    async (role) => {
      const anna = sqliteOf(api.app.db)
        .prepare("select id from citizen where display_name = 'Anna Sørensen'")
        .get() as {
        id: string;
      };
      const token = await api.token(role === 'PARENT' ? { role, citizenId: anna.id } : { role });
      const before = audits().length;
      const result = await api.gql<Result>(token, STATISTICS, { filter: filter() });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
      expect(audits().slice(before)).toEqual([{ outcome: 'DENIED', citizenId: null }]);
    },
  );

  it.each([
    ['from after to', { from: '2026-05-01', to: '2026-04-01' }, 'from'],
    ['a date that does not exist', { from: '2026-02-30' }, 'from'],
    ['an unknown instrument', { instrumentKey: 'ors-licensed' }, 'filter.instrumentKey'],
    ['an unknown target group', { targetGroup: 'nobody' }, 'filter.targetGroup'],
    ['a window over 20 years', { from: '1990-01-01' }, 'to'],
  ])('refuses %s with BAD_USER_INPUT and computes nothing', async (_, over, field) => {
    const analyst = await api.token({ role: 'ANALYST' });
    const before = audits().length;
    const result = await api.gql<Result>(analyst, STATISTICS, { filter: filter(over) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(audits().length).toBe(before);
  });

  it('refuses a deployment threshold below 3', () => {
    expect(() => loadConfig({ STATISTICS_MIN_CELL_SIZE: '2' })).toThrow(ConfigError);
    expect(loadConfig({ STATISTICS_MIN_CELL_SIZE: '10' }).statisticsMinCellSize).toBe(10);
    expect(loadConfig({}).statisticsMinCellSize).toBe(5);
  });
});
