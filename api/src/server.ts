import type { IncomingMessage, ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { issueDevToken, listDevIdentities } from './access/dev-token.js';
import type { Identity } from './access/identity.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { InstrumentCatalog } from './domain/instrument-catalog.js';
import { createStatisticsRunner } from './domain/statistics/runner.js';
import { type HelhedContext, localeFrom } from './graphql/context.js';
import { unauthenticated } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { createHelhedSchema } from './graphql/schema.js';
import { createStaticHandler } from './http/static-files.js';

export interface ServerParts {
  config: Config;
  db: Db;
  identity: Identity;
  instruments: InstrumentCatalog;
  now?: () => Date;
}

const MAX_BODY_BYTES = 1_000_000;

/** Composes the API in one place: GraphQL, the dev identity provider, health and the shell. */
export function createServer(parts: ServerParts) {
  const { config, db, identity, instruments } = parts;
  const now = parts.now ?? (() => new Date());
  const statistics = { runner: createStatisticsRunner(db), minCellSize: config.statisticsMinCellSize };
  const yoga = createYoga<object, HelhedContext>({
    schema: createHelhedSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    landingPage: false,
    maskedErrors: true,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: false } : false,
    logging: config.logLevel === 'silent' ? false : config.logLevel,
    context: async ({ request }) => {
      const header = request.headers.get('authorization');
      let actor = null;
      if (header) {
        const match = /^Bearer (.+)$/i.exec(header);
        if (!match?.[1]) throw unauthenticated('Send the token as "Authorization: Bearer <token>".');
        try {
          actor = await identity.verifier.verify(match[1], request.headers.get('x-helhed-purpose'));
        } catch {
          throw unauthenticated('The token is invalid or expired.');
        }
      }
      return {
        db,
        actor,
        locale: localeFrom(request.headers.get('accept-language')),
        instruments,
        now,
        loaders: createLoaders(db),
        statistics,
      };
    },
  });
  const serveShell = createStaticHandler(config.shellDir);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') return yoga(req, res);
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/auth/dev-identities' && identity.devIssuer) return json(res, 200, listDevIdentities(db));
    if (path === '/auth/dev-token') {
      if (!identity.devIssuer)
        return json(res, 404, { error: 'The dev identity provider is off in this mode.' });
      if (req.method !== 'POST') return json(res, 405, { error: 'Use POST.' });
      const body = await readJson(req);
      if (body === undefined) return json(res, 400, { error: 'Send a JSON body.' });
      const result = await issueDevToken(db, identity.devIssuer, body);
      return result.status === 200
        ? json(res, 200, { token: result.token })
        : json(res, result.status, { error: result.error });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(res, 405, { error: 'Method not allowed.' });
    serveShell(req, res);
  };
  return { yoga, handle, close: () => statistics.runner.close() };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
