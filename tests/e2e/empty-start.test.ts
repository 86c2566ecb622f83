import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchBrowser, outputDir } from '../support/browser.js';
import { countRows } from '../support/database.js';
import { dataOf } from '../support/graphql.js';
import { type Intranet, startIntranet } from '../support/intranet.js';
import { startTestIssuer, type TestIssuer } from '../support/issuer.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * Issue #17, "empty start": the API started as a municipality starts it (production mode, its
 * own identity provider, no demo seed) on an empty database, set up from the admin page embedded
 * in the municipality's intranet, up to the first family's one plan (docs/setup.md).
 */
const MUNICIPALITY = 'kommune-0101';
/** Each answer crosses the intranet's token backend, the issuer's keys and the API: on a loaded machine more than a second. */
const eventually = { timeout: 15_000 };
const admin: JWTPayload = { sub: 'it-admin-1', role: 'ADMIN', municipality: MUNICIPALITY };

let issuer: TestIssuer;
let intranet: Intranet;
let server: RunningServer;
let browser: Browser;
/** Script errors on any page the test opened: a widget that throws is a failure too. */
const pageErrors: string[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer('helhed-kommune');
  intranet = await startIntranet(issuer, () => server.url);
  server = await startServer({
    HELHED_PRODUCTION: 'true',
    NODE_ENV: 'production',
    ...issuer.env,
    CORS_ORIGINS: intranet.url,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await intranet?.close();
  await issuer?.close();
});

/** Opens an intranet page signed in as `who`, in a fresh browser context (its own session). */
async function openAs(who: JWTPayload, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  await context.addCookies([intranet.signIn(who)]);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${intranet.url}${path}`);
  return page;
}

/** The id a widget announced with its last event of this type (what the intranet keeps). */
async function lastAnnounced(page: Page, type: string, key: string): Promise<string> {
  return page.evaluate(
    ([t, k]) => {
      const events = (
        window as unknown as { helhedEvents: { type: string; detail: Record<string, string> }[] }
      ).helhedEvents;
      return events.filter((e) => e.type === t).at(-1)?.detail[k as string] ?? '';
    },
    [type, key],
  );
}

const asAdmin = async <T>(query: string, variables: Record<string, unknown> = {}) =>
  dataOf<T>(server.url, await issuer.sign(admin), query, variables);

describe('putting Helhed into service from an empty production database', () => {
  it('starts with nothing: no demo municipality, no departments, staff, citizens or families', async () => {
    for (const table of ['municipality', 'department', 'professional', 'citizen', 'family', 'plan'])
      expect(await countRows(server, table), table).toBe(0);
    expect(await asAdmin('{ departments { id } professionals { id } families { id } }')).toEqual({
      departments: [],
      professionals: [],
      families: [],
    });
    expect((await fetch(`${server.url}/auth/dev-token`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it("says on the server's own start page where sign-in happens, with no demo sign-in and no failure", async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/`);
    const login = page.locator('helhed-shell-login');
    await expect.poll(() => login.locator('h1').textContent(), eventually).toBe('Log ind');
    expect(await login.locator('p').allTextContents()).toEqual([
      'Denne server har ikke demoens login. Her bruges Helhed gennem kommunens eget system, for eksempel fagsystemet eller intranettet, som logger dig ind.',
    ]);
    expect(await login.locator('button, [role="alert"]').count()).toBe(0);
    await page.close();
  });

  it("sets up a department, a professional and a family, and a coordinator opens the family's one plan", async () => {
    // 1. The administrator, on the admin page in the intranet.
    const page = await openAs(admin, '/admin');
    const adminPage = page.locator('helhed-admin');
    await expect.poll(() => adminPage.locator('h2').textContent(), eventually).toBe('Opsætning af kommunen');
    expect(await adminPage.locator('.muted').allTextContents()).toEqual([
      'Der er ingen afdelinger endnu.',
      'Der er ingen medarbejdere endnu.',
      'Der er ingen familier endnu.',
    ]);

    const department = adminPage.locator('form.department');
    await department.getByLabel('Navn på afdeling').fill('Familieafdelingen');
    await department.getByLabel('Område').selectOption({ label: 'Børn og familie' });
    await department.getByRole('button', { name: 'Opret afdeling' }).click();
    await expect
      .poll(() => adminPage.locator('ul.departments li').allTextContents(), eventually)
      .toEqual([expect.stringContaining('Familieafdelingen (Børn og familie)')]);
    expect(await adminPage.locator('form.department ~ [role="status"]').textContent()).toBe('Gemt.');
    const departmentId = await lastAnnounced(page, 'helhed-saved', 'id');

    const staff = adminPage.locator('form.professional');
    await staff.getByLabel('Afdeling').selectOption({ label: 'Familieafdelingen' });
    await staff.getByLabel('Navn').fill('Lise Holm');
    await staff.getByLabel('Stilling').fill('Socialrådgiver');
    await staff.getByRole('button', { name: 'Tilføj medarbejder' }).click();
    await expect
      .poll(() => adminPage.locator('ul.staff li').allTextContents(), eventually)
      .toEqual(['Lise Holm, Socialrådgiver – Familieafdelingen']);
    const liseId = await lastAnnounced(page, 'helhed-saved', 'id');

    const family = adminPage.locator('form.family');
    await family.getByLabel('Familiens navn').fill('Familien Berg');
    await family.getByLabel('Forælder').fill('Mona Berg');
    await family.getByLabel('Fødselsår').first().fill('1988');
    await family.getByLabel('Barn (valgfrit)').fill('Lea Berg');
    await family.getByLabel('Fødselsår').last().fill('2016');
    await family.getByRole('button', { name: 'Opret familie' }).click();
    await expect
      .poll(() => adminPage.locator('ul.families li').allTextContents(), eventually)
      .toEqual([expect.stringContaining('Familien Berg: Lea Berg (barn), Mona Berg (forælder)')]);
    const familyId = await lastAnnounced(page, 'helhed-saved', 'id');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'empty-start-admin.png'), fullPage: true });

    // 2. A coordinator of the new department signs in for the first time (the identity
    // provider's name claim gives her a staff record) and opens the family's plan.
    const coordinator: JWTPayload = {
      sub: 'karin.dahl',
      role: 'COORDINATOR',
      municipality: MUNICIPALITY,
      department: departmentId,
      name: 'Karin Dahl',
      email: 'karin.dahl@kommune.example',
    };
    const planPage = await openAs(coordinator, `/plan-start?family=${familyId}`);
    const start = planPage.locator('helhed-plan-start');
    const choice = start.getByLabel('Tovholder (familiens kontaktperson)');
    await expect
      .poll(() => choice.locator('option').allTextContents(), eventually)
      .toEqual(['Karin Dahl – Familieafdelingen', 'Lise Holm, Socialrådgiver – Familieafdelingen']);
    await choice.selectOption({ label: 'Lise Holm, Socialrådgiver – Familieafdelingen' });
    await start.getByRole('button', { name: 'Opret plan' }).click();
    await expect
      .poll(() => start.locator('[role="status"]').textContent(), eventually)
      .toBe('Planen er oprettet med Lise Holm som tovholder.');
    const planId = await lastAnnounced(planPage, 'helhed-plan-created', 'planId');
    expect(await axeViolations(planPage)).toEqual([]);

    // 3. Through the API: the family has that plan, with Lise Holm as its coordinator.
    const coordinatorToken = await issuer.sign(coordinator);
    const { plan } = await dataOf<{
      plan: { familyId: string; coordinator: { id: string; displayName: string } };
    }>(
      server.url,
      coordinatorToken,
      'query($id: ID!) { plan(id: $id) { familyId coordinator { id displayName } } }',
      { id: planId },
    );
    expect(plan).toEqual({ familyId, coordinator: { id: liseId, displayName: 'Lise Holm' } });
    const { families } = await asAdmin<{ families: { id: string; activePlanId: string | null }[] }>(
      '{ families { id activePlanId } }',
    );
    expect(families).toEqual([{ id: familyId, activePlanId: planId }]);

    // 4. One plan: starting it again (a colleague, later) is refused, in words, and writes nothing.
    await planPage.reload();
    await choice.selectOption({ label: 'Karin Dahl – Familieafdelingen' });
    await start.getByRole('button', { name: 'Opret plan' }).click();
    await expect
      .poll(() => start.locator('[role="alert"]').textContent(), eventually)
      .toBe('Familien har allerede en aktiv plan. En familie har én plan; åbn den i stedet.');
    expect(await lastAnnounced(planPage, 'helhed-error', 'code')).toBe('CONFLICT');
    expect(await lastAnnounced(planPage, 'helhed-error', 'planId')).toBe(planId);
    expect(await countRows(server, 'plan')).toBe(1);
    await planPage.screenshot({ path: join(outputDir, 'empty-start-second-plan.png'), fullPage: true });

    // 5. The administrator's page now shows the coordinator's staff record and the family's plan.
    await page.reload();
    await expect
      .poll(() => adminPage.locator('ul.staff li').allTextContents(), eventually)
      .toEqual(['Karin Dahl – Familieafdelingen', 'Lise Holm, Socialrådgiver – Familieafdelingen']);
    expect(await adminPage.locator('ul.families li').textContent()).toContain('har en plan');
    expect(pageErrors).toEqual([]);
  });
});
