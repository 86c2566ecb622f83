import type { ServerResponse } from 'node:http';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outboxMessage } from '../db/tables.js';
import { DEMO_MAILBOX } from './mailbox-sender.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Escapes the text, then turns http(s) links into anchors, so an invitation can be opened. */
export function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * GET /demo/mailbox (demo mode only): what would have been e-mailed, newest first. The demo's
 * people are fictional; a real deployment never serves this page (server.ts answers 404).
 */
export async function serveMailbox(db: Db, res: ServerResponse): Promise<void> {
  const rows = await db
    .select()
    .from(outboxMessage)
    .where(and(eq(outboxMessage.channel, DEMO_MAILBOX), eq(outboxMessage.status, 'SENT')))
    .orderBy(desc(outboxMessage.sentAt), desc(outboxMessage.createdAt))
    .limit(200);
  const items = rows
    .map(
      (m) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To <span class="to">${escapeHtml(m.recipient)}</span> · ${m.sentAt?.toISOString() ?? ''} · ${escapeHtml(m.kind)}</p>
  <pre>${linkify(m.body)}</pre>
</article>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo mailbox · Helhed</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
article{border:1px solid #bbb;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
.meta{color:#444;font-size:.9rem}pre{white-space:pre-wrap;font:inherit}a{color:#0645ad}</style></head>
<body><main><h1>Demo mailbox</h1>
<p>What Helhed would have e-mailed, newest first. Demo mode only: nothing left this machine.</p>
${items || '<p>No messages yet.</p>'}
</main></body></html>`;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}
