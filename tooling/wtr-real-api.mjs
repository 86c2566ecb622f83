import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const servedPaths = new Set(['/graphql', '/auth/dev-token', '/auth/dev-identities']);

/**
 * A @web/test-runner plugin and middleware that serve the real Helhed API (built `@helhed/api`, a fresh SQLite
 * file seeded with the demo municipality, the dev identity provider) on the test server's own
 * origin, so component tests talk to the real thing at `/graphql`, `/auth/dev-token` and
 * `/auth/dev-identities` (which names the demo's citizens, e.g. to find the seeded family plan).
 */
export function realApi() {
  let app;
  let dir;
  /** Koa middleware, placed before the dev server's static files by `middleware`. */
  const middleware = async (ctx, next) => {
    if (!app || !servedPaths.has(ctx.path)) return next();
    ctx.respond = false;
    await app.handle(ctx.req, ctx.res);
  };
  const plugin = {
    name: 'helhed-real-api',
    async serverStart() {
      const { loadConfig } = await import('@helhed/api/config');
      const { createApp } = await import('@helhed/api/app');
      dir = mkdtempSync(join(tmpdir(), 'helhed-wtr-api-'));
      const config = loadConfig({
        DATABASE_FILE: join(dir, 'helhed.sqlite'),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        HELHED_DEMO: 'true',
      });
      app = await createApp(config, { seed: true });
    },
    async serverStop() {
      app?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return { plugin, middleware };
}
