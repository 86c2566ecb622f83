import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citizenBundle,
  createCitizen,
  fhirErrors,
  IMPORT,
  importFhir,
  iso,
  PROGRESSION,
  recordSeries,
} from '../testing/fhir.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
let dept: Record<string, string>;
let jobcentre: string;
let citizen: string;

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
  citizen = await createCitizen(api, jobcentre, 'Import Borger', 'IMP-1');
});
afterAll(() => api.close());

/** A QuestionnaireResponse as a vendor's system would write it: the citizen by its case number. */
function response(values: number[], overrides: Record<string, unknown> = {}) {
  const keys = ['wellbeing', 'relationships', 'daily-life', 'overall'];
  return {
    resourceType: 'QuestionnaireResponse',
    id: crypto.randomUUID(),
    extension: [{ url: 'https://helhed.dk/fhir/StructureDefinition/respondent-role', valueCode: 'CITIZEN' }],
    questionnaire: 'https://helhed.dk/fhir/Questionnaire/outcome|1',
    status: 'completed',
    subject: {
      identifier: { system: 'https://helhed.dk/fhir/NamingSystem/external-ref/nexus', value: 'IMP-1' },
    },
    authored: iso(3),
    item: values.map((v, i) => ({ linkId: keys[i], answer: [{ valueDecimal: v }] })),
    ...overrides,
  };
}
const bundleOf = (...resources: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

describe('importFhirBundle', () => {
  it("stores a vendor's responses as measurements, scored like any other", async () => {
    const first = response([3, 4, 4, 4], { authored: iso(20) });
    const second = response([6, 6, 6.5, 6], { authored: iso(5) });
    expect(fhirErrors(first)).toEqual([]);
    const rows = api.count('measurement');
    const result = await importFhir(api, jobcentre, bundleOf(first, second));
    expect(result.errors).toBeUndefined();
    expect(result.data?.importFhirBundle).toMatchObject({
      ok: true,
      errors: [],
      entries: [
        { index: 0, resourceId: first.id, outcome: 'CREATED' },
        { index: 1, resourceId: second.id, outcome: 'CREATED' },
      ],
    });
    expect(api.count('measurement')).toBe(rows + 2);
    const progression = await api.gql<{
      citizen: { progression: { series: { points: { total: number }[]; classification: string }[] } };
    }>(jobcentre, PROGRESSION, { id: citizen });
    const [series] = progression.data?.citizen.progression.series ?? [];
    expect(series?.points.map((p) => p.total)).toEqual([15, 24.5]);
    expect(series?.classification).toBe('IMPROVED');
  });

  it('stores nothing twice: a re-import answers UNCHANGED', async () => {
    const bundle = bundleOf(response([5, 5, 5, 5], { authored: iso(2) }));
    await importFhir(api, jobcentre, bundle);
    const rows = api.count('measurement');
    const again = await importFhir(api, jobcentre, bundle);
    expect(again.data?.importFhirBundle.ok).toBe(true);
    expect(again.data?.importFhirBundle.entries.map((e) => e.outcome)).toEqual(['UNCHANGED']);
    expect(api.count('measurement')).toBe(rows);
  });

  it('recognises our own export: re-importing it stores nothing', async () => {
    await recordSeries(api, jobcentre, citizen, {
      departmentId: dept.EMPLOYMENT as string,
      instrumentKey: 'session',
      values: [
        [9, 9, 9, 9],
        [9.5, 9, 9.5, 9.5],
      ],
    });
    const exported = await citizenBundle(api, jobcentre, citizen);
    const rows = api.count('measurement');
    const result = await importFhir(api, jobcentre, exported);
    expect(result.data?.importFhirBundle.ok).toBe(true);
    const outcomes = new Set(result.data?.importFhirBundle.entries.map((e) => e.outcome));
    expect(outcomes).toEqual(new Set(['UNCHANGED', 'IGNORED']));
    expect(api.count('measurement')).toBe(rows);
  });

  it('writes nothing from a bundle with one invalid entry, and names that entry', async () => {
    const bad = response([5, 11, 5, 5]);
    const rows = api.count('measurement');
    const audits = api.count('audit_event');
    const result = await importFhir(
      api,
      jobcentre,
      bundleOf(response([5, 5, 5, 5]), bad, response([6, 6, 6, 6])),
    );
    expect(result.data?.importFhirBundle).toMatchObject({
      ok: false,
      entries: [],
      errors: [{ index: 1, resourceId: bad.id, path: 'item', code: 'BAD_USER_INPUT' }],
    });
    expect(result.data?.importFhirBundle.errors[0]?.message).toMatch(/relationships|values|range|10/i);
    expect(api.count('measurement')).toBe(rows);
    // Only the read of the citizen is audited; no write happened.
    expect(api.count('audit_event')).toBeLessThanOrEqual(audits + 1);
  });

  it.each([
    ['a response that is not FHIR-shaped', { status: 'done' }, 'status', 'INVALID_RESOURCE'],
    [
      'an unknown instrument',
      { questionnaire: 'https://helhed.dk/fhir/Questionnaire/ors|1' },
      'questionnaire',
      'BAD_USER_INPUT',
    ],
    [
      'another version',
      { questionnaire: 'https://helhed.dk/fhir/Questionnaire/outcome|7' },
      'questionnaire',
      'BAD_USER_INPUT',
    ],
    ['a subject we do not know', { subject: { reference: 'Patient/nobody' } }, 'subject', 'NOT_FOUND'],
    [
      'a time in the future',
      { authored: new Date(Date.now() + 86_400_000).toISOString() },
      'authored',
      'BAD_USER_INPUT',
    ],
    ['an unknown respondent role', { extension: [] }, 'extension', 'BAD_USER_INPUT'],
    [
      'another department than the caller’s',
      {
        author: {
          identifier: { system: 'https://helhed.dk/fhir/NamingSystem/department-id', value: 'HEALTH' },
        },
      },
      'author',
      'FORBIDDEN',
    ],
  ])('refuses %s with a stable code and the path', async (_, overrides, path, code) => {
    const fixed = Object.fromEntries(
      Object.entries(overrides).map(([k, v]) =>
        k === 'author'
          ? [k, { identifier: { ...(v as { identifier: object }).identifier, value: dept.HEALTH } }]
          : [k, v],
      ),
    );
    const rows = api.count('measurement');
    const result = await importFhir(api, jobcentre, bundleOf(response([5, 5, 5, 5], fixed)));
    expect(result.data?.importFhirBundle.ok).toBe(false);
    expect(result.data?.importFhirBundle.errors).toMatchObject([{ index: 0, path, code }]);
    expect(api.count('measurement')).toBe(rows);
  });

  it('refuses the same id with other answers as CONFLICT', async () => {
    const original = response([4, 4, 4, 4], { authored: iso(1) });
    await importFhir(api, jobcentre, bundleOf(original));
    const result = await importFhir(
      api,
      jobcentre,
      bundleOf({ ...original, item: response([8, 8, 8, 8]).item }),
    );
    expect(result.data?.importFhirBundle.errors).toMatchObject([{ index: 0, path: 'id', code: 'CONFLICT' }]);
  });

  it('refuses a document that is not a Bundle, and asks for a token first', async () => {
    const notBundle = await importFhir(api, jobcentre, response([5, 5, 5, 5]));
    expect(notBundle.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const notJson = await api.gql(jobcentre, IMPORT, { bundle: '{not json' });
    expect(notJson.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await importFhir(api, null as unknown as string, bundleOf());
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('importFhirBundle and existence', () => {
  it('answers the same for a known and an unknown subject when the author is not the caller’s (no existence oracle)', async () => {
    const author = {
      identifier: { system: 'https://helhed.dk/fhir/NamingSystem/department-id', value: dept.HEALTH },
    };
    const known = await importFhir(api, jobcentre, bundleOf(response([5, 5, 5, 5], { author })));
    const unknown = await importFhir(
      api,
      jobcentre,
      bundleOf(response([5, 5, 5, 5], { author, subject: { reference: 'Patient/nobody' } })),
    );
    const answer = (r: typeof known) =>
      r.data?.importFhirBundle.errors?.map((e) => ({ path: e.path, code: e.code }));
    expect(answer(known)).toEqual([{ path: 'author', code: 'FORBIDDEN' }]);
    expect(answer(unknown)).toEqual(answer(known));
  });
});
