import { dataOf, devToken } from './graphql.js';

/** A demo identity from the dev identity provider, as the login page lists them. */
export interface DemoIdentity {
  role: string;
  label: string;
  departmentId?: string;
  citizenId?: string;
}

export async function demoIdentities(url: string): Promise<DemoIdentity[]> {
  return (await (await fetch(`${url}/auth/dev-identities`)).json()) as DemoIdentity[];
}

/** The Sørensen family's plan, found through the seeded meeting in Anna's timeline. */
export async function sorensenPlanId(url: string): Promise<string> {
  const anna = (await demoIdentities(url)).find((i) => i.role === 'PARENT' && i.label.startsWith('Anna'));
  const token = await devToken(url, { role: 'COORDINATOR' });
  const data = await dataOf<{ citizen: { timeline: { meeting: { planId: string } | null }[] } }>(
    url,
    token,
    'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
    { id: anna?.citizenId },
  );
  const planId = data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId;
  if (!planId) throw new Error('no demo plan');
  return planId;
}

/** A new adult citizen with outcome sessions 1–3 recorded by the department's professional. */
export async function citizenWithHistory(url: string, departmentId: string): Promise<string> {
  const token = await devToken(url, { role: 'PROFESSIONAL', departmentId });
  const { createCitizen } = await dataOf<{ createCitizen: { id: string } }>(
    url,
    token,
    'mutation { createCitizen(input: {displayName: "Tastatur Borger", birthYear: 1985}) { id } }',
  );
  for (const [i, value] of [3.5, 4, 4.5].entries()) {
    await dataOf(
      url,
      token,
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          citizenId: createCitizen.id,
          departmentId,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: new Date(Date.now() - (3 - i) * 14 * 86_400_000).toISOString(),
          session: i + 1,
          values: [value, value, value, value],
        },
      },
    );
  }
  return createCitizen.id;
}
