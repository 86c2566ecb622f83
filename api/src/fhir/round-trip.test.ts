import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { single } from '../db/client.js';
import { department, departmentKinds, municipality } from '../db/schema/index.js';
import {
  citizenBundle,
  correct,
  createCitizen,
  type FhirBundle,
  importFhir,
  PROGRESSION,
  recordSeries,
  resourcesOf,
} from '../testing/fhir.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

/*
 * Export → import into an empty municipality of a fresh database reproduces the progression:
 * the same series, points, classifications and alerts, and the same resource ids.
 */

let source: TestApi;
let target: TestApi;
let sourceCitizen: string;
let targetCitizen: string;
let sourceCoordinator: string;
let vendor: string;
let exported: FhirBundle;

/** A new, empty municipality with one department of each kind. */
async function emptyMunicipality(api: TestApi): Promise<string> {
  const db = api.app.db;
  const m = single(
    await db
      .insert(municipality)
      .values({ name: 'Tom Kommune', code: 'tom', createdAt: new Date() })
      .returning(),
  );
  await db
    .insert(department)
    .values(departmentKinds.map((kind) => ({ municipalityId: m.id, kind, name: `Tom ${kind}` })));
  return m.id;
}

beforeAll(async () => {
  source = await startTestApi();
  // A full export carries every Observation too; it is larger than the default body limit.
  target = await startTestApi({ MAX_BODY_BYTES: '2000000' });
  const dept = demoDepartments(source.app);
  sourceCoordinator = await source.token({ role: 'COORDINATOR' });
  // The coordinator records for every department, as professionals of each would.
  const jobcentre = sourceCoordinator;
  const adult = sourceCoordinator;
  sourceCitizen = await createCitizen(source, sourceCoordinator, 'Rundtur Borger', 'RT-1');
  const outcome = { departmentId: dept.EMPLOYMENT as string, instrumentKey: 'outcome' };
  const ids = await recordSeries(source, jobcentre, sourceCitizen, {
    ...outcome,
    values: [
      [3, 4, 4, 4],
      [4, 4.5, 5, 4.5],
      [9, 9, 9, 9],
      [6, 6.5, 6, 6.2],
    ],
  });
  await correct(source, jobcentre, outcome, sourceCitizen, ids[2] as string, [5, 5.5, 5.5, 5]);
  await recordSeries(source, jobcentre, sourceCitizen, {
    departmentId: dept.EMPLOYMENT as string,
    instrumentKey: 'session',
    values: [
      [9, 9, 9, 9],
      [8, 9, 8.5, 9],
      [9.5, 9.5, 9.5, 9.5],
    ],
  });
  await recordSeries(source, adult, sourceCitizen, {
    departmentId: dept.ADULT_SOCIAL as string,
    instrumentKey: 'function-level',
    respondentRole: 'PROFESSIONAL',
    values: [[3], [3], [1]],
  });
  exported = await citizenBundle(source, sourceCoordinator, sourceCitizen);

  const empty = await emptyMunicipality(target);
  vendor = await target.token({ role: 'INTEGRATION', municipalityId: empty });
  targetCitizen = await createCitizen(target, vendor, 'Rundtur Borger', 'RT-1');
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

type Progression = {
  citizen: {
    progression: {
      divergent: boolean;
      series: { instrumentKey: string; respondentRole: string; department: { kind: string } }[];
    };
  };
};
async function progressionOf(api: TestApi, token: string, id: string) {
  const result = await api.gql<Progression>(token, PROGRESSION, { id });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  const { divergent, series } = result.data.citizen.progression;
  const key = (s: (typeof series)[number]) => `${s.instrumentKey}|${s.respondentRole}|${s.department.kind}`;
  return { divergent, series: [...series].sort((a, b) => key(a).localeCompare(key(b))) };
}

describe('round trip through FHIR', () => {
  it('imports every measurement of the export into an empty municipality', async () => {
    const result = await importFhir(target, vendor, exported);
    expect(result.errors).toBeUndefined();
    expect(result.data?.importFhirBundle.errors).toEqual([]);
    const created = result.data?.importFhirBundle.entries.filter((e) => e.outcome === 'CREATED') ?? [];
    // 4 outcome + 1 correction + 3 session + 3 function-level, less the corrected one.
    expect(created).toHaveLength(10);
  });

  it('reproduces the same progression: series, points, totals, classification and alerts', async () => {
    const before = await progressionOf(source, sourceCoordinator, sourceCitizen);
    const after = await progressionOf(target, vendor, targetCitizen);
    expect(before.series).toHaveLength(3);
    expect(after).toEqual(before);
  });

  it('keeps the resource ids, so either side can send updates to the other', async () => {
    const again = await citizenBundle(target, vendor, targetCitizen);
    const ids = (b: FhirBundle) =>
      resourcesOf(b, 'QuestionnaireResponse')
        .filter((r) => r.status === 'completed')
        .map((r) => r.id)
        .sort();
    expect(ids(again)).toEqual(ids(exported));
    const reimport = await importFhir(target, vendor, exported);
    expect(new Set(reimport.data?.importFhirBundle.entries.map((e) => e.outcome))).toEqual(
      new Set(['UNCHANGED', 'IGNORED']),
    );
  });
});
