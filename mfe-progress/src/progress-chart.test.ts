import { formatDate, setLocale } from '@helhed/kit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { defineProgressElements } from './define.js';
import type { HelhedProgressChart } from './progress-chart.js';
import { departmentId, devToken, gql, professionalWithCitizen, recordSeries } from './testing/real-api.js';

defineProgressElements();

/** Four item values that add up to `total` on a 0–10 line. */
const itemsFor = (total: number) => {
  const tenths = Math.round(total * 10);
  const base = Math.floor(tenths / 4);
  return [0, 1, 2, 3].map((i) => (base + (i < tenths - base * 4 ? 1 : 0)) / 10);
};

async function renderChart(token: string, citizen: string, lang = 'da') {
  const el = await fixture<HelhedProgressChart>(
    html`<helhed-progress-chart citizen-id=${citizen} lang=${lang} .token=${token}></helhed-progress-chart>`,
  );
  // A chart settles with its tables, which come a frame after the first picture while hidden.
  await waitUntil(
    () => el.shadowRoot?.querySelector('figure table, .empty, [role="alert"]'),
    'the chart settles',
  );
  return el;
}

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A fresh adult with outcome totals 18, 20, 19, 17 at sessions 1–4 in the jobcentre. */
async function flatSeries() {
  const setup = await professionalWithCitizen();
  await recordSeries(setup.token, setup.citizen, setup.department, 'outcome', [18, 20, 19, 17].map(itemsFor));
  return setup;
}

describe('helhed-progress-chart', () => {
  afterEach(() => setLocale(null));

  it('shows a flat series as red, with the reason in words and the cutoff at 25 above every point', async () => {
    const { token, citizen } = await flatSeries();
    const el = await renderChart(token, citizen);
    const figure = shadow(el).querySelector('figure[data-instrument="outcome"]');
    expect(figure?.getAttribute('data-classification')).to.equal('NO_RELIABLE_CHANGE');
    expect(figure?.getAttribute('data-alert')).to.equal('RED');
    expect(text(figure?.querySelector('h3'))).to.equal('Sådan går det Jobcenter · borgerens egne svar');
    expect(text(figure?.querySelector('.badge'))).to.equal('!! Rød');
    expect(text(figure?.querySelector('.reasons'))).to.equal(
      'Ingen pålidelig bedring efter 4. samtale – tal om, hvad der skal til',
    );
    expect(text(figure?.querySelector('.change'))).to.equal(
      'Ingen pålidelig ændring: -1 point fra første til seneste måling (18 → 17 af 40).',
    );
    const circles = [...(figure?.querySelectorAll('.point circle') ?? [])];
    expect(circles.length).to.equal(4);
    expect([...(figure?.querySelectorAll('text.session') ?? [])].map(text)).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
    ]);
    const cutoff = figure?.querySelector('line.cutoff');
    expect(cutoff).to.exist;
    const cutoffY = Number(cutoff?.getAttribute('y1'));
    for (const c of circles) expect(Number(c.getAttribute('cy'))).to.be.greaterThan(cutoffY);
    expect(figure?.querySelector('svg')?.getAttribute('aria-label')).to.equal(
      'Sådan går det, 4 målinger. Seneste 17 af 40. Klinisk grænse 25.',
    );
    expect(text(figure?.querySelector('.legend'))).to.contain('Klinisk grænse (25)');
    expect(text(figure?.querySelector('.legend'))).to.contain('Pålidelig ændring: ±5 fra første måling');
    expect(figure?.querySelector('rect.band')).to.exist;
  });

  it('has the numbers in a real table with a caption, shown by the toggle and always there for screen readers', async () => {
    const { token, citizen } = await flatSeries();
    const el = await renderChart(token, citizen);
    const table = shadow(el).querySelector('table') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Sådan går det – Jobcenter, borgerens egne svar');
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Samtale',
      'Dato',
      'Point (af 40)',
      '0–1',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(rows.map((r) => r[0])).to.deep.equal(['1', '2', '3', '4']);
    expect(rows.map((r) => r[2])).to.deep.equal(['18', '20', '19', '17']);
    expect(rows[0]?.[3]).to.equal('0,45');
    expect(rows[1]?.[3]).to.equal('0,5');
    for (const r of rows) expect(r[1]).to.match(/^\d{2}\.\d{2}\.\d{4}$/);
    const wrap = table.parentElement as HTMLElement;
    expect(wrap.getBoundingClientRect().height).to.be.lessThan(2);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.table-toggle') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Vis som tabel');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Skjul tabel');
    expect(wrap.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('switches between points and the comparable 0–1 scale', async () => {
    const { token, citizen } = await flatSeries();
    const el = await renderChart(token, citizen);
    const ticks = () => [...shadow(el).querySelectorAll('text.tick')].map(text);
    expect(ticks()).to.deep.equal(['0', '10', '20', '30', '40']);
    const cutoffBefore = shadow(el).querySelector('line.cutoff')?.getAttribute('y1');
    const normalized = shadow(el).querySelector<HTMLButtonElement>('button[data-scale="normalized"]');
    normalized?.click();
    await el.updateComplete;
    expect(normalized?.getAttribute('aria-pressed')).to.equal('true');
    expect(ticks()).to.deep.equal(['0', '0,25', '0,5', '0,75', '1']);
    // Higher is better on this instrument: 25 of 40 is 0.625 of the way up, the same place.
    expect(shadow(el).querySelector('line.cutoff')?.getAttribute('y1')).to.equal(cutoffBefore);
  });

  it('explains the alliance alerts of the session series', async () => {
    const setup = await professionalWithCitizen();
    await recordSeries(setup.token, setup.citizen, setup.department, 'session', [
      [9.5, 9.5, 9.5, 9.5],
      [9, 9, 8.5, 8.5],
    ]);
    const el = await renderChart(setup.token, setup.citizen);
    const figure = shadow(el).querySelector('figure[data-instrument="session"]');
    expect(figure?.getAttribute('data-alert')).to.equal('RED');
    const reasons = [...(figure?.querySelectorAll('.reasons li') ?? [])].map(text);
    expect(reasons).to.deep.equal([
      'Samarbejdet fik en lav vurdering sidst – spørg, hvad der kan gøres anderledes',
      'Vurderingen af samarbejdet faldt siden sidst – spørg ind til det',
      'Et af svarene om samarbejdet var lavt – spørg ind til det',
    ]);
    expect(figure?.querySelector('line.cutoff')).to.not.exist;
  });

  it('flags in words when departments’ progress points in different directions', async () => {
    const coordinator = await devToken({ role: 'COORDINATOR' });
    const { createCitizen } = await gql<{ createCitizen: { id: string } }>(
      coordinator,
      'mutation { createCitizen(input: {displayName: "Testborger", birthYear: 1980}) { id } }',
    );
    const job = await departmentId('EMPLOYMENT');
    const adult = await departmentId('ADULT_SOCIAL');
    await recordSeries(coordinator, createCitizen.id, job, 'outcome', [14, 18, 22].map(itemsFor));
    await recordSeries(coordinator, createCitizen.id, adult, 'outcome', [24, 21, 18].map(itemsFor));
    const el = await renderChart(coordinator, createCitizen.id);
    expect(text(shadow(el).querySelector('.divergent'))).to.contain('Udviklingen peger i hver sin retning');
    const alerts = [...shadow(el).querySelectorAll('figure')].map((f) =>
      f.getAttribute('data-classification'),
    );
    expect(alerts).to.have.members(['IMPROVED', 'DETERIORATED']);
    expect(text(shadow(el).querySelector('figure[data-classification="DETERIORATED"] .reasons'))).to.contain(
      'Det går pålideligt dårligere end ved første måling',
    );
  });

  it('says so kindly when there are no measurements yet', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderChart(setup.token, setup.citizen);
    expect(text(shadow(el).querySelector('.empty'))).to.contain('Der er ingen målinger endnu');
  });

  it('reads the API again when a measurement for its citizen is recorded', async () => {
    const { token, citizen, department } = await flatSeries();
    const el = await renderChart(token, citizen);
    await recordSeries(token, citizen, department, 'outcome', [itemsFor(26)]);
    const loaded = oneEvent(el, 'helhed-load');
    document.dispatchEvent(new CustomEvent('helhed-recorded', { detail: { citizenId: citizen } }));
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.point circle').length).to.equal(5);
  });

  it('shows dates in Danish and everything in English when asked', async () => {
    const { token, citizen } = await flatSeries();
    const el = await renderChart(token, citizen, 'en');
    expect(text(shadow(el).querySelector('h2'))).to.equal('How things have gone');
    expect(text(shadow(el).querySelector('.reasons'))).to.equal(
      'No reliable improvement after session 4 – talk about what it would take',
    );
    expect(text(shadow(el).querySelector('h3'))).to.contain('How things are going');
    const firstDate = text(shadow(el).querySelector('tbody td'));
    expect(firstDate).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
    el.setAttribute('lang', 'da');
    await waitUntil(() => text(shadow(el).querySelector('h2')) === 'Sådan er det gået');
    const iso = new Date(Date.now() - 4 * 14 * 86_400_000).toISOString();
    expect(formatDate(iso, { locale: 'da' })).to.match(/^\d{2}\.\d{2}\.\d{4}$/);
  });

  it('says plainly when the citizen cannot be read', async () => {
    const setup = await professionalWithCitizen();
    const el = await renderChart(setup.token, 'no-such-citizen');
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.equal(
      'Målingerne kunne ikke hentes. Borgeren blev ikke fundet, eller du har ikke adgang til borgeren.',
    );
  });

  it('is accessible with the table hidden and shown', async () => {
    const { token, citizen } = await flatSeries();
    const el = await renderChart(token, citizen);
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
