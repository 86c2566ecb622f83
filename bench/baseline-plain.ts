/**
 * Baseline (b): the least reading one citizen's measurements can cost here. Plain node:http
 * and one hand-written query over better-sqlite3, no GraphQL, no tokens, no audit. Run as its
 * own process: `node --import tsx bench/baseline-plain.ts <sqlite file> <municipality id>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';

const [file, municipalityId] = process.argv.slice(2);
if (!file || !municipalityId) throw new Error('Give the SQLite file and the municipality id.');
const sqlite = new Database(file, { fileMustExist: true });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('busy_timeout = 5000');
const measurements = sqlite.prepare(`
  SELECT id, department_id AS departmentId, instrument_key AS instrumentKey,
         respondent_role AS respondentRole, session, occurred_at AS occurredAt, total,
         item_values AS itemValues
  FROM measurement
  WHERE municipality_id = ? AND citizen_id = ?
  ORDER BY occurred_at`);

const server = createServer((req, res) => {
  const match = /^\/citizens\/([^/]+)\/measurements$/.exec(req.url ?? '');
  if (!match?.[1]) return void res.writeHead(404).end();
  const rows = measurements.all(municipalityId, decodeURIComponent(match[1]));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ measurements: rows }));
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
