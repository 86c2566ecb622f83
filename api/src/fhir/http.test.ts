import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { citizenBundle, fhirErrors, iso, resourcesOf } from '../testing/fhir.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
let dept: Record<string, string>;
let anna: string;
let coordinator: string;

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  anna = demoCitizen(api.app, 'Anna Sørensen');
  coordinator = await api.token({ role: 'COORDINATOR' });
});
afterAll(() => api.close());

async function call(path: string, token: string | null, init: RequestInit = {}) {
  const response = await fetch(`${api.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}
const issueCode = (body: Record<string, unknown>) =>
  (body.issue as { details: { coding: { code: string }[] } }[])[0]?.details.coding[0]?.code;

describe('GET /fhir', () => {
  it('serves the same Bundle as GraphQL, as application/fhir+json', async () => {
    const response = await call(`/fhir/citizen/${anna}`, coordinator);
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/fhir\+json/);
    expect(fhirErrors(response.body)).toEqual([]);
    const viaGraphQL = await citizenBundle(api, coordinator, anna);
    const ids = (b: { entry: { request: { url: string } }[] }) => b.entry.map((e) => e.request.url);
    expect(ids(response.body as never)).toEqual(ids(viaGraphQL));
  });

  it('serves a plan', async () => {
    const planId = (
      sqliteOf(api.app.db).prepare('select id from plan where family_id is not null limit 1').get() as {
        id: string;
      }
    ).id;
    const response = await call(`/fhir/plan/${planId}`, coordinator);
    expect(response.status).toBe(200);
    expect(resourcesOf(response.body as never, 'CarePlan')).toHaveLength(1);
  });

  it.each([
    ['no token', null, 401, 'UNAUTHENTICATED'],
    ['a forged token', 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA', 401, 'UNAUTHENTICATED'],
  ])('answers %s with an OperationOutcome and %i', async (_, token, status, code) => {
    const response = await call(`/fhir/citizen/${anna}`, token);
    expect(response.status).toBe(status);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(fhirErrors(response.body)).toEqual([]);
    expect(issueCode(response.body)).toBe(code);
  });

  it('answers a role without access to citizens 403 and one without a case 404, both audited', async () => {
    const denied = () =>
      (
        sqliteOf(api.app.db)
          .prepare(
            "select count(*) as n from audit_event where action = 'fhirCitizenExport' and outcome = 'DENIED'",
          )
          .get() as { n: number }
      ).n;
    const before = denied();
    const analyst = await api.token({ role: 'ANALYST' });
    expect((await call(`/fhir/citizen/${anna}`, analyst)).status).toBe(403);
    const school = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const birgitte = demoCitizen(api.app, 'Birgitte Olsen');
    const hidden = await call(`/fhir/citizen/${birgitte}`, school);
    expect(hidden.status).toBe(404);
    expect(issueCode(hidden.body)).toBe('NOT_FOUND');
    expect(denied()).toBe(before + 2);
  });

  it('answers an unknown path 404 and a wrong method 405', async () => {
    expect((await call('/fhir/Patient/x', coordinator)).status).toBe(404);
    expect((await call(`/fhir/citizen/${anna}`, coordinator, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('POST /fhir', () => {
  const bundle = (values: number[]) => ({
    resourceType: 'Bundle',
    type: 'batch',
    entry: [
      {
        resource: {
          resourceType: 'QuestionnaireResponse',
          id: crypto.randomUUID(),
          extension: [
            { url: 'https://helhed.dk/fhir/StructureDefinition/respondent-role', valueCode: 'CITIZEN' },
          ],
          questionnaire: 'https://helhed.dk/fhir/Questionnaire/function-level|1',
          status: 'completed',
          subject: { identifier: { system: 'https://helhed.dk/fhir/NamingSystem/citizen-id', value: anna } },
          authored: iso(1),
          item: [{ linkId: 'level', answer: [{ valueInteger: values[0] }] }],
        },
        request: { method: 'PUT', url: 'QuestionnaireResponse/x' },
      },
    ],
  });

  it('imports a Bundle and answers an OperationOutcome per entry', async () => {
    const jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const rows = api.count('measurement');
    const response = await call('/fhir', jobcentre, { method: 'POST', body: JSON.stringify(bundle([2])) });
    expect(response.status).toBe(200);
    expect(fhirErrors(response.body)).toEqual([]);
    expect(issueCode(response.body)).toBe('CREATED');
    expect(api.count('measurement')).toBe(rows + 1);
  });

  it('refuses an invalid entry with 400, naming it by FHIRPath, and writes nothing', async () => {
    const jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const rows = api.count('measurement');
    const response = await call('/fhir', jobcentre, { method: 'POST', body: JSON.stringify(bundle([7])) });
    expect(response.status).toBe(400);
    const [issue] = response.body.issue as { expression: string[]; severity: string }[];
    expect(issue).toMatchObject({ severity: 'error', expression: ['Bundle.entry[0].resource.item'] });
    expect(api.count('measurement')).toBe(rows);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await call('/fhir', coordinator, { method: 'POST', body: 'nope' });
    expect(response.status).toBe(400);
  });
});
