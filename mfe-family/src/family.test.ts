import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { defineFamilyElements } from './define.js';
import type { HelhedFamily } from './family.js';
import { familyMember, gql, parentToken, professionalToken } from './testing/real-api.js';

defineFamilyElements();

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const all = (el: HTMLElement, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const button = (el: HTMLElement, label: string) =>
  all(el, 'button').find((b) => text(b) === label) as HTMLButtonElement;

async function render(token: string, lang = 'da') {
  const el = await fixture<HelhedFamily>(html`<helhed-family lang=${lang} .token=${token}></helhed-family>`);
  await waitUntil(() => root(el).querySelector('nav, [role="alert"]'), 'the page is shown', {
    timeout: 5000,
  });
  return el;
}

async function openSection(el: HelhedFamily, section: string) {
  (root(el).querySelector(`button[data-section="${section}"]`) as HTMLButtonElement).click();
  await el.updateComplete;
}

async function choosePerson(el: HelhedFamily, label: string) {
  const before = text(root(el).querySelector('h2'));
  button(el, label).click();
  await waitUntil(
    () => text(root(el).querySelector('h2')) !== before && root(el).querySelector('nav'),
    `${label} is shown`,
    { timeout: 5000 },
  );
}

const goalCard = (el: HTMLElement, goalText: string) =>
  all(el, 'article.goal').find((a) => text(a.querySelector('h4')) === goalText) as HTMLElement;

describe('helhed-family', () => {
  beforeEach(() => setViewport({ width: 360, height: 740 }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it("shows a parent her own goals with each role's latest rating and the spread, then her son's", async () => {
    const el = await render(await parentToken('Anna'));
    expect(text(root(el).querySelector('h2'))).to.equal('Min side');
    expect(all(el, 'fieldset.people button').map(text)).to.deep.equal(['Mig (Anna)', 'Freja', 'Mikkel']);
    const job = goalCard(el, 'Anna får et fleksjob hun kan holde til');
    expect([...job.querySelectorAll('ul.roles li')].map(text)).to.have.members([
      'Barn: 5',
      'Forælder: 4,5',
      'Fagperson: 3,5',
    ]);
    expect(text(job.querySelector('.spread'))).to.equal('Forskel mellem jer: 1,5 point');
    expect(goalCard(el, 'Mikkel kommer i skole hver dag')).to.equal(undefined);
    await choosePerson(el, 'Mikkel');
    expect(text(root(el).querySelector('h2'))).to.equal('Mikkels side');
    expect(all(el, 'article.goal h4').map(text)).to.deep.equal(['Mikkel kommer i skole hver dag']);
    await expect(el).to.be.accessible();
  });

  it('rates a goal between meetings: stored once as given by the family themself, and marked so', async () => {
    const token = await parentToken('Anna');
    const el = await render(token);
    await choosePerson(el, 'Freja');
    // Freja has no goal of her own: the page says so instead of an empty list.
    expect(text(root(el).querySelector('.empty'))).to.equal('Der er ingen aktive mål endnu.');
    await choosePerson(el, 'Mig (Anna)');
    const card = goalCard(el, 'Vi har gode aftener sammen som familie');
    const line = card.querySelector('input[type="range"]') as HTMLInputElement;
    line.value = '8.5';
    line.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(card.querySelector('output'))).to.equal('8,5');
    (card.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(
      () => text(goalCard(el, 'Vi har gode aftener sammen som familie')?.querySelector('.note')) !== '',
      'the rating is answered',
      { timeout: 5000 },
    );
    const saved = goalCard(el, 'Vi har gode aftener sammen som familie');
    expect(text(saved.querySelector('.note'))).to.equal('Gemt. Pointene tæller som givet mellem møderne.');
    await waitUntil(
      () => text(goalCard(el, 'Vi har gode aftener sammen som familie')).includes('Forælder: 8,5'),
      'reloaded',
      {
        timeout: 5000,
      },
    );
    const parentLine = [
      ...goalCard(el, 'Vi har gode aftener sammen som familie').querySelectorAll('ul.roles li'),
    ].find((li) => text(li).startsWith('Forælder'));
    expect(text(parentLine)).to.equal('Forælder: 8,5mellem møder');
    const { citizen } = await gql<{
      citizen: { timeline: { goalRating: { value: number; channel: string } | null }[] };
    }>(
      token,
      'query($id: ID!) { citizen(id: $id) { timeline(limit: 5) { goalRating { value channel } } } }',
      { id: await familyMember('Anna', 'Anna Sørensen') },
    );
    expect(
      citizen.timeline.filter((e) => e.goalRating?.value === 8.5).map((e) => e.goalRating?.channel),
    ).to.deep.equal(['SELF']);
    await openSection(el, 'answers');
    const first = root(el).querySelector('ul.answers li') as HTMLElement;
    expect(text(first)).to.contain('Vi har gode aftener sammen som familie: 8,5 pointmellem møder');
    expect(text(first)).to.contain('Givet af: Forælder');
  });

  it('words the API’s refusal of a department it does not know in the page’s language, next to the field', async () => {
    const el = await render(await parentToken('Anna'));
    await choosePerson(el, 'Mikkel');
    await openSection(el, 'consents');
    const select = (name: string) => root(el).querySelector(`select[name="${name}"]`) as HTMLSelectElement;
    // A department retired since the page was read: its option is still there, the API no longer knows it.
    const from = select('fromDepartmentId');
    const gone = [...from.options].find((o) => o.text === 'Børn og Familie') as HTMLOptionElement;
    gone.value = crypto.randomUUID();
    from.value = gone.value;
    from.dispatchEvent(new Event('change'));
    const to = select('toDepartmentId');
    to.value = [...to.options].find((o) => o.text === 'Skole og Uddannelse')?.value ?? '';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, 'Giv samtykke').click();
    await waitUntil(() => root(el).querySelector('#fromDepartmentId-error'), 'the refusal is shown', {
      timeout: 5000,
    });
    expect(text(root(el).querySelector('#fromDepartmentId-error'))).to.equal('Vælg en afdeling.');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('li.consent')).to.equal(null);
  });

  it('lets a parent give and withdraw a consent for a child, in plain words, refusing a pair of one department', async () => {
    const el = await render(await parentToken('Anna'));
    await choosePerson(el, 'Mikkel');
    await openSection(el, 'consents');
    expect(text(root(el).querySelector('.empty'))).to.equal('Der er ingen samtykker.');
    const select = (name: string) => root(el).querySelector(`select[name="${name}"]`) as HTMLSelectElement;
    const pick = async (name: string, label: string) => {
      const s = select(name);
      s.value = [...s.options].find((o) => o.text === label)?.value ?? '';
      s.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await pick('fromDepartmentId', 'Børn og Familie');
    await pick('toDepartmentId', 'Børn og Familie');
    button(el, 'Giv samtykke').click();
    await el.updateComplete;
    // The refusal sits next to the field it is about, and the field says it is invalid.
    expect(text(root(el).querySelector('#toDepartmentId-error'))).to.equal('Vælg to forskellige afdelinger.');
    expect(select('toDepartmentId').getAttribute('aria-invalid')).to.equal('true');
    await pick('toDepartmentId', 'Skole og Uddannelse');
    expect(text(root(el).querySelector('.preview'))).to.equal(
      'Skole og Uddannelse må se, hvad Børn og Familie har registreret om Mikkel, til brug for: koordinering af den fælles plan.',
    );
    button(el, 'Giv samtykke').click();
    await waitUntil(() => root(el).querySelector('li.consent'), 'the consent is listed', { timeout: 5000 });
    const consent = root(el).querySelector('li.consent') as HTMLElement;
    expect(text(consent.querySelector('p'))).to.equal(
      'Skole og Uddannelse må se, hvad Børn og Familie har registreret om Mikkel, til brug for: koordinering af den fælles plan.',
    );
    expect(text(consent.querySelector('.muted'))).to.match(/^Gælder nu · Givet \d/);
    await expect(el).to.be.accessible();
    (consent.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(
      () => root(el).querySelector('li.consent')?.getAttribute('data-status') === 'REVOKED',
      'revoked',
      {
        timeout: 5000,
      },
    );
    expect(text(root(el).querySelector('li.consent .muted'))).to.match(/^Trukket tilbage/);
    expect(root(el).querySelector('li.consent button')).to.equal(null);
  });

  it("shows who has looked: the professional's read with department, purpose in words and Copenhagen time", async () => {
    const mikkel = await familyMember('Anna', 'Mikkel Sørensen');
    await gql(await professionalToken('CHILDREN_FAMILY'), 'query($id: ID!) { citizen(id: $id) { id } }', {
      id: mikkel,
    });
    const el = await render(await parentToken('Anna'));
    await choosePerson(el, 'Mikkel');
    await openSection(el, 'access');
    const row = all(el, 'ul.access li').find((li) => text(li).startsWith('Børn og Familie')) as HTMLElement;
    const at = row.querySelector('time')?.getAttribute('datetime') ?? '';
    const copenhagen = new Intl.DateTimeFormat('da-DK', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Copenhagen',
    }).format(new Date(at));
    expect(text(row)).to.equal(`Børn og Familie · arbejde med sagen ${copenhagen}`);
    await expect(el).to.be.accessible();
  });

  it('switches language: Arabic right to left and mirrored, English, and back to Danish', async () => {
    const el = await render(await parentToken('Karim'));
    const picker = () => root(el).querySelector('label.language select') as HTMLSelectElement;
    expect([...picker().options].map((o) => o.text)).to.deep.equal([
      'Dansk',
      'العربية',
      'English',
      'Українська',
    ]);
    const pick = async (code: string) => {
      picker().value = code;
      picker().dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    let picked = '';
    el.addEventListener('helhed-language-change', (e) => {
      picked = (e as CustomEvent<{ language: string }>).detail.language;
    });
    await pick('ar');
    expect(picked).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(text(root(el).querySelector('h2'))).to.equal('صفحتي');
    // Mirrored: the heading starts at the right edge, the picker at the left.
    const heading = (root(el).querySelector('h2') as HTMLElement).getBoundingClientRect();
    const language = (root(el).querySelector('label.language') as HTMLElement).getBoundingClientRect();
    expect(heading.right).to.be.greaterThan(language.right);
    await expect(el).to.be.accessible();
    await pick('uk');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(text(root(el).querySelector('h2'))).to.equal('Моя сторінка');
    await pick('en');
    expect(text(root(el).querySelector('h2'))).to.equal('My page');
    await openSection(el, 'goals');
    expect(text(root(el).querySelector('h3'))).to.equal('Goals and points');
    await pick('da');
    expect(text(root(el).querySelector('h3'))).to.equal('Mål og point');
  });

  it('is usable by keyboard alone, with a visible focus ring and thumb-sized targets', async () => {
    const el = await render(await parentToken('Anna'));
    const consentsButton = root(el).querySelector('button[data-section="consents"]') as HTMLButtonElement;
    (root(el).querySelector('button[data-section="answers"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(consentsButton);
    expect(getComputedStyle(consentsButton).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(consentsButton.getAttribute('aria-pressed')).to.equal('true');
    expect(text(root(el).querySelector('h3'))).to.equal('Samtykker');
    for (const control of all(el, 'button, select')) {
      expect(control.getBoundingClientRect().height, text(control)).to.be.at.least(44);
    }
  });

  it('tells a professional the page is for families, without asking the API for anyone', async () => {
    const el = await render(await professionalToken('EMPLOYMENT'));
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
      'Denne side er for borgere og forældre, der er logget ind.',
    );
    expect(root(el).querySelector('nav')).to.equal(null);
    // Without any token it says the same, instead of loading for ever.
    const nobody = await fixture<HelhedFamily>(html`<helhed-family></helhed-family>`);
    await waitUntil(() => root(nobody).querySelector('[role="alert"]'), 'the page answers', {
      timeout: 3000,
    });
    expect(text(root(nobody).querySelector('[role="alert"]'))).to.equal(
      'Denne side er for borgere og forældre, der er logget ind.',
    );
  });

  it('says plainly when the API cannot be reached, and offers to try again', async () => {
    const el = await fixture<HelhedFamily>(
      html`<helhed-family api="http://127.0.0.1:9/graphql" .token=${await parentToken('Anna')}></helhed-family>`,
    );
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the failure is shown', {
      timeout: 5000,
    });
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
      'Der er ingen forbindelse lige nu. Prøv igen om lidt.',
    );
    expect(button(el, 'Prøv igen')).to.not.equal(undefined);
  });
});
