/** The progress widgets' test setups, on kit's helpers for the real API. */
import { departmentId, devToken, gql } from '@helhed/kit/testing';

export { departmentId, devToken, gql, setNetwork } from '@helhed/kit/testing';

/** A professional of `kind` with a fresh citizen of the given age. */
export async function professionalWithCitizen(kind = 'EMPLOYMENT', age = 40) {
  const department = await departmentId(kind);
  const token = await devToken({ role: 'PROFESSIONAL', departmentId: department });
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
