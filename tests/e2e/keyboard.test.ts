import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { citizenWithHistory, demoIdentities, sorensenPlanId } from '../support/demo.js';
import { dataOf, devToken } from '../support/graphql.js';
import { focused, leavesByTab, tabTo } from '../support/keyboard.js';
import { useBrowserSession } from '../support/session.js';

// Every flow by keyboard alone: page.keyboard, never a click or element.focus(). tabTo fails
// when a stop on the way has no visible focus indicator or the target is never reached.

const session = useBrowserSession();

async function newPage(): Promise<Page> {
  // en-US: the order in which a date field takes its digits (month, day, year).
  const context = await session.browser.newContext({
    viewport: { width: 1200, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  Object.assign(page, { errors });
  return page;
}

const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;
const inside = (host: string) => (f: { hosts: string[] }) => f.hosts.includes(host);

/** From the login page, Tab to the role's button and press Enter. */
async function signInByKeyboard(page: Page, role: string, label?: string) {
  await page.goto(`${session.server.url}/`);
  await page.locator('helhed-shell-login button').first().waitFor();
  await tabTo(
    page,
    (f) =>
      inside('helhed-shell-login')(f) &&
      f.attributes['data-role'] === role &&
      (!label || f.text.includes(label)),
  );
  await page.keyboard.press('Enter');
  await page.locator('helhed-shell-home').waitFor();
}

const sessionToken = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string);

describe('keyboard only, in Chromium', () => {
  it('skips to the content first, signs in as an analyst and reaches the statistics from the header', async () => {
    const page = await newPage();
    await page.goto(`${session.server.url}/`);
    await page.locator('helhed-shell-login button').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Spring til indhold', indicated: true });
    await signInByKeyboard(page, 'ANALYST');
    await tabTo(page, (f) => inside('helhed-shell-header')(f) && f.attributes.href === '/statistics');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/statistics$/);
    await page.locator('helhed-statistics table').waitFor();
    expect(await page.title()).toBe('Statistik – Helhed');
    expect(pageErrors(page)).toEqual([]);
  });

  it('switches the language with the arrow keys on the header’s select', async () => {
    const page = await newPage();
    await signInByKeyboard(page, 'ADMIN');
    await tabTo(page, (f) => inside('helhed-shell-header')(f) && f.tag === 'select');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('helhed-shell-home h1').textContent()).toBe('Overview');
    expect(await page.title()).toBe('Overview – Helhed');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('helhed-shell-home h1').textContent()).toBe('Overblik');
  });

  it('filters the statistics and downloads exactly the table as CSV', async () => {
    const page = await newPage();
    await signInByKeyboard(page, 'ANALYST');
    await page.goto(`${session.server.url}/statistics`);
    const stats = page.locator('helhed-statistics');
    await stats.locator('table').waitFor();
    await tabTo(page, (f) => inside('helhed-statistics')(f) && f.attributes.id === 'period');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => inside('helhed-statistics')(f) && f.attributes.value === 'PERIOD');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => inside('helhed-statistics')(f) && f.text === 'Vis statistik');
    await page.keyboard.press('Enter');
    await expect.poll(() => stats.locator('thead th').nth(1).textContent()).toBe('Periode');
    for (const p of await stats.locator('tbody tr th:nth-child(2)').allTextContents())
      expect(p).toMatch(/^[1-4]\. kvartal \d{4}$/);

    await tabTo(page, (f) => inside('helhed-statistics')(f) && f.text === 'Hent CSV');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^helhed-statistik-outcome-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await file.path()) as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const head = await stats.locator('thead th').allTextContents();
    const rows = await stats
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent?.trim() ?? '')));
    expect(lines).toEqual([head.join(';'), ...rows.map((r) => r.join(';'))]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('undertrykt'))).toBe(true);
    // Focus moves on out of the widget: nothing traps it.
    await leavesByTab(page, 'helhed-statistics');
  });

  it('records session feedback, outcome then session, from the first Tab', async () => {
    const page = await newPage();
    const jobcentre = (await demoIdentities(session.server.url)).find((i) => i.label === 'Jobcenter');
    const citizenId = await citizenWithHistory(session.server.url, jobcentre?.departmentId as string);
    await signInByKeyboard(page, 'PROFESSIONAL', 'Jobcenter');
    await page.goto(`${session.server.url}/citizen/${citizenId}`);
    const form = page.locator('helhed-session-feedback');
    await expect.poll(() => form.locator('helhed-rating-line').count()).toBe(4);
    await expect.poll(() => form.locator('.meta').textContent()).toContain('4. samtale');
    const slider = (f: { attributes: Record<string, string>; hosts: string[] }) =>
      inside('helhed-session-feedback')(f) && f.attributes.role === 'slider';
    await tabTo(page, slider);
    for (const [i, keys] of [['End'], ['End'], ['End', 'PageDown'], ['End']].entries()) {
      if (i > 0) expect(slider(await tabTo(page, slider, { max: 3 }))).toBe(true);
      for (const key of keys) await page.keyboard.press(key);
    }
    await tabTo(page, (f) => inside('helhed-session-feedback')(f) && f.attributes.type === 'submit', {
      max: 3,
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('h2').textContent()).toBe('Tak for dine svar');
    await expect
      .poll(() =>
        page.locator('helhed-progress-chart figure[data-instrument="outcome"] .point circle').count(),
      )
      .toBe(4);
    const token = await sessionToken(page);
    const data = await dataOf<{ citizen: { progression: { series: { points: { total: number }[] }[] } } }>(
      session.server.url,
      token,
      'query($id: ID!) { citizen(id: $id) { progression { series { points { total } } } } }',
      { id: citizenId },
    );
    expect(data.citizen.progression.series[0]?.points.at(-1)?.total).toBe(39);
    await leavesByTab(page, 'helhed-session-feedback');
    expect(pageErrors(page)).toEqual([]);
  });

  it('adds a goal, edits it and adds an intervention to the plan', async () => {
    const page = await newPage();
    const planId = await sorensenPlanId(session.server.url);
    await signInByKeyboard(page, 'COORDINATOR');
    await page.goto(`${session.server.url}/plan/${planId}`);
    const plan = page.locator('helhed-plan');
    await plan.locator('li.goal').first().waitFor();

    await tabTo(page, (f) => inside('helhed-plan')(f) && f.attributes['data-action'] === 'add-goal');
    await page.keyboard.press('Enter');
    // The form puts focus in its first field.
    await expect.poll(async () => (await focused(page)).attributes.id).toBe('text');
    await page.keyboard.type('Mikkel cykler selv til skole');
    await tabTo(page, (f) => f.attributes.name === 'departmentIds', { max: 3 });
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.attributes.id === 'baseline', { max: 12 });
    await page.keyboard.type('2');
    await tabTo(page, (f) => f.attributes.id === 'target', { max: 2 });
    await page.keyboard.type('8');
    await tabTo(page, (f) => inside('helhed-goal-form')(f) && f.attributes.type === 'submit', { max: 3 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => plan.locator('.goal-text').allTextContents())
      .toContain('Mikkel cykler selv til skole');

    // Saving closes the form and gives focus back to the button that opened it.
    await expect.poll(async () => (await focused(page)).attributes['data-action']).toBe('add-goal');

    await tabTo(
      page,
      (f) =>
        inside('helhed-plan')(f) &&
        f.attributes['data-action'] === 'edit-goal' &&
        f.text.includes('Mikkel cykler'),
      { backwards: true },
    );
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).attributes.id).toBe('text');
    await page.keyboard.press('End');
    await page.keyboard.type(' hver dag');
    await tabTo(page, (f) => inside('helhed-goal-form')(f) && f.attributes.type === 'submit', { max: 6 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => plan.locator('.goal-text').allTextContents())
      .toContain('Mikkel cykler selv til skole hver dag');
    await expect
      .poll(async () => (await focused(page)).text)
      .toContain('Mikkel cykler selv til skole hver dag');

    await tabTo(page, (f) => inside('helhed-plan')(f) && f.attributes['data-action'] === 'add-intervention', {
      max: 120,
    });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).attributes.id).toBe('departmentId');
    await tabTo(page, (f) => f.attributes.id === 'type', { max: 2 });
    await page.keyboard.type('Cykeltræning');
    await tabTo(page, (f) => f.attributes.id === 'legalBasis', { max: 2 });
    await page.keyboard.type('SEL § 11');
    await tabTo(page, (f) => f.attributes.id === 'startsOn', { max: 3 });
    await page.keyboard.type('01052026');
    await tabTo(page, (f) => f.attributes.name === 'goalIds', { max: 12 });
    await page.keyboard.press('Space');
    await tabTo(page, (f) => inside('helhed-intervention-form')(f) && f.attributes.type === 'submit', {
      max: 20,
    });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => plan.locator('section.interventions-section').textContent())
      .toContain('Cykeltræning');
    await expect.poll(async () => (await focused(page)).attributes['data-action']).toBe('add-intervention');
    const token = await devToken(session.server.url, { role: 'COORDINATOR' });
    const data = await dataOf<{
      plan: { interventions: { type: string; legalBasis: string; startsOn: string }[] };
    }>(
      session.server.url,
      token,
      'query($id: ID!) { plan(id: $id) { interventions { type legalBasis startsOn } } }',
      { id: planId },
    );
    expect(data.plan.interventions).toContainEqual({
      type: 'Cykeltræning',
      legalBasis: 'SEL § 11',
      startsOn: '2026-01-05',
    });
    expect(pageErrors(page)).toEqual([]);
  });

  it('runs a family dialogue meeting: starts it, picks who rates, rates a goal and ends it', async () => {
    const page = await newPage();
    const planId = await sorensenPlanId(session.server.url);
    await signInByKeyboard(page, 'PROFESSIONAL', 'Børn og Familie');
    await page.goto(`${session.server.url}/family/${planId}`);
    const dialog = page.locator('helhed-family-dialog');
    await dialog.locator('article').first().waitFor();
    await tabTo(page, (f) => inside('helhed-family-dialog')(f) && f.text === 'Start mødet', { max: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('#meeting-heading').textContent()).toBe('Mødet er i gang');
    // Focus moves to the panel that replaced the start button, and the choice of rater is next.
    await expect.poll(async () => (await focused(page)).attributes.id).toBe('meeting-heading');
    await tabTo(page, (f) => inside('helhed-family-dialog')(f) && f.attributes.type === 'radio', { max: 2 });
    await page.keyboard.press('Space');
    expect(await dialog.locator('input[type="radio"]:checked').count()).toBe(1);
    const rater = (await dialog.locator('label.choice:has(input:checked)').textContent())?.trim() ?? '';
    const goal = dialog.locator('article', { hasText: 'Mikkel kommer i skole hver dag' });
    const goalId = (await goal.getAttribute('data-goal-id')) as string;
    await tabTo(
      page,
      (f) =>
        inside('helhed-family-dialog')(f) &&
        f.attributes.role === 'slider' &&
        f.hosts.includes('helhed-rating-line'),
    );
    // Tab on to the slider of this goal (each goal has one slider and one save button).
    const sliderOf = async () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const root = el?.getRootNode();
        return root instanceof ShadowRoot ? (root.host.getAttribute('name') ?? '') : '';
      });
    for (let i = 0; i < 20 && (await sliderOf()) !== goalId; i++)
      await tabTo(page, (f) => f.attributes.role === 'slider', { max: 4 });
    expect(await sliderOf()).toBe(goalId);
    for (const key of ['Home', 'PageUp', 'PageUp', 'PageUp', 'ArrowRight', 'ArrowRight'])
      await page.keyboard.press(key);
    const value = Number((await focused(page)).attributes['aria-valuenow']);
    expect(value).toBeGreaterThan(0);
    await tabTo(page, (f) => inside('helhed-family-dialog')(f) && f.text === 'Gem point', { max: 2 });
    await page.keyboard.press('Enter');
    await expect.poll(() => goal.locator('.note').textContent()).toBe('Gemt.');
    const name = rater.replace(/\s*\(.*$/, '');
    await expect
      .poll(() => goal.locator('ul.marks').textContent())
      .toMatch(new RegExp(`${name} \\([^)]*\\): ${String(value).replace('.', ',')}`));

    // End the meeting: what was agreed and the next date, then the button.
    await tabTo(page, (f) => f.attributes.name === 'agreements', { max: 80 });
    await page.keyboard.type('Mikkel cykler med en voksen de første to uger.');
    await tabTo(page, (f) => f.attributes.name === 'nextMeetingOn', { max: 2 });
    await page.keyboard.type('12152026');
    await tabTo(page, (f) => inside('helhed-family-dialog')(f) && f.text === 'Afslut mødet', { max: 6 });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('#meeting-heading').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).attributes.id).toBe('accept-heading');
    const token = await devToken(session.server.url, { role: 'COORDINATOR' });
    const data = await dataOf<{
      plan: { meetings: { status: string; agreements: string; nextMeetingOn: string }[] };
    }>(
      session.server.url,
      token,
      'query($id: ID!) { plan(id: $id) { meetings { status agreements nextMeetingOn } } }',
      { id: planId },
    );
    expect(data.plan.meetings).toContainEqual({
      status: 'CLOSED',
      agreements: 'Mikkel cykler med en voksen de første to uger.',
      nextMeetingOn: '2026-12-15',
    });
    await leavesByTab(page, 'helhed-family-dialog', 120);
    expect(pageErrors(page)).toEqual([]);
  });
});
