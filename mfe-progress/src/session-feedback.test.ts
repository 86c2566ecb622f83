import { type HelhedRatingLine, setLocale } from '@helhed/kit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { defineProgressElements } from './define.js';
import type { HelhedSessionFeedback, RecordedDetail } from './session-feedback.js';
import { devToken, professionalWithCitizen, seriesOf, setNetwork } from './testing/real-api.js';

defineProgressElements();

type Setup = Awaited<ReturnType<typeof professionalWithCitizen>>;

async function renderForm(setup: Setup, lang?: string) {
  const el = await fixture<HelhedSessionFeedback>(html`<helhed-session-feedback
    citizen-id=${setup.citizen}
    department-id=${setup.department}
    lang=${lang ?? 'da'}
    .token=${setup.token}
  ></helhed-session-feedback>`);
  await waitUntil(() => lines(el).length === 4, 'the four lines are shown');
  return el;
}

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const lines = (el: HTMLElement) => [...shadow(el).querySelectorAll<HelhedRatingLine>('helhed-rating-line')];
const heading = (el: HTMLElement) => shadow(el).querySelector('h2')?.textContent?.trim();
const alertText = (el: HTMLElement) => shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';

async function press(...keys: string[]) {
  for (const key of keys) await sendKeys({ press: key });
}

/** Marks each line by keyboard: Tab onto it, an arrow key puts the thumb at 5, then Page Up/Down. */
async function rateByKeyboard(el: HelhedSessionFeedback, keysPerLine: string[][]) {
  lines(el)[0]?.focus();
  for (const [i, keys] of keysPerLine.entries()) {
    if (i > 0) await press('Tab');
    await press(...keys);
  }
  await el.updateComplete;
}

/** Tabs from the last line to the send button and presses Enter. */
async function submitByKeyboard(el: HelhedSessionFeedback) {
  lines(el).at(-1)?.focus();
  await press('Tab', 'Enter');
}

describe('helhed-session-feedback', () => {
  afterEach(async () => {
    setLocale(null);
    await resetMouse();
    await setNetwork('up');
  });

  it('shows the outcome lines with the API wording in Danish and an adult’s anchors', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    expect(heading(el)).to.equal('Sådan går det');
    expect(lines(el).map((l) => l.label)).to.deep.equal([
      'Sådan har jeg det med mig selv',
      'Mine nærmeste relationer',
      'Min hverdag',
      'Alt i alt lige nu',
    ]);
    expect(lines(el).every((l) => l.required && !l.faces && l.value === null)).to.equal(true);
    expect(shadow(el).querySelector('.meta')?.textContent).to.contain('1. samtale');
  });

  it('records the outcome rated by keyboard, with the total of the values entered', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    // 5 → 6; 5 → 4; 5 → 5.1; End → 10: total 25.1
    await rateByKeyboard(el, [
      ['ArrowRight', 'PageUp'],
      ['ArrowLeft', 'PageDown'],
      ['ArrowUp', 'ArrowUp'],
      ['End'],
    ]);
    expect(lines(el).map((l) => l.value)).to.deep.equal([6, 4, 5.1, 10]);
    const recorded = oneEvent(el, 'helhed-recorded');
    await submitByKeyboard(el);
    const detail = ((await recorded) as CustomEvent<RecordedDetail>).detail;
    expect(detail).to.include({ instrumentKey: 'outcome', total: 25.1, citizenId: setup.citizen });
    const [series] = await seriesOf(setup.token, setup.citizen);
    expect(series?.points).to.deep.equal([{ total: 25.1, session: 1 }]);
    expect(series?.respondentRole).to.equal('CITIZEN');
  });

  it('records values marked with the pointer where the line was clicked', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    for (const [i, line] of lines(el).entries()) {
      line.scrollIntoView({ block: 'center' });
      const track = line.shadowRoot?.querySelector('[part="track"]')?.getBoundingClientRect() as DOMRect;
      const x = Math.round(track.left + track.width * (0.2 + i * 0.2));
      await sendMouse({ type: 'click', position: [x, Math.round(track.top + track.height / 2)] });
    }
    await el.updateComplete;
    const values = lines(el).map((l) => l.value ?? Number.NaN);
    values.forEach((v, i) => {
      expect(v).to.be.closeTo(2 + i * 2, 0.11);
    });
    const recorded = oneEvent(el, 'helhed-recorded');
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const tenths = values.reduce((sum, v) => sum + Math.round(v * 10), 0);
    expect(((await recorded) as CustomEvent<RecordedDetail>).detail.total).to.equal(tenths / 10);
  });

  it('refuses to send with a line unmarked, says which one and moves focus to it; nothing is recorded', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    let recorded = 0;
    el.addEventListener('helhed-recorded', () => recorded++);
    el.addEventListener('helhed-pending', () => recorded++);
    lines(el)[0]?.focus();
    await press('ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Tab', 'ArrowRight');
    await submitByKeyboard(el);
    await el.updateComplete;
    expect(alertText(el)).to.equal(
      'Der mangler et mærke på én linje: Min hverdag. Sæt et mærke, og send igen.',
    );
    expect(shadow(el).activeElement).to.equal(lines(el)[2]);
    expect(shadow(el).querySelector('li.missing .line-missing')?.textContent).to.contain('Mangler et mærke');
    // Marking the line clears its warning; the form still has not sent anything.
    await press('ArrowRight');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li.missing').length).to.equal(0);
    expect(recorded).to.equal(0);
    expect(await seriesOf(setup.token, setup.citizen)).to.deep.equal([]);
  });

  it('lists every unmarked line when none is marked', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await el.updateComplete;
    expect(alertText(el)).to.contain('Der mangler et mærke på 4 linjer');
    expect(shadow(el).activeElement).to.equal(lines(el)[0]);
  });

  it('takes the citizen from the outcome to the session form and records both, totals as entered', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    const totals: number[] = [];
    el.addEventListener('helhed-recorded', (e) =>
      totals.push((e as CustomEvent<RecordedDetail>).detail.total),
    );
    await rateByKeyboard(el, [['End'], ['End'], ['PageDown', 'PageDown'], ['Home']]); // 10 + 10 + 4 + 0
    await submitByKeyboard(el);
    await waitUntil(() => heading(el) === 'Tak for dine svar', 'between the two parts');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('h2'));
    expect(shadow(el).querySelector('.result')?.textContent).to.contain('Sådan går det: 24 af 40');
    await press('Tab', 'Enter');
    await waitUntil(() => heading(el) === 'Om mødet i dag', 'the session form');
    expect(shadow(el).querySelector('.meta')?.textContent).to.contain('Del 2 af 2');
    expect(lines(el).every((l) => l.value === null)).to.equal(true);
    await rateByKeyboard(el, [['End'], ['End'], ['End', 'ArrowLeft'], ['End']]); // 39.9
    await submitByKeyboard(el);
    await waitUntil(() => heading(el) === 'Tak, fordi du svarede', 'the thank-you');
    expect(totals).to.deep.equal([24, 39.9]);
    const series = await seriesOf(setup.token, setup.citizen);
    const byKey = Object.fromEntries(series.map((s) => [s.instrumentKey, s.points]));
    expect(byKey).to.deep.equal({
      outcome: [{ total: 24, session: 1 }],
      session: [{ total: 39.9, session: 1 }],
    });
    expect(shadow(el).querySelectorAll('.result.sent').length).to.equal(2);
  });

  it('numbers the session after the latest one this department recorded', async () => {
    const setup = await professionalWithCitizen();
    const first = await renderForm(setup);
    await rateByKeyboard(first, [['End'], ['End'], ['End'], ['End']]);
    const recorded = oneEvent(first, 'helhed-recorded');
    await submitByKeyboard(first);
    await recorded;
    const next = await renderForm(setup);
    expect(shadow(next).querySelector('.meta')?.textContent).to.contain('2. samtale');
  });

  it('gives a child of 9 the child wording with faces, recorded as the child’s answer', async () => {
    const setup = await professionalWithCitizen('CHILDREN_FAMILY', 9);
    const el = await renderForm(setup);
    expect(heading(el)).to.equal('Sådan har jeg det');
    expect(lines(el).every((l) => l.faces)).to.equal(true);
    expect(lines(el)[0]?.highLabel).to.equal('Rigtig godt');
    await rateByKeyboard(el, [['End'], ['End'], ['End'], ['End']]);
    const recorded = oneEvent(el, 'helhed-recorded');
    await submitByKeyboard(el);
    expect(((await recorded) as CustomEvent<RecordedDetail>).detail.instrumentKey).to.equal('child-outcome');
    const [series] = await seriesOf(setup.token, setup.citizen);
    expect(series?.respondentRole).to.equal('CHILD');
  });

  it('speaks English when its lang is en', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup, 'en');
    expect(heading(el)).to.equal('How things are going');
    expect(lines(el)[3]?.label).to.equal('All in all, right now');
    expect(shadow(el).querySelector('button[type="submit"]')?.textContent?.trim()).to.equal(
      'Send the answers',
    );
  });

  it('says kindly when the API refuses the answers, and keeps them on screen', async () => {
    const setup = await professionalWithCitizen();
    const other = await professionalWithCitizen('HEALTH');
    // A professional of another department cannot record for this one.
    const el = await renderForm({ ...setup, token: other.token, citizen: other.citizen });
    await rateByKeyboard(el, [['End'], ['End'], ['End'], ['End']]);
    const failed = oneEvent(el, 'helhed-error');
    await submitByKeyboard(el);
    expect(((await failed) as CustomEvent<{ code: string }>).detail.code).to.equal('FORBIDDEN');
    await el.updateComplete;
    expect(alertText(el)).to.equal(
      'Svarene blev ikke gemt. Du har ikke adgang til at gemme svar for denne forvaltning.',
    );
    expect(lines(el).map((l) => l.value)).to.deep.equal([10, 10, 10, 10]);
  });

  it('keeps answers on the device without a connection and sends them once when it returns', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    await rateByKeyboard(el, [['End'], ['End'], ['End'], ['Home']]);
    await setNetwork('down');
    const pending = oneEvent(el, 'helhed-pending');
    await submitByKeyboard(el);
    await pending;
    await waitUntil(() => shadow(el).querySelector('.result.pending'), 'the pending status');
    expect(shadow(el).querySelector('.result')?.textContent).to.contain(
      'Gemt på enheden – sendes, når der er forbindelse',
    );
    expect(await seriesOf(setup.token, setup.citizen)).to.deep.equal([]);
    await setNetwork('up');
    const recorded = oneEvent(el, 'helhed-recorded');
    window.dispatchEvent(new Event('online'));
    expect(((await recorded) as CustomEvent<RecordedDetail>).detail.total).to.equal(30);
    await waitUntil(() => shadow(el).querySelector('.result.sent'), 'confirmed as sent');
    expect(shadow(el).querySelector('.result')?.textContent).to.contain('30 af 40 · Sendt');
    const [series] = await seriesOf(setup.token, setup.citizen);
    expect(series?.points).to.deep.equal([{ total: 30, session: 1 }]);
  });

  it('stores an answer once when it arrived but the reply was lost, and is sent again', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    await rateByKeyboard(el, [['End'], ['End'], ['Home'], ['Home']]);
    await setNetwork('lose-answers');
    const pending = oneEvent(el, 'helhed-pending');
    await submitByKeyboard(el);
    await pending;
    // The API has it already; the device does not know.
    expect((await seriesOf(setup.token, setup.citizen))[0]?.points.length).to.equal(1);
    await setNetwork('up');
    const recorded = oneEvent(el, 'helhed-recorded');
    window.dispatchEvent(new Event('online'));
    expect(((await recorded) as CustomEvent<RecordedDetail>).detail.total).to.equal(20);
    const [series] = await seriesOf(setup.token, setup.citizen);
    expect(series?.points).to.deep.equal([{ total: 20, session: 1 }]);
  });

  it('asks for a citizen and a department when they are missing', async () => {
    const el = await fixture<HelhedSessionFeedback>(
      html`<helhed-session-feedback .token=${await devToken({ role: 'ADMIN' })}></helhed-session-feedback>`,
    );
    expect(shadow(el).textContent).to.contain('Der mangler en borger eller en forvaltning');
  });

  it('is accessible, also while it points out a missing line', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderForm(setup);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible between the parts and at the end', async () => {
    const setup = await professionalWithCitizen('CHILDREN_FAMILY', 9);
    const el = await renderForm(setup);
    await rateByKeyboard(el, [['End'], ['End'], ['End'], ['End']]);
    await submitByKeyboard(el);
    await waitUntil(() => heading(el) === 'Tak for dine svar');
    await expect(el).to.be.accessible();
    await press('Tab', 'Enter');
    await waitUntil(() => lines(el).length === 4 && heading(el) === 'Om i dag');
    await rateByKeyboard(el, [['End'], ['End'], ['End'], ['End']]);
    await submitByKeyboard(el);
    await waitUntil(() => shadow(el).querySelectorAll('.result.sent').length === 2);
    await expect(el).to.be.accessible();
  });
});
