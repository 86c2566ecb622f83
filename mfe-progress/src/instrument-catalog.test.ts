import { setLocale } from '@helhed/kit';
import { devToken } from '@helhed/kit/testing';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { defineProgressElements } from './define.js';
import type { HelhedInstrumentCatalog } from './instrument-catalog.js';

defineProgressElements();

async function renderCatalog(token: string | undefined) {
  const el = await fixture<HelhedInstrumentCatalog>(
    html`<helhed-instrument-catalog .token=${token}></helhed-instrument-catalog>`,
  );
  const settled = await Promise.race([oneEvent(el, 'helhed-load'), oneEvent(el, 'helhed-error')]);
  await el.updateComplete;
  return { el, settled };
}

const headings = (el: HTMLElement) =>
  [...(el.shadowRoot?.querySelectorAll('h3') ?? [])].map((h) => h.textContent?.trim());

describe('helhed-instrument-catalog', () => {
  afterEach(() => setLocale(null));

  it('lists the instruments the real API returns, in Danish by default', async () => {
    const { el, settled } = await renderCatalog(await devToken({ role: 'ADMIN' }));
    expect(settled.type).to.equal('helhed-load');
    const keys = [...(el.shadowRoot?.querySelectorAll('li.instrument') ?? [])].map((li) =>
      li.getAttribute('data-key'),
    );
    expect(keys).to.include.members([
      'outcome',
      'session',
      'child-outcome',
      'goal-scale',
      'gas',
      'function-level',
    ]);
    const outcome = el.shadowRoot?.querySelector('li[data-key="outcome"]');
    expect(outcome?.querySelectorAll('ol li').length).to.equal(4);
    expect(outcome?.querySelector('.meta')?.textContent).to.contain('Skala 0 til 10');
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Måleredskaber');
  });

  it('asks for sign-in when no token is given', async () => {
    const { el, settled } = await renderCatalog(undefined);
    expect((settled as CustomEvent).detail.code).to.equal('UNAUTHENTICATED');
    expect(el.shadowRoot?.querySelectorAll('li.instrument').length).to.equal(0);
  });

  it('shows the wording in English when the page switches language', async () => {
    const { el } = await renderCatalog(await devToken({ role: 'ADMIN' }));
    const danish = headings(el);
    setLocale('en');
    await oneEvent(el, 'helhed-load');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Instruments');
    expect(headings(el)).to.not.deep.equal(danish);
    expect(el.shadowRoot?.querySelector('li[data-key="outcome"] .meta')?.textContent).to.contain(
      'Higher is better',
    );
  });

  it('says plainly when the API refuses the request, and offers a retry', async () => {
    const { el, settled } = await renderCatalog('not-a-token');
    expect(settled.type).to.equal('helhed-error');
    expect((settled as CustomEvent).detail.code).to.equal('UNAUTHENTICATED');
    // Kit's catalog words the code; the server's English message is never shown.
    const alert = el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).to.contain('Du er ikke logget ind');
    expect(alert).to.not.contain('token');
    expect(el.shadowRoot?.querySelector('button')?.textContent).to.equal('Prøv igen');
  });

  it('is accessible', async () => {
    const { el } = await renderCatalog(await devToken({ role: 'ADMIN' }));
    await expect(el).to.be.accessible();
  });
});
