/**
 * `npm run seed:bench [-- --seed 1 --file data/bench.sqlite --force]`: writes the benchmark
 * municipality into a fresh SQLite file, migrated by the API's own openDatabase. With
 * DATABASE_URL=postgres://… set, the same rows are then copied into that (empty) PostgreSQL
 * database, migrated by the API's own migrations; the SQLite file stays, for the fixtures.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, sqliteOf } from '../api/src/db/client.js';
import { repoRoot } from './paths.js';
import { copySeedInto } from './postgres.js';
import { type BenchProgress, seedBench } from './seeding/seed-bench.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    file: { type: 'string', default: 'data/bench.sqlite' },
    citizens: { type: 'string', default: '5000' },
    force: { type: 'boolean', default: false },
  },
});

const file = isAbsolute(values.file) ? values.file : resolve(repoRoot, values.file);
const seed = Number(values.seed);
const citizens = Number(values.citizens);
if (!Number.isInteger(seed) || !Number.isInteger(citizens) || citizens < 1) {
  console.error('--seed and --citizens take whole numbers (citizens ≥ 1).');
  process.exit(2);
}
if (existsSync(file)) {
  if (!values.force) {
    console.error(`${file} exists. Pass --force to replace it: npm run seed:bench -- --force`);
    process.exit(1);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

const started = performance.now();
const db = openDatabase(file);
// A bigger page cache for the load only: the file is the same, the random-key inserts are faster.
sqliteOf(db).pragma('cache_size = -262144');
const summary = seedBench(db, { seed, citizens, onProgress: progressBar() });
process.stderr.write('\n');
if (process.env.DATABASE_URL) await copyInto(process.env.DATABASE_URL);
sqliteOf(db).close();

const seconds = (performance.now() - started) / 1000;
const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
console.log(`Seeded ${file} (seed ${seed}) in ${seconds.toFixed(1)} s, ${mb} MB:`);
for (const [table, n] of Object.entries(summary.counts)) {
  console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en-US').padStart(9)}`);
}

/** Copies the seeded file into an empty PostgreSQL database (refuses one that holds data). */
async function copyInto(url: string): Promise<void> {
  const copied = await copySeedInto(sqliteOf(db), url, (table, n) =>
    process.stderr.write(`copied ${table} (${n})\n`),
  );
  if (!copied) {
    console.error(`${url} already holds data; the benchmark needs an empty database.`);
    process.exit(1);
  }
  console.log(`Copied into ${url.replace(/\/\/[^@]*@/, '//')}.`);
}

/** One line on stderr, redrawn in place on a terminal, every tenth otherwise. */
function progressBar(): (p: BenchProgress) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `${phase.padEnd(13)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} %`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(share * 10) !== lastTenth || done === total) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}
