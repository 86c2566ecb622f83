import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the demo: dev auth on, port 4600, the file under data/', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.devAuth).toBe(true);
    expect(config.port).toBe(4600);
    expect(config.databaseFile).toMatch(/data\/helhed\.sqlite$/);
    expect(config.databaseUrl).toBeNull();
  });

  it('takes PostgreSQL from DATABASE_URL and refuses a URL of another kind', () => {
    const url = 'postgres://helhed:secret@db.example:5432/helhed';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example/helhed' }).databaseUrl).toMatch(
      /^postgresql:/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db.example/helhed' })).toThrow(/DATABASE_URL/);
  });

  it('turns the dev identity provider off in production and refuses to turn it on', () => {
    const oidc = { OIDC_ISSUER: 'https://idp.example/', OIDC_JWKS_URL: 'https://idp.example/jwks' };
    expect(loadConfig({ NODE_ENV: 'production', ...oidc }).devAuth).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_AUTH: 'true', ...oidc })).toThrow(ConfigError);
    expect(() => loadConfig({ HELHED_PRODUCTION: 'true' })).toThrow(/OIDC_ISSUER/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example/' })).toThrow(/together/);
  });
});
