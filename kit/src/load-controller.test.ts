import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { HelhedApiError } from './graphql-client.js';
import { LoadController } from './load-controller.js';

/** A request the test answers by hand, remembering whether it was aborted. */
interface Pending {
  id: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoadHost extends LitElement {
  @property() itemId = '';
  @property() language = 'da';
  readonly requests: Pending[] = [];
  readonly events: string[] = [];
  readonly load = new LoadController(this, {
    args: () => (this.itemId ? ([this.itemId, this.language] as const) : undefined),
    task: ([id], signal) =>
      new Promise<string>((resolve, reject) => this.requests.push({ id, signal, resolve, reject })),
    onReady: (value) => this.events.push(`ready:${value}`),
    onError: ({ code, field }) => this.events.push(`error:${code}:${field ?? ''}`),
  });

  protected override render() {
    return this.load.render({
      missing: () => html`<p class="missing"></p>`,
      loading: () => html`<p class="loading"></p>`,
      error: ({ code }) => html`<p class="error">${code}</p>`,
      ready: (value) => html`<p class="ready">${value}</p>`,
    });
  }
}
customElements.define('test-load-host', LoadHost);

const shown = (el: LoadHost) => el.shadowRoot?.querySelector('p')?.className;
const text = (el: LoadHost) => el.shadowRoot?.querySelector('p')?.textContent;

describe('LoadController', () => {
  it('says an input is missing and sends nothing until it is given', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    expect(shown(el)).to.equal('missing');
    expect(el.requests).to.have.length(0);
    el.itemId = 'a';
    await el.updateComplete;
    expect(shown(el)).to.equal('loading');
    expect(el.requests.map((r) => r.id)).to.deep.equal(['a']);
  });

  it('shows the value once it is in, and loads again only when an input changes', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host itemId="a"></test-load-host>`);
    el.requests[0]?.resolve('first');
    await waitUntil(() => shown(el) === 'ready');
    expect(text(el)).to.equal('first');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.requests).to.have.length(1);
    el.language = 'en';
    await el.updateComplete;
    expect(el.requests).to.have.length(2);
    expect(el.events).to.deep.equal(['ready:first']);
  });

  it('aborts the request of inputs that changed and never shows its late answer', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host itemId="a"></test-load-host>`);
    el.itemId = 'b';
    await el.updateComplete;
    const [stale, fresh] = el.requests;
    expect(stale?.signal.aborted).to.equal(true);
    expect(fresh?.signal.aborted).to.equal(false);
    fresh?.resolve('b');
    stale?.resolve('a');
    await waitUntil(() => shown(el) === 'ready');
    await el.updateComplete;
    expect(text(el)).to.equal('b');
    expect(el.events).to.deep.equal(['ready:b']);
  });

  it('shows a failure with its code and field, and a retry loads again', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host itemId="a"></test-load-host>`);
    el.requests[0]?.reject(
      new HelhedApiError('BAD_USER_INPUT', 'no', {
        errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT', field: 'id' } }],
      }),
    );
    await waitUntil(() => shown(el) === 'error');
    expect(el.events).to.deep.equal(['error:BAD_USER_INPUT:id']);
    const retried = el.load.run();
    await el.updateComplete;
    expect(shown(el)).to.equal('loading');
    el.requests[1]?.resolve('again');
    await retried;
    await el.updateComplete;
    expect(text(el)).to.equal('again');
  });

  it('keeps the value on screen during a background refresh, and an older answer never replaces a newer one', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host itemId="a"></test-load-host>`);
    el.requests[0]?.resolve('v1');
    await waitUntil(() => shown(el) === 'ready');
    const older = el.load.run({ keepValue: true });
    const newer = el.load.run({ keepValue: true });
    await el.updateComplete;
    expect(text(el)).to.equal('v1');
    // Same inputs: the first refresh goes on rather than being aborted.
    expect(el.requests.map((r) => r.signal.aborted)).to.deep.equal([false, false, false]);
    el.requests[2]?.resolve('v3');
    await newer;
    el.requests[1]?.resolve('v2');
    await older;
    await el.updateComplete;
    expect(text(el)).to.equal('v3');
  });
});
