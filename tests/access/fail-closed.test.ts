import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from '../support/issuer.js';
import { apiMain, type RunningServer, removeDir, startServer } from '../support/server.js';
import { countRows, post } from './world.js';

/**
 * Issue #16 item 1 and 2: a server started as a municipality would start it (a real issuer,
 * NODE_ENV unset, no demo flag) offers none of the demo conveniences, and its tokens are
 * bound: audience, expiry, named asymmetric algorithms, bounded time, INTEGRATION departments.
 */
const DEPARTMENTS = { query: '{ departments { id } }' };
const AUDIENCE = 'helhed-kommune';

let idp: TestIssuer;
let issuer: string;
let sign: TestIssuer['sign'];
let server: RunningServer;

beforeAll(async () => {
  idp = await startTestIssuer(AUDIENCE);
  issuer = idp.url;
  sign = idp.sign;
  // NODE_ENV left empty and no HELHED_DEMO: exactly `node api/dist/main.js` with the issuer set.
  server = await startServer({ NODE_ENV: '', ...idp.env });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await idp?.close();
});

const call = async (token: string) =>
  (await post(server.url, DEPARTMENTS, { authorization: `Bearer ${token}` })).json;

describe('a start with a real issuer and NODE_ENV unset', () => {
  it('hands out no dev tokens and lists no demo people', async () => {
    const token = await fetch(`${server.url}/auth/dev-token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'ADMIN' }),
    });
    expect(token.status).toBe(404);
    const identities = await fetch(`${server.url}/auth/dev-identities`);
    expect(identities.status).toBe(404);
    expect(await identities.text()).not.toMatch(/PROFESSIONAL|departmentId/);
  });

  it('serves no GraphiQL, keeps /metrics closed and seeds no demo data', async () => {
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toMatch(/graphiql/i);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(await countRows(server, 'municipality')).toBe(0);
    expect(await countRows(server, 'citizen')).toBe(0);
  });

  it('answers introspection with an error', async () => {
    const auth = { authorization: `Bearer ${await sign({ sub: 'a', role: 'ADMIN', municipality: 'm' })}` };
    const schema = await post(server.url, { query: '{ __schema { types { name } } }' }, auth);
    expect(schema.json.data ?? null).toBeNull();
  });
});

/** Runs main.js to its end; a refused configuration exits 1 with a message. */
function startExpectingRefusal(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [apiMain], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATABASE_FILE: join(mkdtempSync(join(tmpdir(), 'helhed-refused-')), 'db.sqlite'),
      LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('contradictory configuration stops start-up', () => {
  const oidc = {
    OIDC_ISSUER: 'https://idp.example/',
    OIDC_JWKS_URL: 'https://idp.example/jwks',
    OIDC_AUDIENCE: AUDIENCE,
  };

  it('refuses the demo next to a real issuer', () => {
    const { status, output } = startExpectingRefusal({ HELHED_DEMO: 'true', ...oidc });
    expect(status).toBe(1);
    expect(output).toMatch(/Helhed cannot start: HELHED_DEMO=true cannot be combined with OIDC_ISSUER/);
    const dev = startExpectingRefusal({ DEV_AUTH: 'true', ...oidc });
    expect(dev.output).toMatch(/DEV_AUTH=true cannot be combined with OIDC_ISSUER/);
  });

  it('refuses the demo on a non-loopback address without HELHED_ALLOW_REMOTE_DEMO', () => {
    const { status, output } = startExpectingRefusal({ HELHED_DEMO: 'true', HOST: '0.0.0.0' });
    expect(status).toBe(1);
    expect(output).toMatch(/HOST=0\.0\.0\.0 .*HELHED_ALLOW_REMOTE_DEMO=true/);
  });

  it('refuses an issuer without an audience', () => {
    const { status, output } = startExpectingRefusal({
      OIDC_ISSUER: oidc.OIDC_ISSUER,
      OIDC_JWKS_URL: oidc.OIDC_JWKS_URL,
    });
    expect(status).toBe(1);
    expect(output).toMatch(/OIDC_AUDIENCE is required/);
  });
});

describe('tokens from the configured issuer', () => {
  const admin = { sub: 'admin-1', role: 'ADMIN', municipality: 'm' };

  it('accepts a well-formed token', async () => {
    expect(await call(await sign(admin))).toEqual({ data: { departments: [] } });
  });

  it('refuses a token without exp', async () => {
    const token = await sign(admin, (jwt) => jwt.setAudience(AUDIENCE));
    expect((await call(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without aud or for another audience', async () => {
    const none = await sign(admin, (jwt) => jwt.setExpirationTime('10m'));
    const other = await sign(admin, (jwt) => jwt.setAudience('another-api').setExpirationTime('10m'));
    for (const token of [none, other])
      expect((await call(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token issued in the future or valid for days, and one expired beyond the skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await sign(admin, (jwt) =>
      jwt
        .setAudience(AUDIENCE)
        .setIssuedAt(now + 600)
        .setExpirationTime(now + 1200),
    );
    const forever = await sign(admin, (jwt) => jwt.setAudience(AUDIENCE).setExpirationTime('30d'));
    const expired = await sign(admin, (jwt) =>
      jwt
        .setAudience(AUDIENCE)
        .setIssuedAt(now - 600)
        .setExpirationTime(now - 60),
    );
    for (const token of [future, forever, expired])
      expect((await call(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an HS256 token keyed with the issuer’s public key, and alg none', async () => {
    const publicJwk = await (await fetch(`${issuer}/jwks.json`)).text();
    const hs = await new SignJWT(admin)
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(publicJwk));
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ ...admin, iss: issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url');
    for (const token of [hs, `${header}.${payload}.`])
      expect((await call(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an INTEGRATION token whose departments claim is missing, empty or malformed', async () => {
    const base = { sub: 'vendor', role: 'INTEGRATION', municipality: 'm' };
    for (const departments of [undefined, [], 'EMPLOYMENT', [42], [''], {}]) {
      const token = await sign(departments === undefined ? base : { ...base, departments });
      expect({ departments, code: (await call(token)).errors?.[0]?.extensions?.code }).toEqual({
        departments,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('accepts an INTEGRATION token that names its departments, or says "*" for the municipality', async () => {
    const base = { sub: 'vendor', role: 'INTEGRATION', municipality: 'm' };
    expect((await call(await sign({ ...base, departments: ['d1'] }))).data).toEqual({ departments: [] });
    expect((await call(await sign({ ...base, departments: '*' }))).data).toEqual({ departments: [] });
  });
});
