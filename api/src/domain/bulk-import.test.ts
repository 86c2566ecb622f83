import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { type ImportOptions, importColumns, importPeople } from './bulk-import.js';
import { createCprKeyring } from './cpr.js';

const SECRET = 'bulk-import-test-secret-of-32-characters!';
const now = new Date(Date.UTC(2026, 5, 15, 8));
const header = importColumns.join(',');
const pad = (n: number) => String(n).padStart(2, '0');
/** A possible CPR number per index: adults born 1960–89, children 2010–19 (serial 4xxx). */
const adultCpr = (i: number) =>
  `${pad(1 + (i % 28))}${pad(1 + (Math.floor(i / 28) % 12))}${60 + (i % 30)}-${1000 + i}`;
const childCpr = (i: number) =>
  `${pad(1 + (i % 28))}${pad(1 + (Math.floor(i / 28) % 12))}${10 + (i % 10)}-${4000 + i}`;

/** 1,240 families of two parents and two children, 40 people known by reference only, 3 bad lines. */
function caseSystemExport(): { csv: string; good: number; bad: number } {
  const lines = [header];
  for (let f = 0; f < 1240; f++) {
    const name = `Familien Import ${f}`;
    lines.push(`Forælder A${f},,${adultCpr(2 * f)},,,${name},PARENT,SHARED`);
    lines.push(`Forælder B${f},,${adultCpr(2 * f + 1)},,,${name},PARENT,SHARED`);
    lines.push(`Barn A${f},,${childCpr(2 * f)},,,${name},CHILD,`);
    lines.push(`Barn B${f},,${childCpr(2 * f + 1)},,,${name},CHILD,`);
  }
  for (let p = 0; p < 40; p++) lines.push(`"Borger, nr. ${p}",1980,,nexus,IMP-${p},,,`);
  lines.push('Forkert Nummer,,310299-9999,,,,,'); // 31 February does not exist
  lines.push('Kun Barn 1,2015,,nexus,ORPHAN-1,Familien Uden Forælder,CHILD,');
  lines.push('Kun Barn 2,2016,,nexus,ORPHAN-2,Familien Uden Forælder,CHILD,');
  return { csv: `${lines.join('\r\n')}\r\n`, good: 1240 * 4 + 40, bad: 3 };
}

let api: TestApi;
let options: ImportOptions;
const count = async (table: string) =>
  Number((await api.query<{ n: number }>(`select count(*) as n from ${table}`))[0]?.n);

beforeAll(async () => {
  api = await startTestApi({ CPR_HMAC_SECRET: SECRET }, { now: () => now });
  const [m] = await api.query<{ id: string }>('select id from municipality');
  const [dept] = await api.query<{ id: string }>("select id from department where kind = 'EMPLOYMENT'");
  options = {
    municipalityId: m?.id as string,
    departmentId: dept?.id as string,
    allOrNothing: false,
    keyring: createCprKeyring(SECRET),
    now,
    operator: 'test',
  };
});
afterAll(() => api.close());

describe('npm run import', () => {
  const { csv, good, bad } = caseSystemExport();

  it('imports a 5,000-line export with a summary, refusing bad lines with reasons and no CPR', async () => {
    const citizens = await count('citizen');
    let progressed = 0;
    const summary = await importPeople(api.app.db, csv, {
      ...options,
      onProgress: (done) => (progressed = done),
    });
    expect(summary).toMatchObject({
      lines: good + bad,
      created: good,
      matched: 0,
      refused: bad,
      familiesCreated: 1240,
      membersAdded: 4960,
      applied: true,
    });
    expect(progressed).toBe(good + bad);
    const refused = summary.outcomes.filter((o) => o.outcome === 'REFUSED');
    expect(refused.map((o) => o.line)).toEqual([good + 2, good + 3, good + 4]);
    expect(refused.map((o) => ('reason' in o ? o.reason : ''))).toEqual([
      'cpr: is not a possible date of birth',
      'family: members: A family needs at least one PARENT.',
      'family: members: A family needs at least one PARENT.',
    ]);
    expect(JSON.stringify(summary)).not.toContain('310299');
    // The two children of the parentless family are registered; their family is not.
    expect((await count('citizen')) - citizens).toBe(good + 2);
    const cases = await api.query<{ n: number }>(
      "select count(*) as n from citizen_department where department_id = ? and reason = 'REGISTERED'",
      options.departmentId,
    );
    expect(Number(cases[0]?.n)).toBeGreaterThanOrEqual(good + 2);
  }, 240_000);

  it('matches everything on a re-run and creates nothing', async () => {
    const before = await Promise.all(['citizen', 'family', 'family_member', 'citizen_department'].map(count));
    const summary = await importPeople(api.app.db, csv, options);
    expect(summary).toMatchObject({
      created: 0,
      matched: good,
      refused: bad,
      familiesCreated: 0,
      membersAdded: 0,
    });
    expect(
      await Promise.all(['citizen', 'family', 'family_member', 'citizen_department'].map(count)),
    ).toEqual(before);
  }, 240_000);

  it('writes nothing with --all-or-nothing when one line is refused', async () => {
    const file = [
      header,
      'Ny Person,1990,,nexus,NEW-1,Familien Ny,PARENT,',
      'Forkert,,320190-1234,,,,,',
    ].join('\n');
    const before = await Promise.all(['citizen', 'family', 'audit_event'].map(count));
    const summary = await importPeople(api.app.db, file, { ...options, allOrNothing: true });
    expect(summary).toMatchObject({ applied: false, created: 1, refused: 1 });
    expect(await Promise.all(['citizen', 'family', 'audit_event'].map(count))).toEqual(before);
    const fine = await importPeople(api.app.db, file.split('\n').slice(0, 2).join('\n'), {
      ...options,
      allOrNothing: true,
    });
    expect(fine).toMatchObject({ applied: true, created: 1, familiesCreated: 1 });
  });

  it('runs as a command with a summary and an exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helhed-import-'));
    const file = join(dir, 'people.csv');
    writeFileSync(file, [header, 'Kommando Person,1970,,sbsys,CLI-1,,,', 'Uden Nøgle,1970,,,,,,'].join('\n'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../cli/import.ts'), file, '--department', 'Jobcenter'],
      {
        env: {
          ...process.env,
          DATABASE_FILE: api.app.config.databaseFile,
          CPR_HMAC_SECRET: SECRET,
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toContain('2 lines for Jobcenter: 1 created, 0 matched, 1 refused.');
    expect(run.stdout).toMatch(/line 3: cpr: needs cpr, or external_system and external_ref/);
    expect(run.status).toBe(1);
  });
});
