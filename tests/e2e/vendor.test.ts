import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchBrowser, outputDir } from '../support/browser.js';
import { sorensenPlanId } from '../support/demo.js';
import { callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { startVendorPortal, type VendorPortal, type VendorPortalOptions } from '../support/vendor-portal.js';

let server: RunningServer;
let portal: VendorPortal;
let browser: Browser;
const options: VendorPortalOptions = { api: '', citizenId: '', planId: '', claims: {}, scripts: [] };

/** Every widget of ours, as a vendor's page includes it: one script tag each. */
const widgetScripts = [
  '/mfe-progress/embed.js',
  '/mfe-plan/embed.js',
  '/mfe-family-dialog/embed.js',
  '/mfe-statistics/embed.js',
  '/mfe-caseload/embed.js',
  '/mfe-family/embed.js',
];
const allTags = [
  'helhed-rating-line',
  'helhed-instrument-catalog',
  'helhed-session-feedback',
  'helhed-progress-chart',
  'helhed-goal-form',
  'helhed-intervention-form',
  'helhed-plan',
  'helhed-plan-economy',
  'helhed-family-dialog',
  'helhed-statistics',
  'helhed-cost-report',
  'helhed-caseload',
  'helhed-family',
  'helhed-family-answer',
];

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
    planId: await sorensenPlanId(server.url),
    // The portal's signed-in user: a coordinator sees the citizen, the family's plan and the
    // municipality's statistics.
    claims: { role: 'COORDINATOR' },
    scripts: [
      ...widgetScripts.map((s) => `${server.url}${s}`),
      // Two widgets again, as happens when two parts of a portal each include them.
      `${server.url}/mfe-progress/embed.js?again`,
      `${server.url}/mfe-statistics/embed.js?again`,
    ],
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

/** Waits until every widget on the portal shows its data. */
async function allRendered(page: Page) {
  const poll = { timeout: 15_000 };
  await expect
    .poll(() => page.locator('helhed-instrument-catalog li.instrument').count(), poll)
    .toBeGreaterThanOrEqual(7);
  await expect.poll(() => page.locator('helhed-progress-chart table tbody tr').count(), poll).toBe(3);
  await expect.poll(() => page.locator('helhed-plan li.goal').count(), poll).toBeGreaterThan(0);
  await expect.poll(() => page.locator('helhed-family-dialog article.goal').count(), poll).toBeGreaterThan(0);
  await expect.poll(() => page.locator('helhed-statistics tbody tr').count(), poll).toBeGreaterThan(0);
  await expect.poll(() => page.locator('helhed-caseload li.row').count(), poll).toBe(8);
}

describe('widgets on a vendor portal that has never heard of single-spa', () => {
  it('render every widget with data from the API across origins, one script tag each', async () => {
    const { page, errors } = await openPortal();
    await allRendered(page);
    expect(await page.locator('helhed-plan .contact-points').textContent()).toContain('fagpersoner');
    expect(await page.locator('helhed-family-dialog h2').first().textContent()).toBeTruthy();
    const suppressed = page.locator('helhed-statistics tbody tr[data-suppressed="true"] td');
    expect(await suppressed.first().textContent()).toBe('undertrykt');
    // The caseload says why, and links where the vendor's page wants (its citizen-href template).
    const first = page.locator('helhed-caseload li.row').first();
    expect(await first.locator('.reason').first().textContent()).toMatch(/^Rød alarm på /);
    expect(await first.locator('h3 a').getAttribute('href')).toMatch(/^\/borger\//);
    await page.screenshot({ path: join(outputDir, 'vendor-portal.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('work there: the statistics filter, the chart’s scale, the plan’s goal form', async () => {
    const { page, errors } = await openPortal();
    await allRendered(page);
    const stats = page.locator('helhed-statistics');
    await stats.locator('input[value="PERIOD"]').check();
    await stats.locator('button[type="submit"]').click();
    await expect.poll(() => stats.locator('thead th').nth(1).textContent()).toBe('Periode');
    const download = page.waitForEvent('download');
    await stats.locator('.download-button').click();
    expect((await download).suggestedFilename()).toMatch(/^helhed-statistik-outcome-.*\.csv$/);

    const chart = page.locator('helhed-progress-chart');
    await chart.locator('button[data-scale="normalized"]').click();
    await expect.poll(() => chart.locator('text.tick').last().textContent()).toBe('1');

    const plan = page.locator('helhed-plan');
    await plan.locator('[data-action="add-goal"]').click();
    await plan.locator('helhed-goal-form textarea#text').waitFor();
    expect(await page.locator('helhed-family-dialog button', { hasText: 'Start mødet' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('share one kit and one Lit, define each element once, and survive being loaded twice', async () => {
    const { page, scripts, errors } = await openPortal();
    await allRendered(page);
    for (const s of widgetScripts)
      expect(scripts.filter((x) => x.startsWith(s))).toHaveLength(
        s.includes('progress') || s.includes('statistics') ? 2 : 1,
      );
    expect(scripts.filter((s) => s === '/kit/kit.embed.js')).toHaveLength(1);
    expect(scripts.filter((s) => s === '/vendor/lit.js')).toHaveLength(1);
    const defined = await page.evaluate(() => (window as unknown as { __defined: string[] }).__defined);
    expect([...defined].sort()).toEqual([...allTags].sort());

    // A third copy after everything rendered changes nothing and throws nothing.
    const before = await page.evaluate(() => String(customElements.get('helhed-plan')));
    await page.addScriptTag({ type: 'module', url: `${server.url}/mfe-plan/embed.js?late` });
    await expect.poll(() => scripts.filter((x) => x === '/mfe-plan/embed.js?late').length).toBe(1);
    expect(await page.evaluate(() => String(customElements.get('helhed-plan')))).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __defined: string[] }).__defined.length)).toBe(
      allTags.length,
    );

    // One kit: its page-wide locale reaches every widget at once.
    await page.evaluate(() => {
      document.documentElement.lang = 'en';
    });
    await expect.poll(() => page.locator('helhed-instrument-catalog h2').textContent()).toBe('Instruments');
    await expect
      .poll(() => page.locator('helhed-progress-chart h2').textContent())
      .toBe('How things have gone');
    await expect
      .poll(() => page.locator('helhed-statistics h2').textContent())
      .toBe('Anonymous progression statistics');
    await expect
      .poll(() => page.locator('helhed-caseload h2').textContent())
      .toBe('Who needs attention today');
    expect(errors).toEqual([]);
  });

  it('keep our styles in and the vendor’s out', async () => {
    const control = await openPortal('/without-widgets');
    const before = await vendorStyles(control.page);
    const { page } = await openPortal();
    await allRendered(page);
    // Ours do not leak out: the vendor's own elements look exactly as without the widgets.
    expect(await vendorStyles(page)).toEqual(before);
    // Theirs do not leak in: the vendor's `h2, p, th, … { … !important }` rules stop at each shadow root.
    for (const tag of [
      'helhed-instrument-catalog',
      'helhed-progress-chart',
      'helhed-plan',
      'helhed-family-dialog',
      'helhed-statistics',
      'helhed-caseload',
    ]) {
      const inside = await page
        .locator(`${tag} h2`)
        .first()
        .evaluate((h) => {
          const s = getComputedStyle(h);
          return { color: s.color, size: s.fontSize, transform: s.textTransform, box: s.boxSizing };
        });
      expect(inside.color, tag).not.toBe('rgb(200, 0, 0)');
      expect(inside.size, tag).not.toBe('30px');
      expect(inside.transform, tag).toBe('none');
      expect(inside.box, tag).toBe('border-box');
    }
    const cell = await page
      .locator('helhed-statistics tbody td')
      .first()
      .evaluate((td) => getComputedStyle(td).fontSize);
    expect(cell).not.toBe('30px');
    const bar = await page
      .locator('helhed-statistics rect.segment.improved')
      .first()
      .evaluate((r) => getComputedStyle(r).fill);
    expect(bar).not.toBe('rgb(200, 0, 0)');
    // Theming goes through the public --helhed-* properties.
    const primary = await page
      .locator('helhed-progress-chart')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--_h-color-primary').trim());
    expect(primary).toBe('rgb(0, 100, 0)');
  });

  it('passes axe-core’s WCAG 2.1 A and AA rules with every widget on the page', async () => {
    const { page } = await openPortal();
    await allRendered(page);
    expect(await axeViolations(page)).toEqual([]);
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
