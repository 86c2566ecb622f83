import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('keeps the demo conveniences off unless asked for: port 4600, the file under data/', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.demo).toBe(false);
    expect(config.devAuth).toBe(false);
    expect(loadConfig({ HELHED_DEMO: 'true' })).toMatchObject({ demo: true, devAuth: true });
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
    const oidc = {
      OIDC_ISSUER: 'https://idp.example/',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
      OIDC_AUDIENCE: 'helhed',
    };
    expect(loadConfig({ NODE_ENV: 'production', ...oidc }).devAuth).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_AUTH: 'true', ...oidc })).toThrow(ConfigError);
    expect(() => loadConfig({ HELHED_PRODUCTION: 'true' })).toThrow(/OIDC_ISSUER/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example/' })).toThrow(/together/);
  });

  it('refuses the demo next to a real issuer, in production or on a non-loopback address', () => {
    const oidc = {
      OIDC_ISSUER: 'https://idp.example/',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
      OIDC_AUDIENCE: 'helhed',
    };
    expect(() => loadConfig({ HELHED_DEMO: 'true', ...oidc })).toThrow(/cannot be combined with OIDC_ISSUER/);
    expect(() => loadConfig({ DEV_AUTH: 'true', ...oidc })).toThrow(/cannot be combined with OIDC_ISSUER/);
    expect(() => loadConfig({ HELHED_DEMO: 'true', HOST: '0.0.0.0' })).toThrow(/HELHED_ALLOW_REMOTE_DEMO/);
    expect(loadConfig({ HELHED_DEMO: 'true', HOST: '0.0.0.0', HELHED_ALLOW_REMOTE_DEMO: 'true' }).demo).toBe(
      true,
    );
    expect(loadConfig({ HELHED_DEMO: 'true', HOST: '::1' }).demo).toBe(true);
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_JWKS_URL: oidc.OIDC_JWKS_URL })).toThrow(
      /OIDC_AUDIENCE/,
    );
  });
});
