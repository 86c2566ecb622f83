import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

/**
 * Every decision by "now" reads the API's injected clock in the Copenhagen calendar. The clock is
 * pinned to 00:30 on 21 October 2025 in Copenhagen (22:30 UTC on the 20th): a day in the past
 * whatever day the suite runs, and one where UTC and Copenhagen disagree about the date.
 */
const PINNED = new Date('2025-10-20T22:30:00Z');

let api: TestApi;
let dept: Record<string, string>;
let worker: string;
let planId: string;
const sql = <T>(query: string, ...params: unknown[]) =>
  sqliteOf(api.app.db)
    .prepare(query)
    .all(...params) as T[];

beforeAll(async () => {
  api = await startTestApi({}, { now: () => PINNED });
  dept = demoDepartments(api.app);
  worker = await api.token({ role: 'PROFESSIONAL', departmentId: dept.CHILDREN_FAMILY as string });
  planId = sql<{ id: string }>(
    "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
  )[0]?.id as string;
});
afterAll(() => api.close());

const ADD = `mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id active } }`;
const addIntervention = (startsOn: string, endsOn: string | null) =>
  api.gql<{ addIntervention: { active: boolean } }>(worker, ADD, {
    input: {
      planId,
      departmentId: dept.CHILDREN_FAMILY,
      type: 'Familiebehandling',
      legalBasis: 'SEL § 52',
      startsOn,
      endsOn,
      goalIds: [],
    },
  });

describe('the injected clock and the Copenhagen calendar', () => {
  it('counts an intervention starting on the Copenhagen date as active, though UTC is a day behind', async () => {
    const starts = await addIntervention('2025-10-21', null);
    expect(starts.errors).toBeUndefined();
    expect(starts.data?.addIntervention.active).toBe(true);
  });

  it('counts an intervention that ended on the UTC date as over', async () => {
    const ended = await addIntervention('2025-10-01', '2025-10-20');
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.addIntervention.active).toBe(false);
  });

  it('judges consent expiry and stamps the audit trail by the pinned clock, not the machine’s', async () => {
    const granted = await api.gql<{ grantConsent: { id: string; status: string } }>(
      worker,
      'mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id status } }',
      {
        i: {
          citizenId: demoCitizen(api.app, 'Mikkel Sørensen'),
          fromDepartmentId: dept.CHILDREN_FAMILY,
          toDepartmentId: dept.EDUCATION,
          purpose: 'Skolesamarbejde',
          // An hour after the pinned now: long past by the machine's clock.
          validUntil: '2025-10-20T23:30:00Z',
        },
      },
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantConsent.status).toBe('ACTIVE');
    const [audit] = sql<{ at: number }>(
      "select at from audit_event where action = 'grantConsent' order by id desc limit 1",
    );
    expect(audit?.at).toBe(PINNED.getTime());
  });
});
