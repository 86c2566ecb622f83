import { Fhir, ParseConformance, Versions } from 'fhir';
import { sqliteOf } from '../db/client.js';
import type { TestApi } from './harness.js';

/** The package's cached R4 StructureDefinitions, named explicitly rather than by default. */
const fhir = new Fhir(new ParseConformance(true, Versions.R4));

/** Error messages of the `fhir` package's R4 StructureDefinition validation; [] when valid. */
export function fhirErrors(resource: unknown): string[] {
  const result = fhir.validate(resource as object, { errorOnUnexpected: true });
  return result.messages
    .filter((m) => m.severity === 'error' || m.severity === 'fatal')
    .map((m) => `${m.location}: ${m.message}`);
}

export interface FhirResource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}
export interface FhirBundle {
  resourceType: 'Bundle';
  type: string;
  entry: { fullUrl: string; resource: FhirResource; request: { method: string; url: string } }[];
}

export const resourcesOf = (bundle: FhirBundle, type?: string) =>
  bundle.entry.map((e) => e.resource).filter((r) => type === undefined || r.resourceType === type);

const CITIZEN_BUNDLE = 'query($id: ID!) { citizenFhirBundle(citizenId: $id) }';
const PLAN_BUNDLE = 'query($id: ID!) { planFhirBundle(planId: $id) }';
export const IMPORT = `mutation($bundle: String!) { importFhirBundle(bundle: $bundle) {
  ok entries { index resourceType resourceId outcome measurementId }
  errors { index resourceId path message code } } }`;

export interface ImportResult {
  ok: boolean;
  entries: {
    index: number;
    resourceType: string;
    resourceId: string | null;
    outcome: string;
    measurementId: string | null;
  }[];
  errors: { index: number; resourceId: string | null; path: string; message: string; code: string }[];
}

/** Exports a citizen through GraphQL; throws on a GraphQL error. */
export async function citizenBundle(api: TestApi, token: string, id: string): Promise<FhirBundle> {
  const result = await api.gql<{ citizenFhirBundle: FhirBundle }>(token, CITIZEN_BUNDLE, { id });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.citizenFhirBundle;
}

export async function planBundle(api: TestApi, token: string, id: string): Promise<FhirBundle> {
  const result = await api.gql<{ planFhirBundle: FhirBundle }>(token, PLAN_BUNDLE, { id });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.planFhirBundle;
}

export async function importFhir(api: TestApi, token: string, bundle: unknown) {
  return api.gql<{ importFhirBundle: ImportResult }>(token, IMPORT, { bundle: JSON.stringify(bundle) });
}

export { CITIZEN_BUNDLE, PLAN_BUNDLE };

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

/** Runs an operation and returns its data; any GraphQL error fails the test. */
export async function must<T>(
  api: TestApi,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const result = await api.gql<T>(token, query, variables);
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const CREATE_CITIZEN = 'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }';
const RECORD = 'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }';

/** Registers a citizen (with a case system's reference) as the token's holder. */
export async function createCitizen(
  api: TestApi,
  token: string,
  name: string,
  ref?: string,
): Promise<string> {
  const i = {
    displayName: name,
    birthYear: 1985,
    ...(ref ? { externalRef: { system: 'nexus', value: ref } } : {}),
  };
  return (await must<{ createCitizen: { id: string } }>(api, token, CREATE_CITIZEN, { i })).createCitizen.id;
}

export interface SeriesSpec {
  departmentId: string;
  instrumentKey: string;
  respondentRole?: string;
  values: number[][];
}

/** Records one series, a week apart, ending a day ago; returns the measurement ids. */
export async function recordSeries(api: TestApi, token: string, citizenId: string, spec: SeriesSpec) {
  const ids: string[] = [];
  for (const [n, values] of spec.values.entries()) {
    const i = {
      idempotencyKey: crypto.randomUUID(),
      citizenId,
      departmentId: spec.departmentId,
      instrumentKey: spec.instrumentKey,
      respondentRole: spec.respondentRole ?? 'CITIZEN',
      occurredAt: iso(1 + (spec.values.length - n) * 7),
      session: n + 1,
      values,
    };
    ids.push(
      (await must<{ recordMeasurement: { id: string } }>(api, token, RECORD, { i })).recordMeasurement.id,
    );
  }
  return ids;
}

/** Corrects a measurement with new values (same series, same time). */
export async function correct(
  api: TestApi,
  token: string,
  spec: Omit<SeriesSpec, 'values'>,
  citizenId: string,
  supersedesId: string,
  values: number[],
) {
  const occurredAt = (
    sqliteOf(api.app.db)
      .prepare('select occurred_at as t from measurement where id = ?')
      .get(supersedesId) as {
      t: number;
    }
  ).t;
  const i = {
    idempotencyKey: crypto.randomUUID(),
    citizenId,
    departmentId: spec.departmentId,
    instrumentKey: spec.instrumentKey,
    respondentRole: spec.respondentRole ?? 'CITIZEN',
    occurredAt: new Date(occurredAt).toISOString(),
    values,
    supersedesId,
  };
  return (await must<{ recordMeasurement: { id: string } }>(api, token, RECORD, { i })).recordMeasurement.id;
}

export const PROGRESSION = `query($id: ID!) { citizen(id: $id) { progression { divergent series {
  instrumentKey respondentRole department { kind } points { occurredAt total session }
  first latest change classification recovered alert } } } }`;

export { iso };

/** The `reference`s of a resource's reference field (single or list). */
export function refsOf(resource: FhirResource | undefined, field: string): string[] {
  const value = resource?.[field];
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((x) => (x as { reference?: string }).reference ?? '');
}
