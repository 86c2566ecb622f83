import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchBrowser } from '../support/browser.js';
import { citizenWithHistory, demoIdentities, sorensenPlanId } from '../support/demo.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

let server: RunningServer;
let browser: Browser;
let planId: string;
let citizenId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  planId = await sorensenPlanId(server.url);
  const employment = (await demoIdentities(server.url)).find(
    (i) => i.role === 'PROFESSIONAL' && i.label === 'Jobcenter',
  )?.departmentId as string;
  citizenId = await citizenWithHistory(server.url, employment);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeDir(server.dataDir);
});

type Lang = 'da' | 'en';

/** A fresh context in `lang` (the shell remembers the language choice in localStorage). */
async function openShell(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('helhed.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator('helhed-shell-login button').first().waitFor();
  return page;
}

async function signIn(page: Page, role: string, label?: string) {
  const button = page.locator(
    `helhed-shell-login button[data-role="${role}"]`,
    label ? { hasText: label } : {},
  );
  await button.first().click();
  await page.locator('helhed-shell-home').waitFor();
}

/** Each route, who sees it, and what shows the page has finished loading. */
const routes: {
  name: string;
  role: string;
  label?: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
  title: Record<Lang, string>;
}[] = [
  {
    name: 'home',
    role: 'COORDINATOR',
    path: () => '/',
    ready: (p) => p.locator('helhed-shell-home helhed-caseload li.row').first().waitFor(),
    title: { da: 'Borgere – Helhed', en: 'Citizens – Helhed' },
  },
  {
    name: '/instruments',
    role: 'ADMIN',
    path: () => '/instruments',
    ready: (p) => p.locator('helhed-instrument-catalog li.instrument').first().waitFor(),
    title: { da: 'Måleredskaber – Helhed', en: 'Instruments – Helhed' },
  },
  {
    name: '/citizen/:id',
    role: 'PROFESSIONAL',
    label: 'Jobcenter',
    path: () => `/citizen/${citizenId}`,
    ready: async (p) => {
      await p.locator('helhed-progress-chart .point circle').first().waitFor();
      await p.locator('helhed-session-feedback helhed-rating-line').first().waitFor();
    },
    title: { da: 'Samtaler og udvikling – Helhed', en: 'Sessions and progress – Helhed' },
  },
  {
    name: '/plan/:id',
    role: 'COORDINATOR',
    path: () => `/plan/${planId}`,
    ready: (p) => p.locator('helhed-plan .contact-points').waitFor(),
    title: { da: 'Plan – Helhed', en: 'Plan – Helhed' },
  },
  {
    name: '/family/:planId',
    role: 'COORDINATOR',
    path: () => `/family/${planId}`,
    ready: (p) => p.locator('helhed-family-dialog article').first().waitFor(),
    title: { da: 'Familiedialog – Helhed', en: 'Family dialogue – Helhed' },
  },
  {
    name: '/statistics',
    role: 'ANALYST',
    path: () => '/statistics',
    ready: (p) => p.locator('helhed-statistics table').waitFor(),
    title: { da: 'Statistik – Helhed', en: 'Statistics – Helhed' },
  },
  {
    name: '/statistics for a role without access',
    role: 'PROFESSIONAL',
    label: 'Jobcenter',
    path: () => '/statistics',
    ready: (p) => p.locator('helhed-shell-not-for-role [role="alert"]').waitFor(),
    title: { da: 'Statistik – Helhed', en: 'Statistics – Helhed' },
  },
  {
    name: '/familie',
    role: 'PARENT',
    label: 'Anna',
    path: () => '/familie',
    ready: (p) => p.locator('helhed-family article.goal').first().waitFor(),
    title: { da: 'Min side – Helhed', en: 'My page – Helhed' },
  },
  {
    name: '/admin',
    role: 'ADMIN',
    path: () => '/admin',
    ready: (p) => p.locator('helhed-admin form.family').waitFor(),
    title: { da: 'Opsætning – Helhed', en: 'Setup – Helhed' },
  },
];

describe('the axe check itself', () => {
  it('sees into the widgets’ shadow roots: a nameless button there is a violation', async () => {
    const page = await openShell('da');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('helhed-shell-login').evaluate((el) => {
      el.shadowRoot?.append(Object.assign(document.createElement('button'), { type: 'button' }));
    });
    const found = await axeViolations(page);
    expect(found.map((v) => v.id)).toEqual(['button-name']);
    expect(found[0]?.targets[0]).toContain('helhed-shell-login');
    await page.context().close();
  });
});

describe.each(['da', 'en'] as const)('axe-core, WCAG 2.1 A and AA, in %s', (lang) => {
  it('finds nothing on the login page', async () => {
    const page = await openShell(lang);
    expect(await page.title()).toBe(
      lang === 'da' ? 'Log ind i demoen – Helhed' : 'Sign in to the demo – Helhed',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(routes)('finds nothing on $name', async (route) => {
    const page = await openShell(lang);
    await signIn(page, route.role, route.label);
    await page.goto(`${server.url}${route.path()}`);
    await route.ready(page);
    await expect.poll(() => page.title()).toBe(route.title[lang]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
