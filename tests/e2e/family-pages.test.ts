import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { demoIdentities } from '../support/demo.js';
import { callerFor } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

/**
 * The family's own page (/familie) on a phone, against the real server and Chromium: consent
 * given and withdrawn by a parent, with the effect on the other department; the access log; the
 * Arabic page right to left.
 */
const session = useBrowserSession();
const contexts: BrowserContext[] = [];
const phone = { width: 360, height: 740 };

afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** A phone that has never signed in. */
async function signedOutPhone(): Promise<Page> {
  const context = await session.browser.newContext({ viewport: phone, deviceScaleFactor: 1 });
  contexts.push(context);
  return context.newPage();
}

async function signIn(label: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: phone, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${session.server.url}/`);
  await page.locator('helhed-shell-login button', { hasText: label }).first().click();
  await page.locator('helhed-shell-home').waitFor();
  return page;
}

/** Anna's page on her phone, showing her son Mikkel. */
async function annaShowingMikkel(): Promise<Page> {
  const page = await signIn('Anna');
  await page.locator('helhed-shell-home a', { hasText: 'Min side' }).click();
  const family = page.locator('helhed-family');
  await family.locator('fieldset.people button', { hasText: 'Mikkel' }).click();
  await expect.poll(() => family.locator('h2').textContent()).toBe('Mikkels side');
  await family.locator('nav').waitFor();
  return page;
}

/** The departments whose series of Mikkel the school's professional sees. */
async function seenBySchool(): Promise<string[]> {
  const url = session.server.url;
  const ids = await demoIdentities(url);
  const school = ids.find((i) => i.role === 'PROFESSIONAL' && i.label === 'Skole og Uddannelse');
  const anna = ids.find((i) => i.role === 'PARENT' && i.label.startsWith('Anna'));
  const parent = await callerFor(url, { role: 'PARENT', citizenId: anna?.citizenId as string });
  const family = await parent.run<{ citizens: { id: string; displayName: string }[] }>(
    '{ citizens { id displayName } }',
  );
  const mikkel = family.data?.citizens.find((c) => c.displayName === 'Mikkel Sørensen')?.id;
  const professional = await callerFor(url, {
    role: 'PROFESSIONAL',
    departmentId: school?.departmentId as string,
  });
  const r = await professional.run<{
    citizen: { progression: { series: { department: { name: string } }[] } };
  }>('query($id: ID!) { citizen(id: $id) { progression { series { department { name } } } } }', {
    id: mikkel,
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return [...new Set(r.data?.citizen.progression.series.map((s) => s.department.name))].sort();
}

describe('the family page on a phone', () => {
  it('lets a parent give and withdraw a consent; the other department sees the child’s data appear and disappear', async () => {
    expect(await seenBySchool()).toEqual([]);
    const page = await annaShowingMikkel();
    const family = page.locator('helhed-family');
    await family.locator('button[data-section="consents"]').click();
    await family.locator('select[name="fromDepartmentId"]').selectOption({ label: 'Børn og Familie' });
    await family.locator('select[name="toDepartmentId"]').selectOption({ label: 'Skole og Uddannelse' });
    expect(await family.locator('.preview').textContent()).toBe(
      'Skole og Uddannelse må se, hvad Børn og Familie har registreret om Mikkel, til brug for: koordinering af den fælles plan.',
    );
    await family.locator('button', { hasText: 'Giv samtykke' }).click();
    const consent = family.locator('li.consent[data-status="ACTIVE"]');
    await consent.waitFor();
    expect(await seenBySchool()).toEqual(['Børn og Familie']);

    // Large enough to hit with a thumb on the phone.
    const box = await consent.locator('button').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await consent.locator('button').click();
    await family.locator('li.consent[data-status="REVOKED"]').waitFor();
    expect(await seenBySchool()).toEqual([]);
  });

  it('shows the parent who has looked at the child’s data: the school’s read, by department and purpose', async () => {
    await seenBySchool();
    const page = await annaShowingMikkel();
    const family = page.locator('helhed-family');
    await family.locator('button[data-section="access"]').click();
    const row = family.locator('ul.access li', { hasText: 'Skole og Uddannelse' }).first();
    await row.waitFor();
    expect(await row.locator('div').first().textContent()).toMatch(
      /^Skole og Uddannelse\s+·\s+arbejde med sagen$/,
    );
    // Copenhagen's clock, whatever the phone's zone: the time element carries the instant.
    const at = (await row.locator('time').getAttribute('datetime')) as string;
    const copenhagen = new Intl.DateTimeFormat('da-DK', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Copenhagen',
    }).format(new Date(at));
    expect(await row.locator('time').textContent()).toBe(copenhagen);
  });

  it('reads right to left in Arabic, mirrored and axe-clean', async () => {
    const page = await annaShowingMikkel();
    const family = page.locator('helhed-family');
    await family.locator('label.language select').selectOption('ar');
    await expect.poll(() => family.getAttribute('dir')).toBe('rtl');
    expect(await family.locator('h2').textContent()).toBe('صفحة Mikkel');
    expect(await family.locator('h2').evaluate((h) => getComputedStyle(h).direction)).toBe('rtl');
    const heading = await family.locator('h2').boundingBox();
    const picker = await family.locator('label.language').boundingBox();
    // Mirrored: the heading sits at the right edge, the language picker to its left.
    expect((heading?.x ?? 0) + (heading?.width ?? 0)).toBeGreaterThan(
      (picker?.x ?? 0) + (picker?.width ?? 0),
    );
    for (const section of ['goals', 'consents', 'access']) {
      await family.locator(`button[data-section="${section}"]`).click();
      expect(await axeViolations(page), section).toEqual([]);
    }
    // Nothing sticks out sideways on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    // The phone remembers the language for the next visit.
    await page.reload();
    await expect.poll(() => family.locator('h2').textContent()).toBe('صفحتي');
    expect(await family.getAttribute('dir')).toBe('rtl');
  });
});

describe('an invitation link on a phone, without signing in', () => {
  it('opens /svar#t=… on the link page, not the login; takes the ratings once; a second visit is refused', async () => {
    const url = session.server.url;
    const ids = await demoIdentities(url);
    const anna = ids.find((i) => i.role === 'PARENT' && i.label.startsWith('Anna'))?.citizenId as string;
    const caseworker = await callerFor(url, {
      role: 'PROFESSIONAL',
      departmentId: ids.find((i) => i.label === 'Børn og Familie')?.departmentId as string,
    });
    const plans = await caseworker.run<{ citizen: { plans: { id: string }[] } }>(
      'query($id: ID!) { citizen(id: $id) { plans { id } } }',
      { id: anna },
    );
    const planId = plans.data?.citizen.plans[0]?.id as string;
    const issued = await caseworker.run<{ inviteToAnswer: { link: string } }>(
      'mutation($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) { link } }',
      { input: { inviteeId: anna, planId } },
    );
    const link = issued.data?.inviteToAnswer.link as string;
    expect(new URL(link).pathname).toBe('/svar');

    const page = await signedOutPhone();
    await page.goto(`${url}/svar${new URL(link).hash}`);
    const answer = page.locator('helhed-family-answer');
    await answer.locator('form').waitFor();
    expect(await page.locator('helhed-shell-login').count()).toBe(0);
    const goal = answer.locator('.row', { hasText: 'Mikkel kommer i skole hver dag' });
    await goal.locator('input[type="range"]').focus();
    // A key moves the slider from the middle: 5 → 5.1 (the scale's step) counts as an answer.
    await page.keyboard.press('ArrowRight');
    expect(await goal.locator('output').textContent()).toBe('5,1');
    expect(await axeViolations(page)).toEqual([]);
    await answer.locator('button[type="submit"]').click();
    await expect.poll(() => answer.locator('h2').textContent()).toBe('Tak for dine svar');

    const timeline = await caseworker.run<{
      plan: { timeline: { goalRating: { value: number; channel: string } | null }[] };
    }>('query($id: ID!) { plan(id: $id) { timeline(limit: 50) { goalRating { value channel } } } }', {
      id: planId,
    });
    const viaLink = timeline.data?.plan.timeline.filter((e) => e.goalRating?.channel === 'INVITATION');
    expect(viaLink?.map((e) => e.goalRating?.value)).toEqual([5.1]);

    const again = await signedOutPhone();
    await again.goto(`${url}/svar${new URL(link).hash}`);
    const refused = again.locator('helhed-family-answer [role="alert"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-reason')).toBe('USED');
    expect(await again.locator('helhed-family-answer form').count()).toBe(0);
  });

  it('gives a link without its code a clear page of its own', async () => {
    const page = await signedOutPhone();
    await page.goto(`${session.server.url}/svar`);
    const alert = page.locator('helhed-family-answer [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Linket mangler sin kode. Brug hele linket fra beskeden.');
    expect(await page.locator('helhed-shell-login').count()).toBe(0);
    expect(await page.title()).toBe('Dine svar – Helhed');
  });
});
