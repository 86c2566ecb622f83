import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { and, eq, or } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase, openPostgres } from '../db/client.js';
import { department, municipality } from '../db/tables.js';
import { type ImportSummary, importPeople, isImportRefusal } from '../domain/bulk-import.js';
import { createCprKeyring } from '../domain/cpr.js';

const usage = `Usage: npm run import -- <file.csv> --department <id or name> [--municipality <id>] [--all-or-nothing]

Columns: display_name, birth_year, cpr, external_system, external_ref, family, family_role, custody
(see docs/setup.md). Each person gets a case with the department. A re-run matches what exists.`;

/** `npm run import`: citizens, families and cases from a case system's CSV (docs/setup.md). */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      department: { type: 'string' },
      municipality: { type: 'string' },
      'all-or-nothing': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file || !values.department) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : openDatabase(config.databaseFile);
  try {
    const municipalityId = values.municipality ?? (await onlyMunicipality(db));
    const dept = (
      await db
        .select({ id: department.id, name: department.name })
        .from(department)
        .where(
          and(
            eq(department.municipalityId, municipalityId),
            or(eq(department.id, values.department), eq(department.name, values.department)),
          ),
        )
    )[0];
    if (!dept) throw new Error(`No department "${values.department}" in municipality ${municipalityId}.`);
    const progress = progressBar();
    const summary = await importPeople(db, readFileSync(file, 'utf8'), {
      municipalityId,
      departmentId: dept.id,
      allOrNothing: values['all-or-nothing'],
      keyring: config.cprHmacSecret ? createCprKeyring(config.cprHmacSecret) : null,
      now: new Date(),
      operator: userInfo().username,
      onProgress: progress,
    });
    printSummary(summary, dept.name);
    return summary.refused > 0 ? 1 : 0;
  } finally {
    await db.$close();
  }
}

async function onlyMunicipality(db: Awaited<ReturnType<typeof openPostgres>>): Promise<string> {
  const rows = await db.select({ id: municipality.id }).from(municipality);
  if (rows.length !== 1) throw new Error('Name the municipality with --municipality <id>.');
  return (rows[0] as { id: string }).id;
}

/** A bar on a terminal; every tenth on a log (CI, a pipe). */
function progressBar(): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`${done}/${total} lines\n`);
    }
  };
}

function printSummary(s: ImportSummary, departmentName: string): void {
  console.log(
    `${s.lines} lines for ${departmentName}: ${s.created} created, ${s.matched} matched, ${s.refused} refused.`,
  );
  console.log(`Families: ${s.familiesCreated} created, ${s.membersAdded} members added.`);
  for (const o of s.outcomes) if (o.outcome === 'REFUSED') console.log(`  line ${o.line}: ${o.reason}`);
  if (!s.applied) console.log('Nothing was written: --all-or-nothing and a line was refused.');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${isImportRefusal(error) ? error.message : (error as Error).message}`);
    process.exit(2);
  },
);
