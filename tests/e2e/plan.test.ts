import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

async function signInAs(page: Page, role: string): Promise<string> {
  await page.goto(`${session.server.url}/`);
  await page.locator(`helhed-shell-login button[data-role="${role}"]`).first().click();
  await page.locator('helhed-shell-home').waitFor();
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string);
}

/**
 * The demo family's plan id. The API has no list of plans, so it is found the way a client can:
 * the family's parent from the dev identity provider, then her timeline's dialogue meetings.
 */
async function demoPlanId(token: string): Promise<string> {
  const identities = (await (await fetch(`${session.server.url}/auth/dev-identities`)).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const anna = identities.find((i) => i.role === 'PARENT' && i.label === 'Anna Sørensen');
  const response = await fetch(`${session.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
      variables: { id: anna?.citizenId },
    }),
  });
  const body = (await response.json()) as {
    data: { citizen: { timeline: { meeting: { planId: string } | null }[] } };
  };
  const planId = body.data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId;
  if (!planId) throw new Error('no demo plan');
  return planId;
}

describe('the plan in the shell', () => {
  it('shows a coordinator the family plan with its flags, and adds a goal', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const token = await signInAs(page, 'COORDINATOR');
    const planId = await demoPlanId(token);
    await page.goto(`${session.server.url}/plan/${planId}`);
    const plan = page.locator('helhed-plan');
    await expect
      .poll(() => plan.locator('.contact-points').textContent())
      .toBe('Familien møder 3 fagpersoner fra 3 forvaltninger.');
    const parallel = (await plan.locator('[data-flag="parallel"]').allTextContents()).join(' ');
    expect(parallel).toContain('»Socialpædagogisk støtte« (Voksenområdet)');
    expect(parallel).toContain('»Familiebehandling« (Børn og Familie)');
    await expect.poll(() => plan.locator('.progression .citizen').count()).toBeGreaterThan(0);
    await expect.poll(() => plan.locator('.progression').textContent()).toContain('peger i hver sin retning');

    await plan.locator('[data-action="add-goal"]').click();
    const form = plan.locator('helhed-goal-form');
    await form.locator('#text').fill('Freja har en fast legekammerat');
    await form.locator('input[name="departmentIds"]').first().check();
    await form.locator('#baseline').fill('2');
    await form.locator('#target').fill('8');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => plan.locator('.goal-text').allTextContents())
      .toContain('Freja har en fast legekammerat');
    await page.screenshot({ path: join(outputDir, 'plan.png'), fullPage: true });
    // What the family gets on paper: no buttons or forms, black on white.
    await page.emulateMedia({ media: 'print' });
    expect(await plan.locator('button:visible').count()).toBe(0);
    await page.screenshot({ path: join(outputDir, 'plan-print.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('fits a 320 px screen', async () => {
    const page = await session.browser.newPage({ viewport: { width: 320, height: 800 } });
    const token = await signInAs(page, 'COORDINATOR');
    await page.goto(`${session.server.url}/plan/${await demoPlanId(token)}`);
    await page.locator('helhed-plan .contact-points').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(outputDir, 'plan-320.png') });
  });

  it('offers a parent no edit controls on the family plan', async () => {
    const coordinator = await session.browser.newPage();
    const planId = await demoPlanId(await signInAs(coordinator, 'COORDINATOR'));
    // A new page is a new browser context: a fresh session.
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/`);
    await page.locator('helhed-shell-login button[data-role="PARENT"]', { hasText: 'Anna' }).click();
    await page.locator('helhed-shell-home').waitFor();
    await page.goto(`${session.server.url}/plan/${planId}`);
    await expect.poll(() => page.locator('helhed-plan li.goal').count()).toBeGreaterThan(0);
    expect(await page.locator('helhed-plan [data-action]').count()).toBe(0);
  });
});
