/**
 * Test helpers that talk to the real API the test runner serves on its own origin. Requests
 * carry `x-helhed-test`, so the network switch (web-test-runner.config.mjs) never blocks them.
 */

export async function devToken(role: string, departmentId?: string): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    body: JSON.stringify({ role, departmentId }),
  });
  return ((await response.json()) as { token: string }).token;
}

export async function gql<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-helhed-test': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** The demo department of a kind, e.g. EMPLOYMENT. */
export async function departmentId(kind: string): Promise<string> {
  const data = await gql<{ departments: { id: string; kind: string }[] }>(
    await devToken('ADMIN'),
    '{ departments { id kind } }',
  );
  const found = data.departments.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} department`);
  return found.id;
}

/** A professional of `kind` with a fresh citizen of the given age. */
export async function professionalWithCitizen(kind = 'EMPLOYMENT', age = 40) {
  const department = await departmentId(kind);
  const token = await devToken('PROFESSIONAL', department);
  const data = await gql<{ createCitizen: { id: string } }>(
    token,
    'mutation($input: CreateCitizenInput!) { createCitizen(input: $input) { id } }',
    { input: { displayName: 'Testborger', birthYear: new Date().getFullYear() - age } },
  );
  return { token, department, citizen: data.createCitizen.id };
}

export interface SeriesSummary {
  instrumentKey: string;
  respondentRole: string;
  points: { total: number; session: number | null }[];
}

export async function seriesOf(token: string, citizenId: string): Promise<SeriesSummary[]> {
  const data = await gql<{ citizen: { progression: { series: SeriesSummary[] } } }>(
    token,
    'query($id: ID!) { citizen(id: $id) { progression { series { instrumentKey respondentRole points { total session } } } } }',
    { id: citizenId },
  );
  return data.citizen.progression.series;
}

const DAY = 86_400_000;

/** Records one measurement per entry of `values`, two weeks apart, ending yesterday. */
export async function recordSeries(
  token: string,
  citizenId: string,
  departmentId: string,
  instrumentKey: string,
  values: number[][],
  respondentRole = 'CITIZEN',
): Promise<void> {
  for (const [i, v] of values.entries()) {
    await gql(
      token,
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          citizenId,
          departmentId,
          instrumentKey,
          respondentRole,
          occurredAt: new Date(Date.now() - (values.length - i) * 14 * DAY).toISOString(),
          session: i + 1,
          values: v,
        },
      },
    );
  }
}

/** Switches the test server's network for the widget's requests. */
export async function setNetwork(mode: 'up' | 'down' | 'lose-answers'): Promise<void> {
  await fetch('/__test/network', { method: 'POST', body: JSON.stringify({ mode }) });
}
