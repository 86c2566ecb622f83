import { startTestSmtp, type TestSmtp } from '@helhed/api/testing/smtp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchBrowser } from '../support/browser.js';
import { dataOf, devToken } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

/**
 * A family answers between meetings from an e-mailed link (docs/family.md, docs/delivery.md),
 * against the built server, a local SMTP server that receives over TCP, and Chromium: the
 * invitation is mailed, opened on a 360 px phone, answered, and the rating appears on the
 * professional's open family dialogue without a reload. The link is then used up; a second link
 * opened eight days later (the same database served under faketime) has expired.
 */
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const phone = { width: 360, height: 740 };

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startServer({ SMTP_URL: smtp.url });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  if (server) removeDir(server.dataDir);
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  contexts.push(context);
  return context.newPage();
}

interface World {
  worker: string;
  department: string;
  annaId: string;
  planId: string;
}

async function sorensen(url: string): Promise<World> {
  const admin = await devToken(url, { role: 'ADMIN' });
  const { departments } = await dataOf<{ departments: { id: string; kind: string }[] }>(
    url,
    admin,
    '{ departments { id kind } }',
  );
  const department = departments.find((d) => d.kind === 'CHILDREN_FAMILY')?.id as string;
  const worker = await devToken(url, { role: 'PROFESSIONAL', departmentId: department });
  const { citizens } = await dataOf<{
    citizens: { id: string; displayName: string; plans: { id: string }[] }[];
  }>(url, worker, 'query($s: String) { citizens(search: $s) { id displayName plans { id } } }', {
    s: 'Anna',
  });
  const anna = citizens.find((c) => c.displayName === 'Anna Sørensen');
  return { worker, department, annaId: anna?.id as string, planId: anna?.plans[0]?.id as string };
}

const INVITE = `mutation($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) { invitation { id delivery } } }`;

async function invite(url: string, w: World, validDays = 7): Promise<void> {
  await dataOf(url, w.worker, INVITE, {
    input: {
      inviteeId: w.annaId,
      planId: w.planId,
      departmentId: w.department,
      validDays,
      email: 'anna@example.org',
    },
  });
}

const linkIn = (text: string) => /(http:\/\/[^\s]+\/svar#t=[A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

describe('an invitation by e-mail, answered on a phone', () => {
  it('is sent from the professional’s screen, mailed, opened, answered, and reaches that screen live', async () => {
    const w = await sorensen(server.url);
    const desk = await newPage({ width: 1280, height: 900 });
    await desk.goto(`${server.url}/`);
    await desk.locator('helhed-shell-login button', { hasText: 'Børn og Familie' }).first().click();
    await desk.locator('helhed-shell-home').waitFor();
    await desk.goto(`${server.url}/family/${w.planId}`);
    const dialog = desk.locator('helhed-family-dialog');
    await dialog.locator('h2').first().waitFor();
    const timeOrigin = await desk.evaluate(() => performance.timeOrigin);

    // The professional asks Anna, by e-mail, from the family dialogue.
    const panel = dialog.locator('section.invite');
    await panel.locator('select[name="inviteeId"]').selectOption({ label: 'Anna Sørensen (forælder)' });
    await panel.locator('input[name="email"]').fill('anna@example.org');
    await panel.locator('button', { hasText: 'Send invitation' }).click();
    await panel
      .locator('.invite-result', { hasText: 'Invitationen er sendt til anna@example.org' })
      .waitFor();
    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail?.to).toEqual(['anna@example.org']);
    expect(mail?.text).toContain('Børn og Familie');
    // The message names the department, never the family or the child.
    expect(mail?.text).not.toMatch(/Anna|Mikkel|Sørensen/);
    const link = linkIn(mail?.text ?? '');
    expect(link.startsWith(`${server.url}/svar#t=`)).toBe(true);

    const phonePage = await newPage(phone);
    await phonePage.goto(link);
    const answer = phonePage.locator('helhed-family-answer');
    const goal = answer.locator('.row', { hasText: 'Mikkel kommer i skole hver dag' }).first();
    await goal.waitFor();
    expect(await axeViolations(phonePage)).toEqual([]);
    const slider = goal.locator('input[type="range"]').first();
    await slider.focus();
    for (let i = 0; i < 2; i++) await phonePage.keyboard.press('ArrowRight');
    const chosen = Number(await slider.inputValue()).toLocaleString('da-DK');
    await answer.locator('button[type="submit"]').click();
    await answer.locator('.thanks').waitFor();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const seen = dialog.locator('article', { hasText: 'Mikkel kommer i skole hver dag' }).locator('.between');
    await expect.poll(() => seen.textContent(), { timeout: 10_000 }).toContain(`forælder ${chosen}`);
    expect(await desk.evaluate(() => performance.timeOrigin)).toBe(timeOrigin);

    // The same link again: used up, said plainly, nothing offered to rate.
    const again = await newPage(phone);
    await again.goto(link);
    const used = again.locator('helhed-family-answer');
    await used.locator('p', { hasText: 'Linket er allerede brugt' }).waitFor({ timeout: 10_000 });
    expect(await used.locator('input[type="range"]').count()).toBe(0);
  });

  it('refuses a link opened after it expired, offering nothing to rate', async () => {
    const w = await sorensen(server.url);
    const before = smtp.received.length;
    await invite(server.url, w, 1);
    const mails = await smtp.waitFor(before + 1, 20_000);
    const link = linkIn(mails.at(-1)?.text ?? '');
    // The same database served eight days later: faketime shifts the API's clock.
    const later = await startServer({ SMTP_URL: smtp.url }, server.dataDir, server.databaseUrl, '+8d');
    try {
      const page = await newPage(phone);
      await page.goto(`${later.url}/svar${new URL(link).hash}`);
      const answer = page.locator('helhed-family-answer');
      await answer.locator('p', { hasText: 'Linket er udløbet' }).waitFor({ timeout: 10_000 });
      expect(await answer.locator('input[type="range"]').count()).toBe(0);
    } finally {
      await later.stop();
    }
  });
});
