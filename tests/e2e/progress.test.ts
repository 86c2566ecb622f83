import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { dataOf } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

const api = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
  dataOf<T>(session.server.url, token, query, variables);

async function signInAsProfessional(page: Page) {
  await page.goto(`${session.server.url}/`);
  await page.locator('helhed-shell-login button[data-role="PROFESSIONAL"]').first().click();
  await page.locator('helhed-shell-home').waitFor();
  return page.evaluate(
    () =>
      JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}') as { token: string; departmentId: string },
  );
}

/** A new adult citizen with three earlier outcome sessions recorded by the professional's department. */
async function citizenWithHistory(token: string, departmentId: string): Promise<string> {
  const { createCitizen } = await api<{ createCitizen: { id: string } }>(
    token,
    'mutation { createCitizen(input: {displayName: "E2E Borger", birthYear: 1985}) { id } }',
  );
  const day = 86_400_000;
  for (const [i, value] of [3.5, 4, 4.5].entries()) {
    await api(
      token,
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      {
        input: {
          idempotencyKey: `e2e-${createCitizen.id}-${i}`,
          citizenId: createCitizen.id,
          departmentId,
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: new Date(Date.now() - (3 - i) * 14 * day).toISOString(),
          session: i + 1,
          values: [value, value, value, value],
        },
      },
    );
  }
  return createCitizen.id;
}

/** Marks the four lines by keyboard only: Tab between them, keys on each, then Tab to send. */
async function rateAndSend(page: Page, keysPerLine: string[][]) {
  const form = page.locator('helhed-session-feedback');
  await form.locator('[role="slider"]').first().focus();
  for (const [i, keys] of keysPerLine.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    for (const key of keys) await page.keyboard.press(key);
  }
  await page.keyboard.press('Tab');
  await expect
    .poll(() => form.locator('button[type="submit"]').evaluate((b) => b.matches(':focus')))
    .toBe(true);
}

describe('the citizen view in Chromium', () => {
  it('records a session by keyboard, outcome then session, and the chart follows', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { token, departmentId } = await signInAsProfessional(page);
    expect(departmentId).toBeTruthy();
    const citizenId = await citizenWithHistory(token, departmentId);

    await page.goto(`${session.server.url}/citizen/${citizenId}`);
    const form = page.locator('helhed-session-feedback');
    const chart = page.locator('helhed-progress-chart');
    await expect.poll(() => form.locator('helhed-rating-line').count()).toBe(4);
    await expect.poll(() => chart.locator('figure[data-instrument="outcome"] .point circle').count()).toBe(3);
    await expect.poll(() => form.locator('.meta').textContent()).toContain('4. samtale');

    // 5 → 7, 5 → 6, 5 → 8, 5 → 7: total 28, above the cutoff of 25.
    await rateAndSend(page, [
      ['ArrowRight', 'PageUp', 'PageUp'],
      ['ArrowRight', 'PageUp'],
      ['ArrowRight', 'PageUp', 'PageUp', 'PageUp'],
      ['ArrowRight', 'PageUp', 'PageUp'],
    ]);
    await page.screenshot({ path: join(outputDir, 'progress-form.png'), fullPage: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('h2').textContent()).toBe('Tak for dine svar');
    await expect.poll(() => chart.locator('figure[data-instrument="outcome"] .point circle').count()).toBe(4);
    const outcome = chart.locator('figure[data-instrument="outcome"]');
    expect(await outcome.getAttribute('data-classification')).toBe('IMPROVED');
    expect(await outcome.locator('.reasons').textContent()).toContain('Det går pålideligt bedre');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('h2').textContent()).toBe('Om mødet i dag');
    await rateAndSend(page, [['End'], ['End'], ['End', 'PageDown'], ['End']]);
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('h2').textContent()).toBe('Tak, fordi du svarede');
    await expect.poll(() => chart.locator('figure[data-instrument="session"] .point circle').count()).toBe(1);
    expect(await form.locator('.result.sent').count()).toBe(2);
    await page.screenshot({ path: join(outputDir, 'progress-chart.png'), fullPage: true });

    const data = await api<{
      citizen: {
        progression: { series: { instrumentKey: string; points: { total: number; session: number }[] }[] };
      };
    }>(
      token,
      'query($id: ID!) { citizen(id: $id) { progression { series { instrumentKey points { total session } } } } }',
      {
        id: citizenId,
      },
    );
    const byKey = Object.fromEntries(data.citizen.progression.series.map((s) => [s.instrumentKey, s.points]));
    expect(byKey.outcome?.at(-1)).toEqual({ total: 28, session: 4 });
    expect(byKey.session).toEqual([{ total: 39, session: 4 }]);
    expect(errors).toEqual([]);
  });

  it('fits a 320 px wide phone: no sideways scrolling, the table behind a toggle', async () => {
    const page = await session.browser.newPage({ viewport: { width: 320, height: 640 } });
    const { token, departmentId } = await signInAsProfessional(page);
    const citizenId = await citizenWithHistory(token, departmentId);
    await page.goto(`${session.server.url}/citizen/${citizenId}`);
    const chart = page.locator('helhed-progress-chart');
    await expect.poll(() => chart.locator('.point circle').count()).toBe(3);
    await expect.poll(() => page.locator('helhed-session-feedback helhed-rating-line').count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await chart.locator('.table-toggle').click();
    await expect.poll(() => chart.locator('tbody tr').count()).toBe(3);
    // All four columns fit without scrolling the table sideways.
    const wrap = chart.locator('.table-wrap').first();
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    await page.screenshot({ path: join(outputDir, 'progress-320.png'), fullPage: true });
    await chart
      .locator('figure')
      .first()
      .screenshot({ path: join(outputDir, 'progress-320-chart.png') });
  });
});
