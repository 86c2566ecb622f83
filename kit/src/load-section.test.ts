import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LoadController } from './load-controller.js';
import { loadSection } from './load-section.js';

class SectionHost extends LitElement {
  @property() itemId = '';
  @property({ type: Boolean }) refreshing = false;
  @property({ type: Boolean }) withLayout = false;
  answer?: (value: string) => void;
  fail?: (error: unknown) => void;
  readonly load = new LoadController(this, {
    args: () => (this.itemId ? ([this.itemId] as const) : undefined),
    task: () =>
      new Promise<string>((resolve, reject) => {
        this.answer = resolve;
        this.fail = reject;
      }),
  });

  protected override render() {
    return loadSection(this.load, {
      labelledBy: 'title',
      heading: html`<h2 id="title">Items</h2>`,
      busy: this.refreshing,
      layout: this.withLayout ? (body) => html`<form></form><div class="results">${body}</div>` : undefined,
      missing: () => html`<p class="missing"></p>`,
      loading: () => html`<p class="loading"></p>`,
      error: ({ code }) => html`<p class="error">${code}</p>`,
      ready: (value) => html`<p class="ready">${value}</p>`,
    });
  }
}
customElements.define('test-section-host', SectionHost);

const section = (el: SectionHost) => el.shadowRoot?.querySelector('section') as HTMLElement;

describe('loadSection', () => {
  it('is named by its heading in every state, and shows the state', async () => {
    const el = await fixture<SectionHost>(html`<test-section-host></test-section-host>`);
    expect(section(el).getAttribute('aria-labelledby')).to.equal('title');
    expect(el.shadowRoot?.getElementById('title')?.textContent).to.equal('Items');
    expect(section(el).querySelector('p')?.className).to.equal('missing');
    expect(section(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('is busy while the data is on its way and not once it is in', async () => {
    const el = await fixture<SectionHost>(html`<test-section-host itemId="a"></test-section-host>`);
    expect(section(el).getAttribute('aria-busy')).to.equal('true');
    expect(section(el).querySelector('p')?.className).to.equal('loading');
    el.answer?.('first');
    await waitUntil(() => section(el).querySelector('p.ready'));
    expect(section(el).getAttribute('aria-busy')).to.equal('false');
    expect(section(el).querySelector('p.ready')?.textContent).to.equal('first');
  });

  it('is not busy after a failure, and is busy while the host refreshes for its own reason', async () => {
    const el = await fixture<SectionHost>(html`<test-section-host itemId="a"></test-section-host>`);
    el.fail?.(new Error('offline'));
    await waitUntil(() => section(el).querySelector('p.error'));
    expect(section(el).getAttribute('aria-busy')).to.equal('false');
    el.refreshing = true;
    await el.updateComplete;
    expect(section(el).getAttribute('aria-busy')).to.equal('true');
  });

  it("places the state's template where the layout puts it", async () => {
    const el = await fixture<SectionHost>(
      html`<test-section-host itemId="a" withLayout></test-section-host>`,
    );
    expect(section(el).querySelector('form')).to.exist;
    expect(section(el).querySelector('.results > p.loading')).to.exist;
    expect(section(el).querySelector(':scope > h2 + form')).to.exist;
  });
});
