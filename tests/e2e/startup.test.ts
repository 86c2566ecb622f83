import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/graphql.js';
import { apiMain, removeDir, startServer } from '../support/server.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'helhed-startup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) removeDir(d);
});

/** Runs main.js to completion (it exits on a start-up error) and returns what it said. */
function startExpectingFailure(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [apiMain], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('starting the API', () => {
  it('names PORT when the port is already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { status, output } = startExpectingFailure({
      PORT: String(port),
      DATABASE_FILE: join(tempDir(), 'db.sqlite'),
    });
    blocker.close();
    expect(status).toBe(1);
    expect(output).toContain(`Port ${port} is already in use`);
    expect(output).toContain('PORT=');
  });

  it('stops on a corrupt database file with a clear message and never overwrites it', () => {
    const file = join(tempDir(), 'db.sqlite');
    writeFileSync(file, 'not a database at all; keep me');
    const { status, output } = startExpectingFailure({ DATABASE_FILE: file, PORT: '0' });
    expect(status).toBe(1);
    expect(output).toMatch(/Helhed cannot start: Database file .* is corrupt/);
    expect(readFileSync(file, 'utf8')).toBe('not a database at all; keep me');
  });

  it('refuses an SMTP_URL of another scheme, without printing it (it may hold a password)', () => {
    const { status, output } = startExpectingFailure({
      DATABASE_FILE: join(tempDir(), 'db.sqlite'),
      PORT: '0',
      SMTP_URL: 'http://mailer:hunter2@mail.example',
      MAIL_FROM: 'no-reply@kommune.example',
    });
    expect(status).toBe(1);
    expect(output).toContain('Helhed cannot start: SMTP_URL must use smtp:// or smtps://');
    expect(output).not.toContain('hunter2');
  });

  it('seeds the demo once: a second start reuses the data without duplicates', async () => {
    const dir = tempDir();
    const count = async (url: string) => {
      const admin = await callerFor(url, { role: 'ADMIN' });
      const result = await admin.run<{ departments: { id: string }[] }>('{ departments { id } }');
      return result.data?.departments.map((d) => d.id).sort();
    };
    const first = await startServer({}, dir);
    expect(first.output()).toContain('Seeded Demo Kommune');
    const before = await count(first.url);
    const earlier = await callerFor(first.url, { role: 'ADMIN' });
    await first.stop();
    const second = await startServer({}, dir);
    expect(second.output()).toContain('Using existing data');
    expect(second.output()).not.toContain('Seeded');
    expect(await count(second.url)).toEqual(before);
    // A token issued before the restart still works: the dev key is kept beside the database.
    const response = await fetch(`${second.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${earlier.token}` },
      body: JSON.stringify({ query: '{ departments { id } }' }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    await second.stop();
  });
});
