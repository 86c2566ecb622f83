import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import type { TestIssuer } from './issuer.js';

/**
 * A municipality's own intranet on its own origin, as a production deployment embeds Helhed
 * (docs/embedding.md): each page loads a widget with one script tag from the API's origin and
 * hands it a `tokenProvider` that asks the intranet's backend (`POST /token`) for a token. The
 * backend signs for the person of the browser's session cookie (`signIn`), as the municipality's
 * identity provider would.
 *
 * Pages: `/admin` (helhed-admin) and `/plan-start?family=<id>` (helhed-plan-start).
 */
export interface Intranet {
  url: string;
  /** Starts a session for a person: the cookie the browser sends (`session=<id>`). */
  signIn(claims: JWTPayload): { name: string; value: string; url: string };
  close(): Promise<void>;
}

export async function startIntranet(issuer: TestIssuer, api: () => string): Promise<Intranet> {
  const sessions = new Map<string, JWTPayload>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://intranet');
    if (url.pathname === '/token' && req.method === 'POST') {
      const session = /(?:^|;\s*)session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      const claims = session ? sessions.get(session) : undefined;
      if (!claims) return void res.writeHead(401).end();
      const token = await issuer.sign(claims);
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
    }
    const widget = pageWidget(url);
    if (!widget) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(api(), widget));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    signIn: (claims) => {
      const value = crypto.randomUUID();
      sessions.set(value, claims);
      return { name: 'session', value, url };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const idOnly = (s: string) => s.replace(/[^\w-]/g, '');

function pageWidget(url: URL): string | null {
  if (url.pathname === '/admin') return '<helhed-admin api="{{API}}/graphql"></helhed-admin>';
  if (url.pathname === '/plan-start') {
    const family = idOnly(url.searchParams.get('family') ?? '');
    return `<helhed-plan-start api="{{API}}/graphql" family-id="${family}"></helhed-plan-start>`;
  }
  return null;
}

function page(api: string, widget: string): string {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <title>Kommunens intranet</title>
    <script type="module" src="${api}/mfe-admin/embed.js"></script>
  </head>
  <body>
    <main>
      <h1>Kommunens intranet</h1>
      ${widget.replaceAll('{{API}}', api)}
    </main>
    <script type="module">
      // The intranet's backend obtains the token; the page keeps no secret.
      const tokenProvider = async () => (await (await fetch('/token', { method: 'POST' })).json()).token;
      for (const el of document.querySelectorAll('helhed-admin, helhed-plan-start')) el.tokenProvider = tokenProvider;
      // What the widgets announce, for the host (and the test) to act on.
      window.helhedEvents = [];
      for (const type of ['helhed-saved', 'helhed-plan-created', 'helhed-error'])
        document.addEventListener(type, (e) => window.helhedEvents.push({ type, detail: e.detail }));
    </script>
  </body>
</html>`;
}
