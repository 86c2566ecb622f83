import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface VendorPortal {
  url: string;
  close(): Promise<void>;
}

export interface VendorPortalOptions {
  api: string;
  citizenId: string;
  planId: string;
  claims: Record<string, string>;
  scripts: string[];
}

/**
 * A vendor's portal on its own origin: serves tests/vendor/portal.html with or without our
 * widget scripts (every widget, each by one script tag), and a `/vendor-token` backend route that obtains a token for one citizen from
 * the API server to server, as a case system would.
 */
export async function startVendorPortal(options: VendorPortalOptions): Promise<VendorPortal> {
  // Options are read per request: the API's address is only known after the portal's.
  const template = readFileSync(new URL('../vendor/portal.html', import.meta.url), 'utf8');
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/vendor-token' && req.method === 'POST') {
      const response = await fetch(`${options.api}/auth/dev-token`, {
        method: 'POST',
        body: JSON.stringify(options.claims),
      });
      res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
      return;
    }
    const withWidgets = !req.url?.startsWith('/without-widgets');
    const scripts = withWidgets
      ? options.scripts.map((s) => `<script type="module" src="${s}"></script>`).join('\n    ')
      : '';
    const html = template
      .replace('<!--WIDGET_SCRIPTS-->', scripts)
      .replaceAll('{{API}}', options.api)
      .replaceAll('{{CITIZEN}}', options.citizenId)
      .replaceAll('{{PLAN}}', options.planId);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
