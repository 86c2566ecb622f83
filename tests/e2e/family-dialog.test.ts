import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { dataOf } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const c of contexts) await c.close();
});

const api = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
  dataOf<T>(session.server.url, token, query, variables);

/** The Sørensen family's plan, found through the seeded meeting in Anna's timeline. */
async function sorensenPlan(): Promise<string> {
  const identities = (await (await fetch(`${session.server.url}/auth/dev-identities`)).json()) as {
    role: string;
    label: string;
    citizenId?: string;
  }[];
  const anna = identities.find((i) => i.role === 'PARENT' && i.label.startsWith('Anna'))?.citizenId;
  const { token } = (await (
    await fetch(`${session.server.url}/auth/dev-token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'COORDINATOR' }),
    })
  ).json()) as { token: string };
  const data = await api<{ citizen: { timeline: { meeting: { planId: string } | null }[] } }>(
    token,
    'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
    { id: anna },
  );
  return data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId as string;
}

/** A fresh browser context (its own sessionStorage) signed in through the demo login page. */
async function signIn(label: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await session.browser.newContext({ viewport, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${session.server.url}/`);
  await page.locator('helhed-shell-login button', { hasText: label }).first().click();
  await page.locator('helhed-shell-home').waitFor();
  return page;
}

describe('family dialogue across two phones', () => {
  it('shows the parent’s rating on the caseworker’s screen within a second, without reloading', async () => {
    const planId = await sorensenPlan();
    const caseworker = await signIn('Børn og Familie', { width: 1280, height: 900 });
    await caseworker.goto(`${session.server.url}/family/${planId}`);
    const dialog = caseworker.locator('helhed-family-dialog');
    await dialog.locator('button', { hasText: 'Start mødet' }).click();
    await expect.poll(() => dialog.locator('#meeting-heading').textContent()).toBe('Mødet er i gang');

    const parent = await signIn('Anna', { width: 360, height: 780 });
    await parent.goto(`${session.server.url}/family/${planId}`);
    const phone = parent.locator('helhed-family-dialog');
    await expect.poll(() => phone.locator('#meeting-heading').textContent()).toBe('Mødet er i gang');
    // Anna is chosen as the one giving points on her own phone, and she cannot start or end meetings.
    expect(await phone.locator('input[type="radio"]:checked').count()).toBe(1);
    expect(await phone.locator('#close-heading').count()).toBe(0);

    const goal = phone.locator('article', { hasText: 'Mikkel kommer i skole hver dag' });
    await goal.locator('[role="slider"]').focus();
    for (const key of ['ArrowRight', 'PageUp', 'PageUp', 'PageUp']) await parent.keyboard.press(key);
    const seen = caseworker.locator('helhed-family-dialog article', {
      hasText: 'Mikkel kommer i skole hver dag',
    });
    const before = await caseworker.evaluate(() => performance.timeOrigin);
    await goal.locator('button', { hasText: 'Gem point' }).click();
    const clicked = Date.now();
    await seen.locator('ul.marks', { hasText: 'Anna Sørensen (forælder): 8' }).waitFor({ timeout: 1000 });
    expect(Date.now() - clicked).toBeLessThan(1000);
    // Same page: the caseworker's page was never reloaded.
    expect(await caseworker.evaluate(() => performance.timeOrigin)).toBe(before);
    expect(await seen.locator('ul.marks').textContent()).toContain('+4 siden sidst');
    await expect.poll(() => goal.locator('.note').textContent()).toBe('Gemt.');

    // Nothing sticks out sideways on the 360 px phone.
    expect(await parent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await parent.screenshot({ path: join(outputDir, 'family-dialog-parent-360.png'), fullPage: true });
    await caseworker.screenshot({
      path: join(outputDir, 'family-dialog-caseworker-desktop.png'),
      fullPage: true,
    });
  });

  it('stays readable at 200 % zoom: 640 px at scale 2, no sideways scrolling', async () => {
    const planId = await sorensenPlan();
    const page = await signIn('Anna', { width: 640, height: 900 });
    await page.goto(`${session.server.url}/family/${planId}`);
    await page.evaluate(() => {
      document.documentElement.style.setProperty('zoom', '2');
    });
    await page.locator('helhed-family-dialog h2').waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: join(outputDir, 'family-dialog-parent-zoom-200.png'), fullPage: true });
  });
});
