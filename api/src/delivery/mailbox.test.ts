import { afterEach, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../domain/messages/outbox.js';
import { startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const now = new Date('2026-03-02T09:00:00Z');

describe('the demo mailbox', () => {
  it('shows what would have been sent, newest first, with clickable links and escaped text', async () => {
    api = await startTestApi({}, { now: () => now });
    expect(api.app.delivery.emailEnabled).toBe(true);
    const empty = await fetch(`${api.url}/demo/mailbox`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('No messages yet.');
    const message = {
      municipalityId: 'm',
      kind: 'INVITATION' as const,
      recipient: 'parent@example.dk',
      text: 'Open https://helhed.example/i/abc <b>now</b>',
    };
    await enqueueMessage(api.app.db, { ...message, subject: 'First', dedupeKey: 'a' }, now);
    await enqueueMessage(
      api.app.db,
      { ...message, subject: 'Second', dedupeKey: 'b', notBefore: now },
      new Date(now.getTime() + 1000),
    );
    // The worker wakes on the enqueue; the page lists a message once it is "sent".
    let page = '';
    for (let waited = 0; !page.includes('Second') || !page.includes('First'); waited += 50) {
      if (waited > 10_000) throw new Error('the mailbox never showed the messages');
      await new Promise((r) => setTimeout(r, 50));
      page = await (await fetch(`${api.url}/demo/mailbox`)).text();
    }
    expect(page).toContain('<a href="https://helhed.example/i/abc">https://helhed.example/i/abc</a>');
    expect(page).toContain('&lt;b&gt;now&lt;/b&gt;');
    expect(page.indexOf('Second')).toBeLessThan(page.indexOf('First'));
  });

  it('does not exist outside demo mode, where e-mail without SMTP_URL is off', async () => {
    api = await startTestApi({ HELHED_DEMO: 'false' });
    expect((await fetch(`${api.url}/demo/mailbox`)).status).toBe(404);
    expect(api.app.delivery.emailEnabled).toBe(false);
    expect(api.app.delivery.worker).toBeNull();
  });

  it('does not exist when the demo sends through a real SMTP server', async () => {
    api = await startTestApi({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'no-reply@kommune.example' });
    expect((await fetch(`${api.url}/demo/mailbox`)).status).toBe(404);
    expect(api.app.delivery.emailEnabled).toBe(true);
  });
});
