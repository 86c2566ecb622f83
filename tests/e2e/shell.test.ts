import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

async function signInAs(page: Page, role: string) {
  await page.goto(`${session.server.url}/`);
  await page.locator(`helhed-shell-login button[data-role="${role}"]`).first().click();
  await page.locator('helhed-shell-home').waitFor();
  // The instruments are one click away in the header.
  await page.locator('helhed-shell-header a[href="/instruments"]').click();
  await page.waitForURL(/\/instruments$/);
}

describe('the shell in Chromium', () => {
  it('opens on the coordinator’s caseload, one click from a family’s plan', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/`);
    await page.locator('helhed-shell-login button[data-role="COORDINATOR"]').click();
    const anna = page.locator('helhed-shell-home helhed-caseload li.row', { hasText: 'Anna Sørensen' });
    await expect.poll(() => anna.count(), { timeout: 10_000 }).toBe(1);
    await anna.locator('a', { hasText: 'Familien Sørensen' }).click();
    await page.waitForURL(/\/plan\//);
    await expect.poll(() => page.locator('helhed-plan li.goal').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(outputDir, 'shell-plan-from-home.png'), fullPage: true });
  });

  it('lets a parent find their people by name, and says in Danish when the server cannot be reached', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/`);
    await page.locator('helhed-shell-login button[data-role="PARENT"]').first().click();
    const people = page.locator('helhed-shell-home li[data-citizen]');
    await expect.poll(() => people.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const names = await people.locator('.name').allTextContents();
    const first = names[0] ?? '';
    await page.locator('helhed-shell-home input[type="search"]').fill(first);
    await expect.poll(() => people.locator('.name').allTextContents()).toEqual([first]);
    await page.route('**/graphql', (route) => route.abort());
    await page.locator('helhed-shell-home input[type="search"]').fill(first.slice(0, 3));
    const alert = page.locator('helhed-shell-home [role="alert"]');
    await expect.poll(() => alert.textContent()).toBe('Der er ingen forbindelse lige nu.');
  });

  it('says in Danish when the sign-in list cannot be reached, and loads it again on request', async () => {
    const page = await session.browser.newPage();
    await page.route('**/auth/dev-identities', (route) => route.abort());
    await page.goto(`${session.server.url}/`);
    const login = page.locator('helhed-shell-login');
    await expect
      .poll(() => login.locator('[role="alert"]').textContent())
      .toBe('Login mislykkedes. Der er ingen forbindelse lige nu.');
    expect(await login.locator('button[data-role]').count()).toBe(0);
    await page.unroute('**/auth/dev-identities');
    await login.locator('button.retry').click();
    await expect.poll(() => login.locator('button[data-role="COORDINATOR"]').count()).toBe(1);
    expect(await login.locator('[role="alert"]').count()).toBe(0);
  });

  it('says which sign-in the server refused without its English message, and stays on the login page', async () => {
    const page = await session.browser.newPage();
    // A department deleted after the list was read: the server itself refuses the token.
    await page.route('**/auth/dev-token', (route) =>
      route.continue({ postData: JSON.stringify({ role: 'PROFESSIONAL', departmentId: 'gone' }) }),
    );
    await page.goto(`${session.server.url}/`);
    const login = page.locator('helhed-shell-login');
    await login.locator('button[data-role="PROFESSIONAL"]').first().click();
    await expect
      .poll(() => login.locator('[role="alert"]').textContent())
      .toBe('Login mislykkedes. Rollen kunne ikke bruges. Hent siden igen, og vælg en rolle.');
    expect(await page.evaluate(() => sessionStorage.getItem('helhed.session'))).toBeNull();
    expect(await login.locator('button[data-role]').count()).toBeGreaterThan(1);
  });

  it('signs in as a professional and shows the instruments that came from the API', async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs(page, 'PROFESSIONAL');
    const catalog = page.locator('helhed-instrument-catalog');
    await expect.poll(() => catalog.locator('li.instrument').count()).toBeGreaterThanOrEqual(7);
    // The Danish wording is the API's, not the widget's: it must match what GraphQL returns.
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string,
    );
    const api = await fetch(`${session.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ instruments { key name } }' }),
    }).then((r) => r.json() as Promise<{ data: { instruments: { key: string; name: string }[] } }>);
    const shown = await catalog.locator('li.instrument h3').allTextContents();
    expect(shown.map((s) => s.trim())).toEqual(api.data.instruments.map((i) => i.name));
    await page.screenshot({ path: join(outputDir, 'shell-instruments.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('switches every widget to English with the language switch', async () => {
    const page = await session.browser.newPage();
    await signInAs(page, 'ADMIN');
    const catalog = page.locator('helhed-instrument-catalog');
    await expect.poll(() => catalog.locator('h2').textContent()).toBe('Måleredskaber');
    await page.locator('helhed-shell-header select').selectOption('en');
    await expect.poll(() => catalog.locator('h2').textContent()).toBe('Instruments');
    await expect
      .poll(() => catalog.locator('li[data-key="outcome"] .meta').textContent())
      .toContain('Higher is better');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('loads Lit and single-spa once, through the import map', async () => {
    const page = await session.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await signInAs(page, 'ADMIN');
    await expect
      .poll(() => page.locator('helhed-instrument-catalog li.instrument').count())
      .toBeGreaterThan(0);
    const litCopies = scripts.filter((s) => s === '/vendor/lit.js');
    expect(litCopies).toHaveLength(1);
    expect(scripts).not.toContain('/mfe-progress/embed.js');
    expect(scripts).toContain('/mfe-progress/helhed-progress.js');
  });
});
