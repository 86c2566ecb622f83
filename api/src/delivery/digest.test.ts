import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { createLogger } from '../observability/logger.js';
import { demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';
import { enqueueDigests } from './digest.js';

/**
 * The daily digest through the real API (demo seed, mailbox mode) with a pinned clock: 06:00 in
 * Copenhagen at start, so nothing runs until the test moves the clock past 07:00.
 */
let api: TestApi;
let clock = new Date('2026-03-02T05:00:00Z');
const sevenFive = (day: string) => new Date(`${day}T06:05:00Z`); // 07:05 Copenhagen (winter time)

type Digest = {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  dedupe_key: string;
  status: string;
};
const digests = () =>
  sqliteOf(api.app.db)
    .prepare("select * from outbox_message where kind = 'DIGEST' order by dedupe_key")
    .all() as Digest[];
const staff = () =>
  sqliteOf(api.app.db).prepare('select id, department_id, email from professional order by id').all() as {
    id: string;
    department_id: string;
    email: string | null;
  }[];

beforeAll(async () => {
  api = await startTestApi({}, { now: () => clock });
  const db = sqliteOf(api.app.db);
  for (const [i, p] of staff().entries()) {
    db.prepare('update professional set email = ? where id = ?').run(`staff${i}@kommune.example`, p.id);
  }
});
afterAll(() => api?.close());

describe('the daily digest', () => {
  it('runs nothing before the hour', async () => {
    expect(await api.app.delivery.daily?.tick()).toBe(false);
    expect(digests()).toEqual([]);
  });

  it('gives each professional the counts per reason their caseload shows, a link, and no names', async () => {
    clock = sevenFive('2026-03-02');
    expect(await api.app.delivery.daily?.tick()).toBe(true);
    const jobcentre = demoDepartments(api.app).EMPLOYMENT as string;
    const token = await api.token({ role: 'PROFESSIONAL', departmentId: jobcentre });
    const caseload = await api.gql<{ caseload: { counts: { kind: string; citizens: number }[] } }>(
      token,
      '{ caseload { counts { kind citizens } } }',
    );
    const counts = caseload.data?.caseload.counts.filter((c) => c.citizens > 0) ?? [];
    expect(counts.length).toBeGreaterThan(0);
    const professional = staff().find((p) => p.department_id === jobcentre);
    const digest = digests().find((d) => d.dedupe_key === `digest:${professional?.id}:2026-03-02`);
    expect(digest).toMatchObject({ recipient: professional?.email });
    const lines = digest?.body.split('\n').filter((l) => l.startsWith('- ')) ?? [];
    expect(lines.map((l) => Number(l.split(': ')[1]?.split(' ')[0]))).toEqual(counts.map((c) => c.citizens));
    expect(digest?.body).toContain('http://127.0.0.1:4600/');
    const names = sqliteOf(api.app.db).prepare('select display_name as n from citizen').all() as {
      n: string;
    }[];
    for (const d of digests()) for (const { n } of names) expect(d.body).not.toContain(n.split(' ')[0]);
  });

  it('is produced once a day, however many times or instances run the job', async () => {
    const before = digests().map((d) => d.id);
    expect(before.length).toBeGreaterThan(0);
    expect(await api.app.delivery.daily?.tick()).toBe(false);
    // A second instance's run the same day: the dedupe keys keep one digest each.
    const parts = {
      instruments: await instrumentsOf(),
      publicUrl: 'http://x/',
      logger: createLogger('silent'),
    };
    await enqueueDigests(api.app.db, parts, new Date(clock.getTime() + 3_600_000));
    expect(digests().map((d) => d.id)).toEqual(before);
  });

  it('leaves out a professional who opted out, and the others get the next day’s', async () => {
    const jobcentre = demoDepartments(api.app).EMPLOYMENT as string;
    const professional = staff().find((p) => p.department_id === jobcentre);
    // Sign-in links the staff record to the person's subject; the demo's token has this one.
    sqliteOf(api.app.db)
      .prepare('update professional set subject = ? where id = ?')
      .run(`dev:professional:${jobcentre}`, professional?.id);
    const token = await api.token({ role: 'PROFESSIONAL', departmentId: jobcentre });
    const off = await api.gql<{ setReminderChoice: { kind: string; enabled: boolean }[] }>(
      token,
      'mutation { setReminderChoice(input: { kind: DIGEST, enabled: false }) { kind enabled } }',
    );
    expect(off.data?.setReminderChoice).toEqual([{ kind: 'DIGEST', enabled: false }]);
    clock = sevenFive('2026-03-03');
    expect(await api.app.delivery.daily?.tick()).toBe(true);
    const nextDay = digests().filter((d) => d.dedupe_key.endsWith(':2026-03-03'));
    expect(nextDay.length).toBeGreaterThan(0);
    expect(nextDay.some((d) => d.dedupe_key.includes(professional?.id as string))).toBe(false);
  });

  it('reaches the demo mailbox, which lists it with its link', async () => {
    await waitUntil(() => digests().every((d) => d.status === 'SENT'));
    const page = await (await fetch(`${api.url}/demo/mailbox`)).text();
    expect(page).toContain('<a href="http://127.0.0.1:4600/">');
    expect(page.match(/<article>/g)?.length).toBe(digests().length);
  });
});

async function instrumentsOf() {
  const { createInstrumentCatalog } = await import('../domain/instrument-catalog.js');
  return createInstrumentCatalog([], () => 'demo');
}

async function waitUntil(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
