import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, outputDir } from '../support/browser.js';
import { callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { startVendorPortal, type VendorPortal, type VendorPortalOptions } from '../support/vendor-portal.js';

let server: RunningServer;
let portal: VendorPortal;
let browser: Browser;
const options: VendorPortalOptions = { api: '', citizenId: '', claims: {}, scripts: [] };

beforeAll(async () => {
  portal = await startVendorPortal(options);
  server = await startServer({ CORS_ORIGINS: portal.url });
  const admin = await callerFor(server.url, { role: 'ADMIN' });
  const departments = await admin.run<{ departments: { id: string; kind: string }[] }>(
    '{ departments { id kind } }',
  );
  const employment = departments.data?.departments.find((d) => d.kind === 'EMPLOYMENT')?.id as string;
  const professional = await callerFor(server.url, { role: 'PROFESSIONAL', departmentId: employment });
  const created = await professional.run<{ createCitizen: { id: string } }>(
    'mutation($input: CreateCitizenInput!) { createCitizen(input: $input) { id } }',
    { input: { displayName: 'Portal Borger', birthYear: 1984 } },
  );
  const citizenId = created.data?.createCitizen.id as string;
  const sessions = [
    [4, 4, 4, 4],
    [4.5, 5, 5, 4.5],
    [5.5, 6, 6, 5.5],
  ];
  for (const [i, values] of sessions.entries()) {
    const recorded = await professional.run(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          citizenId,
          departmentId: employment,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: new Date(Date.now() - (30 - i * 10) * 86_400_000).toISOString(),
          session: i + 1,
          values,
        },
      },
    );
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
  }
  Object.assign(options, {
    api: server.url,
    citizenId,
    claims: { role: 'PROFESSIONAL', departmentId: employment },
    // The same widget twice, as happens when two parts of a portal each include it.
    scripts: [`${server.url}/mfe-progress/embed.js`, `${server.url}/mfe-progress/embed.js?again`],
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await server?.stop();
  removeDir(server.dataDir);
});

/** Opens the portal, recording scripts loaded, custom element definitions and page errors. */
async function openPortal(path = '/') {
  const page = await browser.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const defined: string[] = [];
    (window as unknown as { __defined: string[] }).__defined = defined;
    const original = customElements.define.bind(customElements);
    customElements.define = (name, ctor, opts) => {
      defined.push(name);
      original(name, ctor, opts);
    };
  });
  await page.goto(`${portal.url}${path}`);
  return { page, scripts, errors };
}

const vendorStyles = (page: Page) =>
  page.evaluate(() => {
    const pick = (s: CSSStyleDeclaration) => ({
      color: s.color,
      font: s.fontFamily,
      size: s.fontSize,
      spacing: s.letterSpacing,
      box: s.boxSizing,
    });
    return {
      note: pick(getComputedStyle(document.querySelector('.vendor-note') as Element)),
      heading: pick(getComputedStyle(document.querySelector('h1') as Element)),
      body: pick(getComputedStyle(document.body)),
    };
  });

describe('widgets on a vendor portal that has never heard of single-spa', () => {
  it('render data from the API across origins with one script tag each', async () => {
    const { page, errors } = await openPortal();
    const catalog = page.locator('helhed-instrument-catalog');
    await expect
      .poll(() => catalog.locator('li.instrument').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(7);
    const chart = page.locator('helhed-progress-chart');
    await expect.poll(() => chart.locator('table tbody tr').count(), { timeout: 15_000 }).toBe(3);
    await page.screenshot({ path: join(outputDir, 'vendor-portal.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('share one kit and one Lit, define each element once, and survive being loaded twice', async () => {
    const { page, scripts, errors } = await openPortal();
    await expect
      .poll(() => page.locator('helhed-instrument-catalog li.instrument').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(scripts.filter((s) => s.startsWith('/mfe-progress/embed.js'))).toHaveLength(2);
    expect(scripts.filter((s) => s === '/kit/kit.embed.js')).toHaveLength(1);
    expect(scripts.filter((s) => s === '/vendor/lit.js')).toHaveLength(1);
    const defined = await page.evaluate(() => (window as unknown as { __defined: string[] }).__defined);
    expect(defined).toContain('helhed-progress-chart');
    expect(new Set(defined).size).toBe(defined.length);
    expect(errors).toEqual([]);
  });

  it('keep our styles in and the vendor’s out', async () => {
    const control = await openPortal('/without-widgets');
    const before = await vendorStyles(control.page);
    const { page } = await openPortal();
    await expect
      .poll(() => page.locator('helhed-instrument-catalog li.instrument').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Ours do not leak out: the vendor's own elements look exactly as without the widgets.
    expect(await vendorStyles(page)).toEqual(before);
    // Theirs do not leak in: the vendor's `h2, p { … !important }` rules stop at the shadow root.
    const inside = await page.locator('helhed-instrument-catalog h2').evaluate((h) => {
      const s = getComputedStyle(h);
      return {
        color: s.color,
        size: s.fontSize,
        transform: s.textTransform,
        box: getComputedStyle(h).boxSizing,
      };
    });
    expect(inside.color).not.toBe('rgb(200, 0, 0)');
    expect(inside.size).not.toBe('30px');
    expect(inside.transform).toBe('none');
    expect(inside.box).toBe('border-box');
    // Theming goes through the public --helhed-* properties.
    const primary = await page
      .locator('helhed-progress-chart')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--_h-color-primary').trim());
    expect(primary).toBe('rgb(0, 100, 0)');
  });

  it('is refused data from an origin the API does not list', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
    const allowed = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: portal.url, 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(portal.url);
  });
});
