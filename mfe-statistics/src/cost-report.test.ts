import { setLocale } from '@helhed/kit';
import { devToken, gql } from '@helhed/kit/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HelhedCostReport } from './cost-report.js';
import { defineStatisticsElements } from './define.js';

defineStatisticsElements();
afterEach(() => setLocale(null));

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function showReport(token: string) {
  const el = await fixture<HelhedCostReport>(html`<helhed-cost-report .token=${token}></helhed-cost-report>`);
  await waitUntil(() => el.shadowRoot?.querySelector('.as-of, [role="alert"]'), 'report never loaded', {
    timeout: 6000,
  });
  return el;
}

describe('helhed-cost-report', () => {
  it('shows the analyst the quarterly follow-up with small cells hidden, and the spend shares', async () => {
    const el = await showReport(await devToken({ role: 'ANALYST' }));
    const rows = [...(el.shadowRoot?.querySelectorAll('table.follow-up tbody tr') ?? [])];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      const n = text(row.querySelectorAll('td')[1]);
      if (row.getAttribute('data-suppressed') === 'true') expect(n).to.equal('skjult');
      else expect(Number(n)).to.be.at.least(5);
    }
    // The demo has far fewer than 500 citizens with costs: the top 1 % is too few to show.
    const shares = [...(el.shadowRoot?.querySelectorAll('ul.shares li') ?? [])].map(text);
    expect(shares[0]).to.equal('De dyreste 1 %: for få borgere til at vise.');
  });

  it('downloads the same figures as CSV', async () => {
    const token = await devToken({ role: 'ANALYST' });
    const el = await showReport(token);
    const original = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      const downloaded = oneEvent(el, 'helhed-download');
      el.shadowRoot?.querySelector<HTMLButtonElement>('button.download')?.click();
      const event = (await downloaded) as CustomEvent<{ filename: string }>;
      expect(event.detail.filename).to.match(/^oekonomi-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (blob as Blob).arrayBuffer());
      const api = await gql<{ economyStatistics: { csv: string } }>(token, '{ economyStatistics { csv } }');
      expect(csv).to.equal(`\uFEFF${api.economyStatistics.csv}`);
      expect(csv.split('\r\n').some((line) => line.startsWith('follow_up,'))).to.equal(true);
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('tells a professional the figures are not for them', async () => {
    const departments = await gql<{ departments: { id: string }[] }>(
      await devToken({ role: 'ANALYST' }),
      '{ departments { id } }',
    );
    const el = await showReport(
      await devToken({ role: 'PROFESSIONAL', departmentId: departments.departments[0]?.id }),
    );
    expect(text(el.shadowRoot?.querySelector('[role="alert"]'))).to.contain('FORBIDDEN');
  });

  it('speaks English when asked', async () => {
    setLocale('en');
    const el = await showReport(await devToken({ role: 'ANALYST' }));
    expect(text(el.shadowRoot?.querySelector('h2'))).to.equal('Cost: baseline and effect');
  });

  it('is accessible', async function () {
    // axe walks every cell of the tables; on a busy machine that takes longer than mocha's default.
    (this as { timeout(ms: number): void }).timeout(30_000);
    const el = await showReport(await devToken({ role: 'ANALYST' }));
    await expect(el).to.be.accessible();
  });
});
