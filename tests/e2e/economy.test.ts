import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { dataOf } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

async function signIn(role: string): Promise<{ page: Page; token: string }> {
  const context = await session.browser.newContext({
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${session.server.url}/`);
  await page.locator(`helhed-shell-login button[data-role="${role}"]`).first().click();
  await page.locator('helhed-shell-home').waitFor();
  const token = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string,
  );
  return { page, token };
}

/** The Sørensen family plan, found through Anna's dialogue meetings as a client would. */
async function sorensenPlan(token: string): Promise<string> {
  const identities = (await (await fetch(`${session.server.url}/auth/dev-identities`)).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const anna = identities.find((i) => i.role === 'PARENT' && i.label === 'Anna Sørensen');
  const data = await dataOf<{ citizen: { timeline: { meeting: { planId: string } | null }[] } }>(
    session.server.url,
    token,
    'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
    { id: anna?.citizenId },
  );
  const planId = data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId;
  if (!planId) throw new Error('no demo plan');
  return planId;
}

describe('economy in the shell', () => {
  it("shows the coordinator the plan's cost per department and month beside the progression", async () => {
    const { page, token } = await signIn('COORDINATOR');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const planId = await sorensenPlan(token);
    await page.goto(`${session.server.url}/plan/${planId}`);
    const plan = page.locator('helhed-plan');
    await expect.poll(() => plan.locator('.progression .citizen').count()).toBeGreaterThan(0);
    const economy = plan.locator('helhed-plan-economy');
    await economy.locator('table.departments').waitFor();
    // Right after the progression, in the same plan view.
    const order = await plan.evaluate((el) =>
      Array.from(
        el.shadowRoot?.querySelectorAll('section.progression, helhed-plan-economy') ?? [],
        (n) => n.tagName,
      ),
    );
    expect(order).toEqual(['SECTION', 'HELHED-PLAN-ECONOMY']);
    expect(await economy.locator('table.departments tbody th').allTextContents()).toEqual([
      'Børn og Familie',
      'Jobcenter',
      'Voksenområdet',
    ]);
    const api = await dataOf<{ plan: { economy: { running: { byMonth: { month: string }[] } } } }>(
      session.server.url,
      token,
      'query($id: ID!) { plan(id: $id) { economy { running { byMonth { month } } } } }',
      { id: planId },
    );
    const months = new Set(api.plan.economy.running.byMonth.map((m) => m.month));
    expect(await economy.locator('table.months tbody tr').count()).toBe(months.size);
    await economy.locator('table.months').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outputDir, 'plan-economy.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('gives the analyst the anonymous cost report and its CSV on the statistics page', async () => {
    const { page, token } = await signIn('ANALYST');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}/statistics`);
    const report = page.locator('helhed-cost-report');
    await report.locator('table.follow-up').waitFor();
    const cells = await report.locator('table.follow-up tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        suppressed: tr.getAttribute('data-suppressed'),
        n: tr.children[2]?.textContent ?? '',
      })),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      if (c.suppressed === 'true') expect(c.n).toBe('skjult');
      else expect(Number(c.n)).toBeGreaterThanOrEqual(5);
    }
    const download = page.waitForEvent('download');
    await report.locator('button.download').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    const api = await dataOf<{ economyStatistics: { csv: string } }>(
      session.server.url,
      token,
      '{ economyStatistics { csv } }',
    );
    expect(csv).toBe(`\uFEFF${api.economyStatistics.csv}`);
    await page.screenshot({ path: join(outputDir, 'cost-report.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
