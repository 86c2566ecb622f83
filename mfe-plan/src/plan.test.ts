import { setLocale } from '@helhed/kit';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { definePlanElements } from './define.js';
import type { HelhedPlan } from './plan.js';
import {
  createTestPlan,
  demoParent,
  demoPlanId,
  devToken,
  goalTexts,
  type TestPlan,
} from './testing/real-api.js';

definePlanElements();

let coordinator: string;
let plan: TestPlan;

before(async () => {
  coordinator = await devToken({ role: 'COORDINATOR' });
  plan = await createTestPlan(coordinator);
});

afterEach(() => setLocale(null));

async function showPlan(token: string, planId = plan.planId, extra: Partial<HelhedPlan> = {}) {
  const el = await fixture<HelhedPlan>(
    html`<helhed-plan plan-id=${planId} .token=${token} .viewerRole=${extra.viewerRole ?? ''}
      .citizenId=${extra.citizenId ?? ''}></helhed-plan>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('.overview, [role="alert"]'), 'plan never loaded', {
    timeout: 4000,
  });
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const $$ = (el: Element, selector: string) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function goalItem(el: HelhedPlan, goalText: string): HTMLElement {
  const found = $$(el, 'li.goal').find((li) => text(li.querySelector('.goal-text')) === goalText);
  if (!found) throw new Error(`no goal "${goalText}"`);
  return found;
}

describe('helhed-plan: what the plan makes visible', () => {
  it('counts the contact points in words', async () => {
    const el = await showPlan(coordinator);
    expect(text($(el, '.contact-points'))).to.equal('Familien møder 3 fagpersoner fra 4 forvaltninger.');
  });

  it('flags the parallel interventions for a conversation, naming both', async () => {
    const el = await showPlan(coordinator);
    const flags = $$(el, '[data-flag="parallel"]');
    expect(flags).to.have.length(1);
    expect(text(flags[0])).to.contain('»Mentorstøtte« (Jobcenter)');
    expect(text(flags[0])).to.contain('»Socialpædagogisk støtte« (Voksenområdet)');
    expect(text(flags[0])).to.contain('»Jeg kommer op om morgenen«');
    expect(text(flags[0])).to.contain('Tal sammen om, hvem der gør hvad');
  });

  it('flags a goal no intervention serves and an intervention that serves no goal', async () => {
    const el = await showPlan(coordinator);
    expect($$(el, '[data-flag="unserved"]').map(text)).to.deep.equal([
      '! Ingen indsats arbejder for målet »Jeg har styr på min økonomi«.',
    ]);
    expect(text($(el, '[data-flag="without-goal"]'))).to.contain(
      'Indsatsen »Vejledning om boligstøtte« (Borgerservice) arbejder ikke for noget mål',
    );
  });

  it('shows each goal with owners, status, progress in numbers and the dominant goal in words', async () => {
    const el = await showPlan(coordinator);
    const morning = goalItem(el, 'Jeg kommer op om morgenen');
    expect(text(morning.querySelector('.dominant-badge'))).to.equal('★ Vigtigste mål');
    expect(text(morning.querySelector('.owners'))).to.match(
      /^Ansvarlige forvaltninger: (Jobcenter, Voksenområdet|Voksenområdet, Jobcenter)$/,
    );
    expect(text(morning.querySelector('.status'))).to.equal('Status: Aktivt');
    // Latest = mean of the roles' latest ratings (7 and 3) = 5; (5 − 2) / (8 − 2) = 50 %.
    expect(text(morning.querySelector('.progress'))).to.equal(
      '50 % af vejen fra udgangspunkt til mål (2 → 5 af 8)',
    );
    const treatment = goalItem(el, 'Jeg har overskud til mine børn');
    expect(treatment.querySelector('.dominant-badge')).to.equal(null);
    expect(text(treatment.querySelector('.progress'))).to.equal(
      '40 % af vejen fra udgangspunkt til mål (4 → 6 af 9)',
    );
    expect(text(goalItem(el, 'Jeg har styr på min økonomi').querySelector('.progress'))).to.equal(
      'Ingen vurdering endnu (udgangspunkt 3, mål 7)',
    );
  });

  it('flags disagreement between raters and draws the trend of the ratings', async () => {
    const el = await showPlan(coordinator);
    const morning = goalItem(el, 'Jeg kommer op om morgenen');
    expect(text(morning.querySelector('.disagreement'))).to.contain(
      'Vurderingerne ligger 4 point fra hinanden',
    );
    expect(morning.querySelector('svg.sparkline polyline')).to.not.equal(null);
    expect(text(morning.querySelector('.trend .sr-only'))).to.equal(
      'Udvikling i vurderingerne: 5 → 5,5 → 6,5 → 5',
    );
    expect(text(goalItem(el, 'Jeg har overskud til mine børn').querySelector('.agreement'))).to.contain(
      '0 point',
    );
  });

  it('groups interventions by department with legal basis, responsible professional and goals', async () => {
    const el = await showPlan(coordinator);
    const groups = $$(el, 'section.department');
    expect(groups.map((g) => text(g.querySelector('h4')))).to.have.members([
      'Jobcenter',
      'Voksenområdet',
      'Børn og Familie',
      'Borgerservice',
    ]);
    const adult = groups.find((g) => text(g.querySelector('h4')) === 'Voksenområdet') as HTMLElement;
    const details = [...adult.querySelectorAll('dt')].map(
      (dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`,
    );
    expect(details).to.include.members([
      'Lovgrundlag: SEL § 85',
      'Ansvarlig: Sara Lund, Bostøttemedarbejder',
      'Arbejder for: Jeg kommer op om morgenen',
    ]);
  });

  it('shows the latest classification and alert per department, and the divergence in words', async () => {
    const el = await showPlan(coordinator, plan.planId, { citizenId: plan.citizenId });
    await waitUntil(() => $(el, '.progression'), 'no progression');
    const section = $(el, '.progression') as HTMLElement;
    expect(text(section.querySelector('.divergent'))).to.contain(
      'Udviklingen for Test Testesen peger i hver sin retning',
    );
    const lines = [...section.querySelectorAll('.series li')].map(text);
    expect(lines).to.include.members([
      'Jobcenter – Sådan går det: pålidelig bedring, advarsel grøn',
      'Voksenområdet – Sådan går det: pålidelig forværring, advarsel rød',
    ]);
    expect(text($(el, '.contact-points'))).to.match(/^Borgeren møder 3 fagpersoner/);
  });

  it('speaks English when asked', async () => {
    setLocale('en');
    const el = await showPlan(coordinator);
    expect(text($(el, '.contact-points'))).to.equal('The family meets 3 professionals from 4 departments.');
    expect(text($(el, '[data-flag="unserved"]'))).to.contain('No intervention works towards');
  });

  it('shows the seeded Sørensen family plan with its parallel pairs', async () => {
    const el = await showPlan(coordinator, await demoPlanId(coordinator));
    expect(text($(el, '.contact-points'))).to.equal('Familien møder 3 fagpersoner fra 3 forvaltninger.');
    // Two pairs, in the API's order: §85 support beside family treatment, and beside the mentor.
    const pairs = $$(el, '[data-flag="parallel"]').map(text);
    expect(
      pairs.some(
        (p) =>
          p.includes('»Socialpædagogisk støtte« (Voksenområdet)') &&
          p.includes('»Familiebehandling« (Børn og Familie)'),
      ),
    ).to.equal(true);
    expect(pairs.some((p) => p.includes('»Mentorstøtte« (Jobcenter)'))).to.equal(true);
    expect(text(goalItem(el, 'Mikkel kommer i skole hver dag').querySelector('.dominant-badge'))).to.contain(
      'Vigtigste mål',
    );
  });
});

describe('helhed-plan: editing within the rules', () => {
  it('lets a coordinator add a goal, which then appears', async () => {
    const el = await showPlan(coordinator);
    ($(el, '[data-action="add-goal"]') as HTMLButtonElement).click();
    const form = await waitUntil(() => $(el, 'helhed-goal-form')).then(
      () => $(el, 'helhed-goal-form') as HTMLElement,
    );
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const f = form.shadowRoot as ShadowRoot;
    await sendKeys({ type: 'Vi spiser morgenmad sammen' });
    (f.querySelectorAll<HTMLInputElement>('input[name="departmentIds"]')[0] as HTMLInputElement).click();
    (f.querySelector('#baseline') as HTMLInputElement).value = '2';
    (f.querySelector('#target') as HTMLInputElement).value = '7';
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(
      () => $$(el, '.goal-text').some((g) => text(g) === 'Vi spiser morgenmad sammen'),
      'goal not shown',
    );
    expect(await goalTexts(coordinator, plan.planId)).to.include('Vi spiser morgenmad sammen');
    expect($(el, 'helhed-goal-form')).to.equal(null);
  });

  it('shows the API validation message next to the field and writes nothing', async () => {
    const before = await goalTexts(coordinator, plan.planId);
    const el = await showPlan(coordinator);
    ($(el, '[data-action="add-goal"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'helhed-goal-form')?.shadowRoot?.querySelector('form'));
    const f = $(el, 'helhed-goal-form')?.shadowRoot as ShadowRoot;
    (f.querySelector('#text') as HTMLTextAreaElement).value = 'Et mål uden afstand';
    (f.querySelector('input[name="departmentIds"]') as HTMLInputElement).click();
    (f.querySelector('#baseline') as HTMLInputElement).value = '5';
    (f.querySelector('#target') as HTMLInputElement).value = '5';
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => f.querySelector('#error-target'), 'no field message');
    const target = f.querySelector('#target') as HTMLInputElement;
    expect(target.getAttribute('aria-invalid')).to.equal('true');
    expect(target.getAttribute('aria-describedby')).to.contain('error-target');
    expect(text(f.querySelector('[data-field="target"] .field-error'))).to.contain(
      'Målet skal ligge på skalaen og være forskelligt fra udgangspunktet.',
    );
    expect(f.activeElement).to.equal(target);
    expect(await goalTexts(coordinator, plan.planId)).to.deep.equal(before);
  });

  it('lets a coordinator change a goal’s status', async () => {
    const el = await showPlan(coordinator);
    const treatment = goalItem(el, 'Jeg har overskud til mine børn');
    (treatment.querySelector('[data-action="edit-goal"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'helhed-goal-form')?.shadowRoot?.querySelector('#status'));
    const f = $(el, 'helhed-goal-form')?.shadowRoot as ShadowRoot;
    (f.querySelector('#status') as HTMLSelectElement).value = 'ACHIEVED';
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(
      () => text(goalItem(el, 'Jeg har overskud til mine børn').querySelector('.status')) === 'Status: Nået',
      'status not changed',
    );
  });

  it('adds an intervention; a date the API refuses is marked at its field', async () => {
    const el = await showPlan(coordinator);
    ($(el, '[data-action="add-intervention"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'helhed-intervention-form')?.shadowRoot?.querySelector('form'));
    const f = $(el, 'helhed-intervention-form')?.shadowRoot as ShadowRoot;
    const set = (selector: string, value: string) => {
      (f.querySelector(selector) as HTMLInputElement).value = value;
    };
    set('#type', 'Budgetrådgivning');
    set('#legalBasis', 'SEL § 10');
    set('#startsOn', '2026-03-01');
    set('#endsOn', '2026-02-01');
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => f.querySelector('#error-endsOn'), 'no message at endsOn');
    expect(text(f.querySelector('#error-endsOn'))).to.contain('Slutdatoen må ikke ligge før startdatoen.');
    set('#endsOn', '');
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(
      () => $$(el, '.intervention h5').some((h) => text(h).startsWith('Budgetrådgivning')),
      'not shown',
    );
  });

  it('offers no edit controls to a parent, and shows FORBIDDEN plainly when a change is tried anyway', async () => {
    const parent = await devToken({ role: 'PARENT', citizenId: await demoParent() });
    const planId = await demoPlanId(coordinator);
    const el = await showPlan(parent, planId);
    expect($$(el, 'li.goal').length).to.be.greaterThan(0);
    expect($$(el, '[data-action], helhed-goal-form, form')).to.have.length(0);
    const before = await goalTexts(coordinator, planId);
    // The API decides: even when the controls are forced on, the parent's change is refused.
    const forced = await showPlan(parent, planId, { viewerRole: 'COORDINATOR' });
    ($(forced, '[data-action="add-goal"]') as HTMLButtonElement).click();
    await waitUntil(() => $(forced, 'helhed-goal-form')?.shadowRoot?.querySelector('form'));
    const f = $(forced, 'helhed-goal-form')?.shadowRoot as ShadowRoot;
    (f.querySelector('#text') as HTMLTextAreaElement).value = 'Forælderens eget mål';
    (f.querySelector('input[name="departmentIds"]') as HTMLInputElement).click();
    (f.querySelector('#baseline') as HTMLInputElement).value = '1';
    (f.querySelector('#target') as HTMLInputElement).value = '6';
    (f.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => f.querySelector('[role="alert"]'), 'no refusal shown');
    expect(text(f.querySelector('[role="alert"]'))).to.equal(
      'Du har ikke lov til at gemme denne ændring. Intet er gemt.',
    );
    expect(await goalTexts(coordinator, planId)).to.deep.equal(before);
  });

  it('shows an analyst no plan and no edit controls', async () => {
    const el = await showPlan(await devToken({ role: 'ANALYST' }));
    // NOT_FOUND or FORBIDDEN, as the API's policy has it: either way said plainly, nothing shown.
    expect(text($(el, '[role="alert"]'))).to.match(/^Planen kunne ikke hentes\. .*ikke adgang/);
    expect($$(el, 'li.goal')).to.have.length(0);
    expect($$(el, '[data-action]')).to.have.length(0);
  });
});

describe('helhed-plan: for everyone', () => {
  it('is accessible, with and without a form open', async function () {
    // Two axe runs over the whole plan, its cost tables included: more than mocha's default on a busy machine.
    (this as { timeout(ms: number): void }).timeout(30_000);
    const el = await showPlan(coordinator, plan.planId, { citizenId: plan.citizenId });
    await waitUntil(() => $(el, '.progression'));
    await expect(el).to.be.accessible();
    ($(el, '[data-action="add-intervention"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'helhed-intervention-form')?.shadowRoot?.querySelector('form'));
    await expect(el).to.be.accessible();
  });

  it('prints as a document without buttons or forms', async () => {
    const el = await showPlan(coordinator);
    ($(el, '[data-action="add-goal"]') as HTMLButtonElement).click();
    await emulateMedia({ media: 'print' });
    try {
      const hidden = (node: Element | null) => node !== null && getComputedStyle(node).display === 'none';
      expect($$(el, 'button').every(hidden)).to.equal(true);
      expect(hidden($(el, 'helhed-goal-form'))).to.equal(true);
      expect(getComputedStyle($(el, 'li.goal') as HTMLElement).color).to.equal('rgb(0, 0, 0)');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await showPlan(coordinator);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('helhed-plan: single-spa', () => {
  it('mounts as a parcel with props as properties, and unmounts', async () => {
    const { planParcel } = await import('./index.js');
    const domElement = document.createElement('div');
    document.body.append(domElement);
    await planParcel.mount({ name: 'plan-parcel', domElement, planId: plan.planId, token: coordinator });
    const el = domElement.querySelector('helhed-plan') as HelhedPlan;
    expect(el.planId).to.equal(plan.planId);
    await waitUntil(() => $(el, '.overview'), 'parcel never loaded');
    await planParcel.unmount({ name: 'plan-parcel', domElement });
    expect(domElement.querySelector('helhed-plan')).to.equal(null);
    domElement.remove();
  });
});
