import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizen, startTestApi, type TestApi } from '../../testing/harness.js';
import { createInstrumentCatalog } from '../instrument-catalog.js';
import { outcomeVerdicts } from './outcome-verdicts.js';

const now = new Date(Date.UTC(2026, 4, 12, 10));
const DAY = 86_400_000;
const catalog = createInstrumentCatalog([], () => undefined);

let api: TestApi;
let municipalityId: string;
beforeAll(async () => {
  api = await startTestApi({}, { now: () => now });
  municipalityId = (await api.query<{ id: string }>('select id from municipality'))[0]?.id as string;
});
afterAll(() => api.close());

describe('how a citizen’s outcome moved, beside cost', () => {
  it('classifies the longest outcome series in the window, never the session instrument', async () => {
    // The demo: Anna improves with the jobcentre (6 points) and worsens with adult services
    // (4 points); Mikkel's child outcome barely moves.
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const mikkel = demoCitizen(api.app, 'Mikkel Sørensen');
    const everything = { from: new Date(now.getTime() - 400 * DAY), until: now };
    const verdicts = await outcomeVerdicts(
      api.app.db,
      catalog,
      municipalityId,
      new Map([
        [anna, everything],
        [mikkel, everything],
      ]),
    );
    expect(verdicts.get(anna)).toBe('IMPROVED');
    expect(verdicts.get(mikkel)).toBe('NO_RELIABLE_CHANGE');
  });

  it('gives no verdict outside the window or for a citizen not asked about', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const before = { from: new Date(now.getTime() - 900 * DAY), until: new Date(now.getTime() - 400 * DAY) };
    const verdicts = await outcomeVerdicts(api.app.db, catalog, municipalityId, new Map([[anna, before]]));
    expect(verdicts.size).toBe(0);
  });

  it('leaves a corrected measurement out of the series', async () => {
    const anna = demoCitizen(api.app, 'Anna Sørensen');
    const series = await api.query<{ id: string; occurred_at: number }>(
      "select m.id, m.occurred_at from measurement m join department d on d.id = m.department_id where m.citizen_id = ? and m.instrument_key = 'outcome' and d.kind = 'EMPLOYMENT' order by m.occurred_at desc",
      anna,
    );
    // Correct the latest jobcentre answer down to where the series began, dated a minute before
    // it: kept in the series, the original would still be the latest point and read IMPROVED.
    const token = await api.token({
      role: 'PROFESSIONAL',
      departmentId: (
        await api.query<{ id: string }>("select id from department where kind = 'EMPLOYMENT'")
      )[0]?.id as string,
    });
    const corrected = await api.gql(
      token,
      'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }',
      {
        i: {
          idempotencyKey: 'correct-latest',
          citizenId: anna,
          departmentId: (
            await api.query<{ id: string }>("select id from department where kind = 'EMPLOYMENT'")
          )[0]?.id,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: new Date(Number(series[0]?.occurred_at) - 60_000).toISOString(),
          values: [3.5, 3.5, 3.5, 3.5],
          supersedesId: series[0]?.id,
        },
      },
    );
    expect(corrected.errors).toBeUndefined();
    const verdicts = await outcomeVerdicts(
      api.app.db,
      catalog,
      municipalityId,
      new Map([[anna, { from: new Date(now.getTime() - 400 * DAY), until: new Date(now.getTime() + DAY) }]]),
    );
    expect(verdicts.get(anna)).toBe('NO_RELIABLE_CHANGE');
  });
});
