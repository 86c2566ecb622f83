import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { single } from '../db/client.js';
import { department, municipality } from '../db/schema/index.js';
import {
  citizenBundle,
  createCitizen,
  fhirErrors,
  importFhir,
  recordSeries,
  resourcesOf,
} from '../testing/fhir.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

/*
 * A licensed pack's wording reaches the tenant that loaded it and no one else. The wording here
 * is invented for the test: licensed text is never committed.
 */

const WORDING = 'Invented licensed line (test only)';
let dir: string;
let api: TestApi;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helhed-pack-'));
  const pack = {
    name: 'Test pack for the demo tenant',
    tenant: 'demo',
    instruments: [
      {
        key: 'licensed-check',
        version: 1,
        kind: 'OUTCOME',
        audience: 'ADULT',
        direction: 'HIGHER_IS_BETTER',
        name: { da: 'Licenseret tjek', en: 'Licensed check' },
        description: { da: 'Kun til test.', en: 'For tests only.' },
        scale: { min: 0, max: 10, step: 0.1 },
        items: [{ key: 'line', label: { da: WORDING, en: WORDING } }],
        total: 'SUM',
        cutoffs: [{ value: 5 }],
        reliableChange: 2,
        alerts: { type: 'OUTCOME', orangeAtSession: 3, redAtSession: 4 },
        licence: { wording: 'LICENSED', note: 'Licensed to Demo Kommune (invented for tests)' },
      },
    ],
  };
  const file = join(dir, 'pack.json');
  writeFileSync(file, JSON.stringify(pack));
  api = await startTestApi({ INSTRUMENT_PACKS: file });
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('licensed wording', () => {
  it('exports the pack wording to the tenant that loaded it, and no other tenant may use it', async () => {
    const dept = demoDepartments(api.app);
    const jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const citizen = await createCitizen(api, jobcentre, 'Licens Borger', 'LIC-1');
    await recordSeries(api, jobcentre, citizen, {
      departmentId: dept.EMPLOYMENT as string,
      instrumentKey: 'licensed-check',
      values: [[4], [7]],
    });
    const bundle = await citizenBundle(api, jobcentre, citizen);
    expect(fhirErrors(bundle)).toEqual([]);
    const questionnaire = resourcesOf(bundle, 'Questionnaire').find((q) => q.name === 'LicensedCheck');
    expect((questionnaire?.item as { text: string }[] | undefined)?.[0]?.text).toBe(WORDING);
    expect(questionnaire?.copyright).toMatch(/Licensed to Demo Kommune/);

    const other = single(
      await api.app.db
        .insert(municipality)
        .values({ name: 'Anden Kommune', code: 'anden', createdAt: new Date() })
        .returning(),
    );
    await api.app.db
      .insert(department)
      .values({ municipalityId: other.id, kind: 'EMPLOYMENT', name: 'Jobcenter' });
    const vendor = await api.token({ role: 'INTEGRATION', municipalityId: other.id });
    await createCitizen(api, vendor, 'Licens Borger', 'LIC-1');
    const result = await importFhir(api, vendor, bundle);
    expect(result.data?.importFhirBundle.ok).toBe(false);
    expect(result.data?.importFhirBundle.errors[0]).toMatchObject({
      path: 'questionnaire',
      code: 'BAD_USER_INPUT',
    });
    const instruments = await api.gql<{ instruments: { key: string }[] }>(vendor, '{ instruments { key } }');
    expect(instruments.data?.instruments.map((i) => i.key)).not.toContain('licensed-check');
  });
});
