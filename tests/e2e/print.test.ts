import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { citizenWithHistory, demoIdentities, sorensenPlanId } from '../support/demo.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

async function signIn(role: string, label?: string): Promise<Page> {
  const page = await (
    await session.browser.newContext({ viewport: { width: 1000, height: 1200 } })
  ).newPage();
  await page.goto(`${session.server.url}/`);
  await page
    .locator(`helhed-shell-login button[data-role="${role}"]`, label ? { hasText: label } : {})
    .first()
    .click();
  await page.locator('helhed-shell-home').waitFor();
  return page;
}

const header = (page: Page) => page.locator('helhed-shell-header');

/** On screen: navigation and controls, no printed title. On paper: the page title instead. */
async function expectPrintedHeader(page: Page, title: string) {
  expect(await header(page).locator('nav').isVisible()).toBe(true);
  expect(await header(page).locator('.page-title').isVisible()).toBe(false);
  await page.emulateMedia({ media: 'print' });
  expect(await header(page).locator('nav').isVisible()).toBe(false);
  expect(await header(page).locator('select').isVisible()).toBe(false);
  expect(await header(page).locator('button').isVisible()).toBe(false);
  expect(await page.locator('.skip-link').isVisible()).toBe(false);
  expect(await header(page).locator('.page-title').isVisible()).toBe(true);
  expect(await header(page).locator('.page-title').textContent()).toBe(title);
  expect(await header(page).locator('.brand').isVisible()).toBe(true);
}

describe('printing a page of the shell', () => {
  it('prints the statistics: title, chart and table, without navigation, filters or buttons', async () => {
    const page = await signIn('ANALYST');
    await page.goto(`${session.server.url}/statistics`);
    const stats = page.locator('helhed-statistics');
    await stats.locator('table').waitFor();
    expect(await stats.locator('form.filters').isVisible()).toBe(true);
    await expectPrintedHeader(page, 'Statistik');
    expect(await stats.locator('form.filters').isVisible()).toBe(false);
    expect(await stats.locator('button:visible').count()).toBe(0);
    expect(await stats.locator('svg.chart').isVisible()).toBe(true);
    expect(await stats.locator('table').isVisible()).toBe(true);
    await page.screenshot({ path: join(outputDir, 'statistics-print.png'), fullPage: true });
  });

  it('prints a citizen’s progression with its numbers, not the feedback form', async () => {
    const jobcentre = (await demoIdentities(session.server.url)).find((i) => i.label === 'Jobcenter');
    const citizenId = await citizenWithHistory(session.server.url, jobcentre?.departmentId as string);
    const page = await signIn('PROFESSIONAL', 'Jobcenter');
    await page.goto(`${session.server.url}/citizen/${citizenId}`);
    const chart = page.locator('helhed-progress-chart');
    await chart.locator('.point circle').first().waitFor();
    await page.locator('helhed-session-feedback helhed-rating-line').first().waitFor();
    // On screen the table is behind a toggle.
    expect((await chart.locator('.table-wrap').boundingBox())?.height ?? 0).toBeLessThan(2);
    await expectPrintedHeader(page, 'Samtaler og udvikling');
    expect(await page.locator('helhed-session-feedback').isVisible()).toBe(false);
    expect(await chart.locator('figure').first().isVisible()).toBe(true);
    expect(await chart.locator('.controls').isVisible()).toBe(false);
    expect((await chart.locator('.table-wrap').boundingBox())?.height ?? 0).toBeGreaterThan(50);
    await page.screenshot({ path: join(outputDir, 'citizen-print.png'), fullPage: true });
  });

  it('prints the plan with its title and content, and no buttons', async () => {
    const planId = await sorensenPlanId(session.server.url);
    const page = await signIn('COORDINATOR');
    await page.goto(`${session.server.url}/plan/${planId}`);
    const plan = page.locator('helhed-plan');
    await plan.locator('li.goal').first().waitFor();
    await expectPrintedHeader(page, 'Plan');
    expect(await plan.locator('li.goal').first().isVisible()).toBe(true);
    expect(await plan.locator('button:visible').count()).toBe(0);
  });
});
