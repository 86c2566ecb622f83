/**
 * Baseline (a): the least a GraphQL write can cost here. graphql-yoga with one mutation that
 * inserts one row, in SQLite with the API's pragmas (WAL, synchronous=FULL), one commit per
 * request. Run as its own process: `node --import tsx bench/baseline-yoga.ts <sqlite file>`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { createSchema, createYoga } from 'graphql-yoga';

const file = process.argv[2];
if (!file) throw new Error('Give the SQLite file to write to.');
const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
sqlite.exec(`CREATE TABLE IF NOT EXISTS bench_note (
  id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, value INTEGER NOT NULL, at INTEGER NOT NULL)`);
const insert = sqlite.prepare('INSERT INTO bench_note (id, idempotency_key, value, at) VALUES (?, ?, ?, ?)');

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query { ok: Boolean! }
      type Mutation { addNote(idempotencyKey: String!, value: Int!): ID! }
    `,
    resolvers: {
      Query: { ok: () => true },
      Mutation: {
        addNote: (_: unknown, args: { idempotencyKey: string; value: number }) => {
          const id = randomUUID();
          insert.run(id, args.idempotencyKey, args.value, Date.now());
          return id;
        },
      },
    },
  }),
  graphiql: false,
  landingPage: false,
  maskedErrors: true,
  logging: false,
});

const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  console.log(`listening at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
