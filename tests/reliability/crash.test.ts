import { afterAll, describe, expect, it } from 'vitest';
import { peek } from '../support/database.js';
import { callerFor } from '../support/graphql.js';
import { removeDir, startServer, testOnPostgres } from '../support/server.js';

// Enough cycles to mean something within CI's time; raise CRASH_CYCLES for a longer soak.
const CYCLES = Number(process.env.CRASH_CYCLES ?? 8);
const CLIENTS = 4;
const RECORD = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

interface Fixture {
  citizenId: string;
  departmentId: string;
}

async function fixture(url: string): Promise<Fixture> {
  const admin = await callerFor(url, { role: 'ADMIN' });
  const departments = await admin.run<{ departments: { id: string; kind: string }[] }>(
    '{ departments { id kind } }',
  );
  const departmentId = departments.data?.departments.find((d) => d.kind === 'HEALTH')?.id as string;
  const professional = await callerFor(url, { role: 'PROFESSIONAL', departmentId });
  const created = await professional.run<{ createCitizen: { id: string } }>(
    'mutation($input: CreateCitizenInput!) { createCitizen(input: $input) { id } }',
    { input: { displayName: 'Crash Borger', birthYear: 1970 } },
  );
  return { citizenId: created.data?.createCitizen.id as string, departmentId };
}

/** Writes as fast as it can until the server dies; returns the keys the server acknowledged. */
async function writeUntilKilled(
  url: string,
  fx: Fixture,
  token: string,
  client: number,
  cycle: number,
): Promise<{ acked: string[]; sent: string[] }> {
  const acked: string[] = [];
  const sent: string[] = [];
  for (let i = 0; ; i++) {
    const key = `crash-${cycle}-${client}-${i}`;
    sent.push(key);
    const values = [i % 11, (i + 3) % 11, (i + 5) % 11, (i + 7) % 11];
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: RECORD,
          variables: {
            input: {
              idempotencyKey: key,
              citizenId: fx.citizenId,
              departmentId: fx.departmentId,
              instrumentKey: 'outcome',
              respondentRole: 'CITIZEN',
              occurredAt: new Date(Date.now() - 1000).toISOString(),
              values,
            },
          },
        }),
      });
      const body = (await response.json()) as { data?: { recordMeasurement?: { id: string } } };
      if (body.data?.recordMeasurement?.id) acked.push(key);
      else throw new Error(`not acknowledged: ${JSON.stringify(body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('not acknowledged')) throw error;
      return { acked, sent }; // the connection died with the server
    }
  }
}

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged measurement exactly once over ${CYCLES} crash cycles`, async () => {
    let server = await startServer();
    dirs.push(server.dataDir);
    const fx = await fixture(server.url);
    const allAcked = new Set<string>();
    const allSent = new Set<string>();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const professional = await callerFor(server.url, {
        role: 'PROFESSIONAL',
        departmentId: fx.departmentId,
      });
      const writers = Array.from({ length: CLIENTS }, (_, c) =>
        writeUntilKilled(server.url, fx, professional.token, c, cycle),
      );
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 600));
      server.process.kill('SIGKILL');
      for (const { acked, sent } of await Promise.all(writers)) {
        for (const k of acked) allAcked.add(k);
        for (const k of sent) allSent.add(k);
      }
      await new Promise<void>((resolve) =>
        server.process.exitCode !== null || server.process.signalCode
          ? resolve()
          : server.process.once('exit', () => resolve()),
      );
      // The same database again: the file in dataDir, or the same PostgreSQL database.
      server = await startServer({}, server.dataDir, server.databaseUrl ?? null);
    }
    await server.stop();

    const db = await peek(server);
    if (!testOnPostgres) {
      const [check] = await db.all<{ integrity_check: string }>('pragma integrity_check');
      expect(check?.integrity_check).toBe('ok');
    }
    const rows = await db.all<{ key: string; total: number; items: string | number[] }>(
      "select idempotency_key as key, total, item_values as items from measurement where idempotency_key like 'crash-%'",
    );
    const audits = Number(
      (
        await db.one<{ n: number | string }>(
          "select count(*) as n from audit_event where action = 'recordMeasurement'",
        )
      ).n,
    );
    await db.close();
    const stored = new Map<string, number>();
    for (const r of rows) stored.set(r.key, (stored.get(r.key) ?? 0) + 1);
    const missing = [...allAcked].filter((k) => stored.get(k) !== 1);
    console.log(
      `crash cycles ${CYCLES} (${testOnPostgres ? 'PostgreSQL' : 'SQLite'}): ${allSent.size} sent, ${allAcked.size} acknowledged, ${rows.length} stored, ${missing.length} acknowledged but missing`,
    );
    expect(allAcked.size).toBeGreaterThan(CYCLES * 10);
    expect(missing).toEqual([]);
    // Unacknowledged writes either committed whole or not at all: no stray keys, no broken rows.
    for (const r of rows) {
      expect(allSent.has(r.key)).toBe(true);
      // SQLite stores the items as JSON text, PostgreSQL as jsonb.
      const items = (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as number[];
      expect(items).toHaveLength(4);
      expect(items.reduce((a, b) => a + b, 0)).toBe(r.total);
    }
    // Each stored measurement committed with its audit event in the same transaction.
    expect(audits).toBeGreaterThanOrEqual(rows.length);
  }, 240_000);
});
