import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { outputDir } from '../support/browser.js';
import { demoIdentities, sorensenPlanId } from '../support/demo.js';
import { dataOf } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** A fresh browser context (its own sessionStorage) signed in through the demo login page. */
async function signIn(role: string, label?: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${session.server.url}/`);
  await page
    .locator(`helhed-shell-login button[data-role="${role}"]`, label ? { hasText: label } : {})
    .first()
    .click();
  await page.locator('helhed-shell-home').waitFor();
  return page;
}

const tokenOf = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string);

const rows = (page: Page) => page.locator('helhed-caseload li.row');
const reasonKinds = (row: ReturnType<Page['locator']>) =>
  row.locator('.reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

describe('the caseload as the start page, in Chromium', () => {
  it('opens on who needs attention, most urgent first, saying why, as the API sorts it', async () => {
    const page = await signIn('PROFESSIONAL', 'Jobcenter');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    const first = rows(page).first();
    expect(await first.getAttribute('class')).toContain('red');
    expect(await first.locator('.reason').first().textContent()).toMatch(/^Rød alarm på .+ hos Jobcenter: /);
    const anna = rows(page).filter({ hasText: 'Anna Sørensen' });
    expect(await reasonKinds(anna)).toEqual(['OUTCOME_RED', 'DIVERGENCE']);
    expect(await anna.locator('.reason').first().textContent()).toContain(
      'hos Voksenområdet: pålideligt forværret',
    );
    // The order on screen is the API's.
    const api = await dataOf<{ caseload: { rows: { displayName: string }[] } }>(
      session.server.url,
      await tokenOf(page),
      '{ caseload { rows { displayName } } }',
    );
    const shown = (await rows(page).locator('h3 a').allTextContents()).map((s) => s.trim());
    expect(shown).toEqual(api.caseload.rows.map((r) => r.displayName));
    // Counts filter the list.
    const red = page.locator('helhed-caseload button[data-kind="OUTCOME_RED"]');
    const count = Number(await red.locator('.n').textContent());
    await red.click();
    await expect.poll(() => rows(page).count()).toBe(count);
    await page.screenshot({ path: join(outputDir, 'caseload-professional.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // A link goes to the family's plan without a page load.
    const before = await page.evaluate(() => performance.timeOrigin);
    await rows(page)
      .filter({ hasText: 'Anna Sørensen' })
      .locator('nav a', { hasText: 'Familien Sørensen' })
      .click();
    await page.waitForURL(/\/plan\//);
    await expect.poll(() => page.locator('helhed-plan li.goal').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(before);
  });

  it('shows the coordinator the plan checks and the family’s contact points', async () => {
    const page = await signIn('COORDINATOR');
    const anna = rows(page).filter({ hasText: 'Anna Sørensen' });
    await expect.poll(() => anna.count()).toBe(1);
    expect(await reasonKinds(anna)).toContain('PARALLEL_INTERVENTIONS');
    expect(await anna.locator('.contact').textContent()).toMatch(
      /^Familien Sørensen: 3 forvaltninger og 3 fagpersoner i dag/,
    );
  });

  it('updates without a reload when a measurement arrives', async () => {
    const page = await signIn('PROFESSIONAL', 'Jobcenter');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    // A citizen whose only reason is that nobody has measured them lately.
    const stale = rows(page).filter({ has: page.locator('.reason[data-kind="NO_RECENT_MEASUREMENT"]') });
    const candidates = await stale.evaluateAll((els) =>
      els
        .filter((e) => e.querySelectorAll('.reason').length === 1)
        .map((e) => ({
          id: e.getAttribute('data-citizen') as string,
          name: e.querySelector('h3 a')?.textContent,
        })),
    );
    const target = candidates[0];
    expect(target).toBeTruthy();
    const before = await page.evaluate(() => performance.timeOrigin);
    const employment = (await demoIdentities(session.server.url)).find(
      (i) => i.role === 'PROFESSIONAL' && i.label === 'Jobcenter',
    )?.departmentId;
    // Another screen (the API directly) records today's measurement for that citizen.
    await dataOf(
      session.server.url,
      await tokenOf(page),
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          citizenId: target?.id,
          departmentId: employment,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: new Date().toISOString(),
          values: [5, 5, 5, 5],
        },
      },
    );
    const row = page.locator(`helhed-caseload li.row[data-citizen="${target?.id}"]`);
    await expect.poll(() => reasonKinds(row), { timeout: 5_000 }).not.toContain('NO_RECENT_MEASUREMENT');
    expect(await page.locator('helhed-caseload .announce').textContent()).toBe('Listen er opdateret.');
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(before);
  });
});

describe('meetings reach other open screens', () => {
  it('starting a meeting shows on a colleague’s open family dialogue without a reload', async () => {
    const planId = await sorensenPlanId(session.server.url);
    const coordinator = await signIn('COORDINATOR');
    await coordinator.goto(`${session.server.url}/family/${planId}`);
    const colleague = await signIn('PROFESSIONAL', 'Børn og Familie');
    await colleague.goto(`${session.server.url}/family/${planId}`);
    const seen = colleague.locator('helhed-family-dialog');
    await seen.locator('button', { hasText: 'Start mødet' }).waitFor();
    const before = await colleague.evaluate(() => performance.timeOrigin);
    await coordinator.locator('helhed-family-dialog button', { hasText: 'Start mødet' }).click();
    await expect
      .poll(() => seen.locator('#meeting-heading').textContent(), { timeout: 3_000 })
      .toBe('Mødet er i gang');
    expect(await colleague.evaluate(() => performance.timeOrigin)).toBe(before);
  });
});
