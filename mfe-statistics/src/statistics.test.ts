import { setLocale } from '@helhed/kit';
import { devToken, gql } from '@helhed/kit/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineStatisticsElements } from './define.js';
import { mount, unmount } from './lifecycles.js';
import type { HelhedStatistics } from './statistics.js';
import type { StatisticsCell } from './statistics.table.js';

defineStatisticsElements();

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: HTMLElement) =>
  waitUntil(() => shadow(el).querySelector('table, .empty, [role="alert"]'), 'the statistics settle', {
    timeout: 10_000,
  });

async function renderStatistics(
  token: string,
  attrs: { lang?: string; groupBy?: string; targetGroup?: string } = {},
) {
  const el = await fixture<HelhedStatistics>(
    html`<helhed-statistics lang=${attrs.lang ?? 'da'} group-by=${attrs.groupBy ?? 'DEPARTMENT_KIND'}
      target-group=${attrs.targetGroup ?? ''} .token=${token}></helhed-statistics>`,
  );
  await settled(el);
  return el;
}

const tableRows = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));

/** What the API itself answers for the element's current filter. */
async function apiCells(token: string, el: HelhedStatistics): Promise<StatisticsCell[]> {
  const data = await gql<{ progressionStatistics: { cells: StatisticsCell[] } }>(
    token,
    `query($filter: StatisticsFilter!) { progressionStatistics(filter: $filter) { cells {
      departmentKind targetGroup interventionType period n improved noChange deteriorated recovered
      meanChange sdChange suppressed } } }`,
    {
      filter: {
        instrumentKey: el.instrumentKey,
        from: el.from,
        to: el.to,
        period: el.period,
        groupBy: el.groupBy,
        targetGroup: el.targetGroup || null,
      },
    },
  );
  return data.progressionStatistics.cells;
}

/** The municipality's target groups as the API lists them (sorted by name). */
async function apiTargetGroups(token: string): Promise<{ key: string; name: string }[]> {
  return (
    await gql<{ targetGroups: { key: string; name: string }[] }>(token, '{ targetGroups { key name } }')
  ).targetGroups;
}

/** The table's numbers must be the API's, cell by cell (suppressed cells as the word). */
function expectTableMatches(el: HTMLElement, cells: StatisticsCell[], keyColumns = 1) {
  const rows = tableRows(el);
  expect(rows.length).to.equal(cells.length);
  for (const [i, cell] of cells.entries()) {
    const numbers = (rows[i] as string[]).slice(keyColumns, keyColumns + 5);
    expect(numbers).to.deep.equal(
      cell.suppressed
        ? Array(5).fill('undertrykt')
        : [cell.n, cell.improved, cell.noChange, cell.deteriorated, cell.recovered].map(String),
    );
  }
}

/** Captures the CSV the element hands to the browser instead of letting it download. */
async function captureCsv(el: HelhedStatistics, press: () => Promise<void>): Promise<string> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return original.call(URL, b);
  };
  // The link is never attached to the page, so its click is stubbed instead of intercepted.
  const click = HTMLAnchorElement.prototype.click;
  const clicked: string[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  };
  try {
    const downloaded = oneEvent(el, 'helhed-download');
    await press();
    const event = (await downloaded) as CustomEvent<{ filename: string }>;
    expect(event.detail.filename).to.match(
      /^helhed-(statistik|statistics)-outcome-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(clicked).to.deep.equal([event.detail.filename]);
    if (!blob) throw new Error('no CSV was made');
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    // Blob.text() decodes as UTF-8 and drops the byte order mark, so read the bytes.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
  } finally {
    URL.createObjectURL = original;
    HTMLAnchorElement.prototype.click = click;
  }
}

describe('helhed-statistics', () => {
  afterEach(() => setLocale(null));

  it('shows the demo cohort by department, published cells as bars and suppressed cells as suppressed', async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await renderStatistics(token);
    const cells = await apiCells(token, el);
    expect(cells.some((c) => c.suppressed)).to.equal(true);
    expect(cells.some((c) => !c.suppressed)).to.equal(true);
    const rows = tableRows(el);
    expect(rows.length).to.equal(cells.length);
    for (const [i, cell] of cells.entries()) {
      const row = rows[i] as string[];
      if (cell.suppressed) {
        expect(row.slice(1)).to.deep.equal(Array(7).fill('undertrykt'));
      } else {
        expect(row.slice(1, 6)).to.deep.equal(
          [cell.n, cell.improved, cell.noChange, cell.deteriorated, cell.recovered].map(String),
        );
        expect(row[6]).to.equal(
          `${(cell.meanChange ?? 0) > 0 ? '+' : ''}${(cell.meanChange ?? 0).toFixed(2).replace('.', ',')}`,
        );
      }
    }
    expect(rows.map((r) => r[0])).to.include.members(['Uddannelse', 'Beskæftigelse', 'Sundhed']);
    // The chart: a bar per published cell, a dashed box saying "undertrykt" per suppressed one.
    const groups = [...shadow(el).querySelectorAll('svg.chart g.row')];
    expect(groups.length).to.equal(cells.length);
    for (const [i, cell] of cells.entries()) {
      const g = groups[i] as Element;
      expect(g.getAttribute('data-suppressed')).to.equal(String(cell.suppressed));
      if (cell.suppressed) {
        expect(g.querySelectorAll('rect.segment').length).to.equal(0);
        expect(text(g.querySelector('.suppressed-text'))).to.equal('undertrykt');
        expect(g.querySelector('rect.suppressed-box')).to.exist;
      } else {
        const widths = [...g.querySelectorAll('rect.segment')].map((r) => Number(r.getAttribute('width')));
        const total = widths.reduce((a, b) => a + b, 0);
        expect(total).to.be.greaterThan(200);
        expect(widths[0] as number).to.be.closeTo((total * (cell.improved ?? 0)) / (cell.n ?? 1), 0.5);
      }
    }
    const svg = shadow(el).querySelector('svg.chart');
    expect(svg?.getAttribute('role')).to.equal('img');
    expect(svg?.getAttribute('aria-label')).to.contain(
      `${cells.filter((c) => c.suppressed).length} grupper er undertrykt`,
    );
  });

  it('has a real table with a caption, column headers and row headers', async () => {
    const el = await renderStatistics(await devToken({ role: 'ANALYST' }));
    const table = shadow(el).querySelector('table') as HTMLTableElement;
    expect(text(table.caption)).to.match(/^Sådan går det: udvikling 01\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}$/);
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).to.deep.equal([
      'Forvaltning',
      'Borgere',
      'Bedre',
      'Uændret',
      'Dårligere',
      'Klinisk bedre',
      'Gns. ændring',
      'Spredning (SD)',
    ]);
    for (const row of table.querySelectorAll('tbody tr'))
      expect(row.firstElementChild?.matches('th[scope="row"]')).to.equal(true);
    expect(text(shadow(el).querySelector('.window'))).to.match(/\(hele måneder\)\.$/);
  });

  it('filters by keyboard: quarters, grouped by department and period', async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await renderStatistics(token);
    const period = shadow(el).querySelector('#period') as HTMLSelectElement;
    period.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(period.value).to.equal('QUARTER');
    const periodBox = shadow(el).querySelector('input[value="PERIOD"]') as HTMLInputElement;
    periodBox.focus();
    await sendKeys({ press: 'Space' });
    expect(periodBox.checked).to.equal(true);
    const loaded = oneEvent(el, 'helhed-load');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.matches('button[type="submit"]')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await loaded;
    await el.updateComplete;
    expect(el.period).to.equal('QUARTER');
    expect(el.groupBy).to.deep.equal(['DEPARTMENT_KIND', 'PERIOD']);
    expect([...shadow(el).querySelectorAll('thead th')].slice(0, 2).map(text)).to.deep.equal([
      'Forvaltning',
      'Periode',
    ]);
    const periods = tableRows(el).map((r) => r[1]);
    expect(periods.length).to.be.greaterThan(0);
    for (const p of periods) expect(p).to.match(/^[1-4]\. kvartal \d{4}$/);
    expect(text(shadow(el).querySelector('.window'))).to.match(
      /^Perioden er 01\.\d{2}\.\d{4} – .*\(hele kvartaler\)\.$/,
    );
    expect(tableRows(el).length).to.equal((await apiCells(token, el)).length);
  });

  it("picks a target group by keyboard: the picker is labelled, and the cells are the API's for that group", async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await renderStatistics(token);
    const groups = await apiTargetGroups(token);
    expect(groups.length).to.be.greaterThan(1);
    const select = shadow(el).querySelector('#target-group') as HTMLSelectElement;
    // The label wraps the select, so its text is the select's accessible name.
    expect(text(select.closest('label')).startsWith('Målgruppe')).to.equal(true);
    expect(select.value).to.equal('');
    expect([...select.options].map((o) => [o.value, text(o)])).to.deep.equal([
      ['', 'Alle'],
      ...groups.map((g) => [g.key, g.name]),
    ]);
    const unfiltered = tableRows(el);
    const chosen = groups[groups.length - 1] as { key: string; name: string };
    select.focus();
    for (let i = 0; i < groups.length; i++) await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal(chosen.key);
    expect(el.targetGroup, 'nothing is asked before the form is applied').to.equal('');
    const loaded = oneEvent(el, 'helhed-load');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await loaded;
    await el.updateComplete;
    expect(el.targetGroup).to.equal(chosen.key);
    const cells = await apiCells(token, el);
    expect(cells.length).to.be.greaterThan(0);
    expectTableMatches(el, cells);
    expect(tableRows(el)).to.not.deep.equal(unfiltered);
    // The choice stays shown, by name, after the answer came.
    const after = shadow(el).querySelector('#target-group') as HTMLSelectElement;
    expect(after.value).to.equal(chosen.key);
    expect(text(after.selectedOptions[0])).to.equal(chosen.name);
  });

  it('starts from the target-group attribute, and says "Target group" and "All" in English', async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await renderStatistics(token, { lang: 'en', targetGroup: 'vulnerable-young-17-25' });
    const select = shadow(el).querySelector('#target-group') as HTMLSelectElement;
    expect(select.value).to.equal('vulnerable-young-17-25');
    expect(text(select.selectedOptions[0])).to.equal('Udsat ung 17–25');
    expect(text(select.closest('label')).startsWith('Target group')).to.equal(true);
    expect(text(select.options[0])).to.equal('All');
    const cells = await apiCells(token, el);
    expect(cells.length).to.be.greaterThan(0);
    const rows = tableRows(el);
    expect(rows.length).to.equal(cells.length);
    for (const [i, cell] of cells.entries())
      expect((rows[i] as string[])[1]).to.equal(cell.suppressed ? 'suppressed' : String(cell.n));
  });

  it('names target groups in the chart, the table and the CSV, never by key', async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await renderStatistics(token, { groupBy: 'TARGET_GROUP' });
    const groups = await apiTargetGroups(token);
    const cells = await apiCells(token, el);
    const nameOf = new Map(groups.map((g) => [g.key, g.name]));
    const expected = cells.map((c) =>
      c.targetGroup === null ? 'Uden målgruppe' : nameOf.get(c.targetGroup),
    );
    expect(expected.filter((n) => n && n !== 'Uden målgruppe').length).to.be.greaterThan(0);
    expect(tableRows(el).map((r) => r[0])).to.deep.equal(expected);
    expectTableMatches(el, cells);
    const labels = [...shadow(el).querySelectorAll('svg.chart g.row text.label')].map(text);
    expect(labels.length).to.equal(cells.length);
    for (const [i, label] of labels.entries()) expect(label.startsWith(expected[i] as string)).to.equal(true);
    const csv = await captureCsv(el, async () => el.download());
    const firstColumn = csv
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';')[0]);
    expect(firstColumn).to.deep.equal(expected);
    for (const g of groups) expect(csv).to.not.contain(g.key);
  });

  it('downloads exactly the table as CSV, with semicolons and decimal commas in Danish', async () => {
    const el = await renderStatistics(await devToken({ role: 'ANALYST' }));
    const button = shadow(el).querySelector('.download-button') as HTMLButtonElement;
    expect(text(button)).to.equal('Hent CSV');
    const csv = await captureCsv(el, async () => {
      button.focus();
      await sendKeys({ press: 'Enter' });
    });
    expect(csv.endsWith('\r\n')).to.equal(true);
    const lines = csv.trimEnd().split('\r\n');
    const head = [...shadow(el).querySelectorAll('thead th')].map(text);
    expect(lines[0]).to.equal(head.join(';'));
    expect(lines.slice(1).map((l) => l.split(';'))).to.deep.equal(tableRows(el));
    expect(csv).to.contain('undertrykt;undertrykt');
    // The mean change keeps its decimal comma inside one field: no quotes needed with ';'.
    expect(lines.slice(1).some((l) => /;[+-]?\d+,\d{2};\d+,\d{2}$/.test(l))).to.equal(true);
  });

  it('writes English CSV with commas and decimal points', async () => {
    const el = await renderStatistics(await devToken({ role: 'ANALYST' }), { lang: 'en' });
    expect(text(shadow(el).querySelector('h2'))).to.equal('Anonymous progression statistics');
    expect(text(shadow(el).querySelector('.download-button'))).to.equal('Download CSV');
    const csv = await captureCsv(el, async () => el.download());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).to.equal(
      'Department,Citizens,Improved,No change,Worse,Recovered,Mean change,Spread (SD)',
    );
    expect(lines.slice(1).map((l) => l.split(','))).to.deep.equal(tableRows(el));
    expect(csv).to.contain('suppressed,suppressed');
    expect(lines.slice(1).some((l) => /,[+-]?\d+\.\d{2},\d+\.\d{2}$/.test(l))).to.equal(true);
  });

  it('says so when no one has two measurements in the window', async () => {
    const el = await fixture<HelhedStatistics>(
      html`<helhed-statistics lang="da" from="2001-01-01" to="2001-12-31" .token=${await devToken({ role: 'ANALYST' })}></helhed-statistics>`,
    );
    await settled(el);
    expect(text(shadow(el).querySelector('.empty'))).to.contain('Ingen borgere har mindst to målinger');
    expect(shadow(el).querySelector('table')).to.not.exist;
    expect(shadow(el).querySelector('.download-button')).to.not.exist;
  });

  it('shows loading first, then says plainly when the role may not read statistics', async () => {
    const el = await fixture<HelhedStatistics>(
      html`<helhed-statistics lang="da" .token=${await devToken({ role: 'INTEGRATION' })}></helhed-statistics>`,
    );
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal('Henter statistikken …');
    const failed = (await oneEvent(el, 'helhed-error')) as CustomEvent<{ code: string }>;
    expect(failed.detail.code).to.equal('FORBIDDEN');
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.equal(
      'Statistikken kunne ikke hentes. Din rolle giver ikke adgang til denne statistik.',
    );
    expect(text(shadow(el).querySelector('.results button'))).to.equal('Prøv igen');
  });

  it('mounts as a single-spa application with props as properties', async () => {
    const domElement = document.createElement('div');
    document.body.append(domElement);
    const token = await devToken({ role: 'COORDINATOR' });
    await mount({ name: 'statistics-test', domElement, api: '/graphql', token, groupBy: [] });
    const el = domElement.querySelector('helhed-statistics') as HelhedStatistics;
    expect(el.token).to.equal(token);
    await settled(el);
    expect(tableRows(el)).to.have.length(1);
    expect(tableRows(el)[0]?.[0]).to.equal('Alle');
    await unmount({ name: 'statistics-test', domElement });
    expect(domElement.querySelector('helhed-statistics')).to.not.exist;
    domElement.remove();
  });

  it('is accessible, in Danish and in English', async () => {
    const el = await renderStatistics(await devToken({ role: 'ANALYST' }));
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await waitUntil(() => text(shadow(el).querySelector('h2')) === 'Anonymous progression statistics');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
