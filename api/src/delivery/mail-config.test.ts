import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const smtp = { SMTP_URL: 'smtp://mail.kommune.example:587', MAIL_FROM: 'Helhed <no-reply@kommune.example>' };

describe('mail configuration', () => {
  it('turns e-mail off outside demo mode without SMTP_URL, and uses the mailbox in the demo', () => {
    expect(loadConfig({}).mail).toMatchObject({ mode: 'OFF', smtpUrl: null, dailyHour: 7 });
    expect(loadConfig({ HELHED_DEMO: 'true' }).mail).toMatchObject({
      mode: 'MAILBOX',
      publicUrl: 'http://127.0.0.1:4600/',
    });
  });

  it('takes smtp:// and smtps:// with a sender and a public URL', () => {
    const mail = loadConfig({ ...smtp, PUBLIC_URL: 'https://helhed.kommune.example' }).mail;
    expect(mail).toMatchObject({
      mode: 'SMTP',
      publicUrl: 'https://helhed.kommune.example/',
      requireTls: false,
    });
    expect(
      loadConfig({ ...smtp, SMTP_URL: 'smtps://u:p@mail.kommune.example', PUBLIC_URL: 'https://h.example/' })
        .mail.mode,
    ).toBe('SMTP');
  });

  it('refuses to start on an SMTP_URL that does not parse or has another scheme, without echoing it', () => {
    const attempt = (SMTP_URL: string) => () => loadConfig({ ...smtp, SMTP_URL, HELHED_DEMO: 'true' });
    expect(attempt('not a url')).toThrow(ConfigError);
    expect(attempt('not a url')).toThrow(/SMTP_URL does not parse/);
    expect(attempt('http://user:hunter2@mail.example')).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(attempt('http://user:hunter2@mail.example')).not.toThrow(/hunter2/);
    expect(attempt('smtp://')).toThrow(ConfigError);
  });

  it('refuses SMTP without a sender address, and outside the demo without PUBLIC_URL', () => {
    expect(() => loadConfig({ SMTP_URL: smtp.SMTP_URL, PUBLIC_URL: 'https://h.example/' })).toThrow(
      /MAIL_FROM is required/,
    );
    // The demo sends as a placeholder address when none is given.
    expect(loadConfig({ SMTP_URL: smtp.SMTP_URL, HELHED_DEMO: 'true' }).mail.from).toMatch(
      /@helhed\.invalid>$/,
    );
    expect(() => loadConfig({ ...smtp, MAIL_FROM: 'nobody', HELHED_DEMO: 'true' })).toThrow(/MAIL_FROM must/);
    expect(() => loadConfig(smtp)).toThrow(/PUBLIC_URL is required/);
    expect(() => loadConfig({ ...smtp, PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL must/);
  });

  it('requires STARTTLS for smtp:// in production', () => {
    const production = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://idp.example/',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
      OIDC_AUDIENCE: 'helhed',
      PUBLIC_URL: 'https://helhed.kommune.example/',
    };
    expect(loadConfig({ ...production, ...smtp }).mail.requireTls).toBe(true);
  });

  it('takes the daily hour between 0 and 23', () => {
    expect(loadConfig({ DAILY_REMINDER_HOUR: '6' }).mail.dailyHour).toBe(6);
    expect(() => loadConfig({ DAILY_REMINDER_HOUR: '24' })).toThrow(/DAILY_REMINDER_HOUR/);
  });
});
