import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../support/browser.js';
import { dataOf } from '../support/graphql.js';
import { useBrowserSession } from '../support/session.js';

const session = useBrowserSession();

/** A fresh context signed in through the demo login page. */
async function signIn(role: string, label?: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${session.server.url}/`);
  await page
    .locator(`helhed-shell-login button[data-role="${role}"]`, label ? { hasText: label } : {})
    .first()
    .click();
  await page.locator('helhed-shell-home').waitFor();
  return page;
}

const navLinks = (page: Page) => page.locator('helhed-shell-header nav a').allTextContents();

interface Cell {
  departmentKind: string;
  n: number | null;
  improved: number | null;
  suppressed: boolean;
}

describe('the statistics page', () => {
  it('gives an analyst the anonymous statistics from the header: chart, table, suppressed cells marked', async () => {
    const page = await signIn('ANALYST');
    const errors: string[] = [];
    const scripts: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    expect(await navLinks(page)).toContain('Statistik');
    await page.locator('helhed-shell-header a[href="/statistics"]').click();
    await page.waitForURL(/\/statistics$/);
    const stats = page.locator('helhed-statistics');
    await stats.locator('table').waitFor();
    expect(await page.locator('helhed-shell-header a[aria-current="page"]').textContent()).toBe('Statistik');

    // The table says what the API says, for the filter the widget sent.
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('helhed.session') ?? '{}').token as string,
    );
    const filter = await stats.evaluate((el) => {
      const s = el as unknown as { instrumentKey: string; from: string; to: string; period: string };
      return { instrumentKey: s.instrumentKey, from: s.from, to: s.to, period: s.period };
    });
    const api = await dataOf<{ progressionStatistics: { cells: Cell[] } }>(
      session.server.url,
      token,
      'query($filter: StatisticsFilter!) { progressionStatistics(filter: $filter) { cells { departmentKind n improved suppressed } } }',
      { filter },
    );
    const cells = api.progressionStatistics.cells;
    const rows = await stats
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent?.trim() ?? '')));
    expect(rows).toHaveLength(cells.length);
    for (const [i, cell] of cells.entries()) {
      const row = rows[i] as string[];
      if (cell.suppressed) expect(row.slice(1)).toEqual(Array(7).fill('undertrykt'));
      else expect([row[1], row[2]]).toEqual([String(cell.n), String(cell.improved)]);
    }
    const suppressedBars = stats.locator('svg.chart g.row[data-suppressed="true"]');
    expect(await suppressedBars.count()).toBe(cells.filter((c) => c.suppressed).length);
    expect(await suppressedBars.first().locator('rect.segment').count()).toBe(0);
    expect(await suppressedBars.first().locator('text.suppressed-text').textContent()).toBe('undertrykt');
    // The shell's single-spa module through the import map, not the vendor script.
    expect(scripts).toContain('/mfe-statistics/helhed-statistics.js');
    expect(scripts).not.toContain('/mfe-statistics/embed.js');
    await page.screenshot({ path: join(outputDir, 'statistics.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('offers the page to a coordinator and an administrator too', async () => {
    for (const role of ['COORDINATOR', 'ADMIN']) {
      const page = await signIn(role);
      expect(await navLinks(page)).toContain('Statistik');
      await page.goto(`${session.server.url}/statistics`);
      await page.locator('helhed-statistics table').waitFor();
      await page.context().close();
    }
  });

  it('tells a professional and a parent plainly that it is not for their role, and offers no link', async () => {
    for (const [role, label] of [
      ['PROFESSIONAL', 'Jobcenter'],
      ['PARENT', 'Anna'],
    ] as const) {
      const page = await signIn(role, label);
      expect(await navLinks(page)).not.toContain('Statistik');
      await page.goto(`${session.server.url}/statistics`);
      const notice = page.locator('helhed-shell-not-for-role');
      await expect
        .poll(() => notice.locator('[role="alert"]').textContent())
        .toContain('Statistikken er for analytikere, koordinatorer og administratorer.');
      expect(await notice.locator('h1').textContent()).toBe('Statistik');
      expect(await page.locator('helhed-statistics').count()).toBe(0);
      await page.context().close();
    }
  });

  it('fits a 320 px phone without sideways scrolling of the page', async () => {
    const page = await signIn('ANALYST', undefined, { width: 320, height: 800 });
    await page.goto(`${session.server.url}/statistics`);
    await page.locator('helhed-statistics table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(outputDir, 'statistics-320.png'), fullPage: true });
  });
});
