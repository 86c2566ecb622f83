import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { defineFamilyAnswerElements } from './answer.js';
import type { HelhedFamilyAnswer } from './family-answer.js';
import { gql, invite, parentId, professionalToken, setNetwork, sorensenPlan } from './testing/real-api.js';

defineFamilyAnswerElements();

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (el: HTMLElement, label: string) =>
  [...root(el).querySelectorAll<HTMLElement>('.row')].find(
    (r) => text(r.querySelector('label')) === label,
  ) as HTMLElement;

async function open(token: string) {
  const el = await fixture<HelhedFamilyAnswer>(
    html`<helhed-family-answer token=${token}></helhed-family-answer>`,
  );
  await waitUntil(() => root(el).querySelector('form, [role="alert"]'), 'the link is read', {
    timeout: 5000,
  });
  return el;
}

async function slide(el: HelhedFamilyAnswer, label: string, value: number) {
  const input = row(el, label).querySelector('input') as HTMLInputElement;
  input.value = String(value);
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function send(el: HelhedFamilyAnswer) {
  (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
  await el.updateComplete;
  await waitUntil(
    () => !(root(el).querySelector('button[type="submit"]') as HTMLButtonElement | null)?.disabled,
    'the answer is back',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

const planGoalsLink = async (language = 'da') =>
  invite({ inviteeId: await parentId('Anna'), planId: await sorensenPlan(), language });

/** The plan's ratings given through a link, as the family's caseworker sees them. */
async function linkRatings(): Promise<number[]> {
  const { plan } = await gql<{
    plan: { timeline: { goalRating: { value: number; channel: string } | null }[] };
  }>(
    await professionalToken('CHILDREN_FAMILY'),
    'query($id: ID!) { plan(id: $id) { timeline(limit: 200) { goalRating { value channel } } } }',
    { id: await sorensenPlan() },
  );
  return plan.timeline.flatMap((e) => (e.goalRating?.channel === 'INVITATION' ? [e.goalRating.value] : []));
}

describe('helhed-family-answer', () => {
  beforeEach(() => setViewport({ width: 360, height: 740 }));
  afterEach(async () => {
    await setNetwork('up');
    await setViewport({ width: 800, height: 600 });
  });

  it('shows a link’s goals, unanswered, and asks for at least one rating before sending anything', async () => {
    const el = await open(await planGoalsLink());
    expect(text(root(el).querySelector('h2'))).to.equal('Dine svar');
    expect(text(root(el).querySelector('p'))).to.equal('Børn og Familie beder om dine svar.');
    const labels = [...root(el).querySelectorAll('.row label')].map(text);
    expect(labels).to.include('Mikkel kommer i skole hver dag');
    expect(text(row(el, 'Mikkel kommer i skole hver dag').querySelector('output'))).to.equal('Ikke besvaret');
    await expect(el).to.be.accessible();
    await send(el);
    expect(text(root(el).querySelector('.form-error'))).to.equal('Giv point for mindst ét mål.');
    expect(root(el).querySelector('form')).to.not.equal(null);
  });

  it('takes a rating and thanks; the rating is stored once, as given through the link', async () => {
    const before = (await linkRatings()).length;
    const el = await open(await planGoalsLink());
    await slide(el, 'Mikkel kommer i skole hver dag', 7.5);
    expect(text(row(el, 'Mikkel kommer i skole hver dag').querySelector('output'))).to.equal('7,5');
    await send(el);
    expect(text(root(el).querySelector('h2'))).to.equal('Tak for dine svar');
    const after = await linkRatings();
    expect(after.length - before).to.equal(1);
    expect(after).to.include(7.5);
  });

  it('puts the API’s refusal next to the rating it names, and keeps the link usable', async () => {
    const el = await open(await planGoalsLink());
    const goal = row(el, 'Mikkel kommer i skole hver dag');
    // A page tampered with (or an old scale) sends a value off the goal's scale: the API names
    // the field (ratings.0.value), and the page shows it at that goal.
    const input = goal.querySelector('input') as HTMLInputElement;
    input.max = '100';
    await slide(el, 'Mikkel kommer i skole hver dag', 42);
    await send(el);
    expect(text(goal.querySelector('.field-error'))).to.equal('Vælg en værdi på skalaen.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal(goal.querySelector('.field-error')?.id);
    await slide(el, 'Mikkel kommer i skole hver dag', 4);
    await send(el);
    expect(text(root(el).querySelector('h2'))).to.equal('Tak for dine svar');
  });

  it('refuses a used link with its own page, and says so for an unknown or missing one', async () => {
    const token = await planGoalsLink();
    const first = await open(token);
    await slide(first, 'Mikkel kommer i skole hver dag', 3);
    await send(first);
    expect(text(root(first).querySelector('h2'))).to.equal('Tak for dine svar');
    const again = await open(token);
    expect(text(root(again).querySelector('h2'))).to.equal('Linket virker ikke');
    expect(root(again).querySelector('[role="alert"]')?.getAttribute('data-reason')).to.equal('USED');
    expect(text(root(again).querySelector('[role="alert"]'))).to.equal(
      'Linket er allerede brugt. Dine svar er modtaget.',
    );
    expect(root(again).querySelector('form')).to.equal(null);
    const unknown = await open('not-a-real-token-0000000000000000');
    expect(root(unknown).querySelector('[role="alert"]')?.getAttribute('data-reason')).to.equal('UNKNOWN');
    expect(text(root(unknown).querySelector('[role="alert"]'))).to.equal(
      'Linket kendes ikke. Tjek, at du har brugt hele linket fra beskeden.',
    );
    await expect(unknown).to.be.accessible();
    history.replaceState(null, '', location.pathname + location.search);
    const missing = await open('');
    expect(root(missing).querySelector('[role="alert"]')?.getAttribute('data-reason')).to.equal('MISSING');
  });

  it('keeps one key across retries: an answer whose reply was lost is stored once', async () => {
    const before = (await linkRatings()).length;
    const el = await open(await planGoalsLink());
    await slide(el, 'Mikkel kommer i skole hver dag', 6.5);
    await setNetwork('lose-answers');
    await send(el);
    expect(text(root(el).querySelector('.form-error'))).to.equal(
      'Der er ingen forbindelse lige nu. Prøv igen om lidt.',
    );
    await setNetwork('up');
    await send(el);
    expect(text(root(el).querySelector('h2'))).to.equal('Tak for dine svar');
    expect((await linkRatings()).length - before).to.equal(1);
  });

  it('reads the token from the link’s fragment and speaks the invitation’s language, right to left in Arabic', async () => {
    const token = await planGoalsLink('ar');
    history.replaceState(null, '', `${location.pathname}${location.search}#t=${encodeURIComponent(token)}`);
    try {
      const el = await fixture<HelhedFamilyAnswer>(html`<helhed-family-answer></helhed-family-answer>`);
      await waitUntil(() => root(el).querySelector('form'), 'the link is read', { timeout: 5000 });
      expect(el.getAttribute('lang')).to.equal('ar');
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(text(root(el).querySelector('h2'))).to.equal('إجاباتك');
      await expect(el).to.be.accessible();
      const picker = root(el).querySelector('label.language select') as HTMLSelectElement;
      picker.value = 'uk';
      picker.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.getAttribute('dir')).to.equal('ltr');
      expect(text(root(el).querySelector('h2'))).to.equal('Ваші відповіді');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('reads a second link pasted into the same tab afresh, and a broken one as broken', async () => {
    const first = await planGoalsLink('da');
    const second = await planGoalsLink('en');
    const goTo = (token: string) => {
      history.replaceState(null, '', `${location.pathname}${location.search}#t=${encodeURIComponent(token)}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    };
    goTo(first);
    try {
      const el = await fixture<HelhedFamilyAnswer>(html`<helhed-family-answer></helhed-family-answer>`);
      await waitUntil(() => root(el).querySelector('form'), 'the first link is read', { timeout: 5000 });
      expect(el.getAttribute('lang')).to.equal('da');
      const input = root(el).querySelector<HTMLInputElement>('form input[data-row]');
      const label = text(input?.closest('.row')?.querySelector('label'));
      await slide(el, label, 5);
      const mark = () => root(el).querySelector('form input[data-row]')?.getAttribute('aria-valuetext');
      expect(mark()).to.equal('5');
      goTo(second);
      await waitUntil(() => el.getAttribute('lang') === 'en', 'the second link is read', { timeout: 5000 });
      await waitUntil(() => root(el).querySelector('form'), 'its form is shown', { timeout: 5000 });
      // The first link's mark is not carried over to the second.
      expect(mark()).to.not.equal('5');
      goTo('not-a-link');
      await waitUntil(() => root(el).querySelector('[data-reason]'), 'the broken link is said', {
        timeout: 5000,
      });
      expect(root(el).querySelector('[data-reason]')?.getAttribute('data-reason')).to.equal('UNKNOWN');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('asks every question of a questionnaire and names the one left out next to it', async () => {
    const anna = await parentId('Anna');
    const token = await invite({
      inviteeId: anna,
      questionnaire: { citizenId: anna, instrumentKey: 'outcome' },
    });
    const el = await open(token);
    const rows = [...root(el).querySelectorAll<HTMLElement>('.row')];
    expect(rows.length).to.be.greaterThan(1);
    for (const r of rows.slice(1)) {
      const input = r.querySelector('input') as HTMLInputElement;
      input.value = '6';
      input.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    await send(el);
    const first = rows[0] as HTMLElement;
    expect(text(first.querySelector('.field-error'))).to.equal('Dette spørgsmål mangler et svar.');
    expect(first.querySelector('input')?.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(first.querySelector('input'));
    const input = first.querySelector('input') as HTMLInputElement;
    input.value = '4';
    input.dispatchEvent(new Event('input'));
    await send(el);
    expect(text(root(el).querySelector('h2'))).to.equal('Tak for dine svar');
  });
});
