import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devToken } from '../support/graphql.js';
import { startTestIssuer, type TestIssuer } from '../support/issuer.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { countRows, post } from './world.js';

const DEV_ISSUER = 'urn:helhed:dev-identity';
const DEPARTMENTS = { query: '{ departments { id name } }' };

/** A signed-in call must not answer, and must leave no audit event behind. */
async function expectRefused(server: RunningServer, token: string) {
  const audits = await countRows(server, 'audit_event');
  const r = await post(server.url, DEPARTMENTS, { authorization: `Bearer ${token}` });
  expect(r.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(r.json.data ?? null).toBeNull();
  expect(await countRows(server, 'audit_event')).toBe(audits);
}

describe('tokens in dev mode', () => {
  let server: RunningServer;
  let municipality: string;
  let valid: string;
  beforeAll(async () => {
    server = await startServer();
    valid = await devToken(server.url, { role: 'COORDINATOR' });
    municipality = JSON.parse(
      Buffer.from(valid.split('.')[1] as string, 'base64url').toString(),
    ).municipality;
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });
  const claims = () => ({ sub: 'attacker', role: 'COORDINATOR', municipality });

  it('accepts the issuer’s own token', async () => {
    const r = await post(server.url, DEPARTMENTS, { authorization: `Bearer ${valid}` });
    expect(r.json.data?.departments).toHaveLength(6);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [h, , s] = valid.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims(), role: 'ADMIN' })).toString('base64url');
    await expectRefused(server, `${h}.${forged}.${s}`);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ ...claims(), iss: DEV_ISSUER, aud: 'helhed-api', exp: Date.now() / 1000 + 600 }),
    ).toString('base64url');
    await expectRefused(server, `${none}.${body}.`);
  });

  it('refuses a token signed with another ES256 key under the same issuer and key id', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
      .setIssuer(DEV_ISSUER)
      .setAudience('helhed-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefused(server, token);
  });

  it('refuses an expired token signed with the real dev key', async () => {
    const pair = JSON.parse(readFileSync(join(server.dataDir, 'dev-signing-key.json'), 'utf8')) as {
      privateJwk: JWK;
    };
    const key = await importJWK(pair.privateJwk, 'ES256');
    const sign = (exp: number) =>
      new SignJWT(claims())
        .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
        .setIssuer(DEV_ISSUER)
        .setAudience('helhed-api')
        .setIssuedAt(exp - 3600)
        .setExpirationTime(exp)
        .sign(key);
    const now = Math.floor(Date.now() / 1000);
    // The same key and claims with a future expiry are accepted: only the expiry differs.
    const fresh = await post(server.url, DEPARTMENTS, { authorization: `Bearer ${await sign(now + 600)}` });
    expect(fresh.json.data?.departments).toHaveLength(6);
    await expectRefused(server, await sign(now - 60));
  });

  it('refuses a token with the wrong audience and a malformed Authorization header', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await expectRefused(
      server,
      await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256' }).setAudience('other').sign(privateKey),
    );
    const r = await post(server.url, DEPARTMENTS, { authorization: 'Basic abc' });
    expect(r.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('production mode with an OIDC issuer', () => {
  let server: RunningServer;
  let idp: TestIssuer;
  let sign: TestIssuer['sign'];
  beforeAll(async () => {
    idp = await startTestIssuer('helhed-test');
    sign = idp.sign;
    server = await startServer({ HELHED_PRODUCTION: 'true', NODE_ENV: 'production', ...idp.env });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
    await idp?.close();
  });

  it('answers 404 to POST /auth/dev-token and refuses a dev-issuer token', async () => {
    const response = await fetch(`${server.url}/auth/dev-token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'ADMIN' }),
    });
    expect(response.status).toBe(404);
    const { privateKey } = await generateKeyPair('ES256');
    const dev = await new SignJWT({ sub: 'x', role: 'ADMIN', municipality: 'm' })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
      .setIssuer(DEV_ISSUER)
      .setAudience('helhed-api')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefused(server, dev);
  });

  it('accepts a token from the configured issuer (empty tenant: no departments)', async () => {
    const ok = await post(server.url, DEPARTMENTS, {
      authorization: `Bearer ${await sign({ sub: 's1', role: 'ADMIN', municipality: 'm' })}`,
    });
    expect(ok.json).toEqual({ data: { departments: [] } });
  });

  it('has introspection off and hides field suggestions', async () => {
    const auth = { authorization: `Bearer ${await sign({ sub: 's2', role: 'ADMIN', municipality: 'm' })}` };
    const schema = await post(server.url, { query: '{ __schema { types { name } } }' }, auth);
    expect(schema.json.data ?? null).toBeNull();
    expect(schema.json.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(server.url, { query: '{ departmnts { id } }' }, auth);
    expect(JSON.stringify(typo.json)).not.toMatch(/Did you mean|"departments"/);
  });

  it('answers refusals with a code only (no stack, no SQL) and serves no GraphiQL', async () => {
    const auth = { authorization: `Bearer ${await sign({ sub: 's3', role: 'ADMIN', municipality: 'm' })}` };
    const r = await post(server.url, { query: '{ citizen(id: "x") { id } }' }, auth);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r.json)).not.toMatch(/stack|SQLITE|select |at .*\.js/i);
    expect(server.output()).not.toMatch(/GraphiQL/);
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toMatch(/graphiql/i);
  });
});
