import { expect, fixture, html } from '@open-wc/testing';
import { createElementLifecycles } from './lifecycles.js';
import { defineRatingLine, type HelhedRatingLine } from './rating-line.js';

defineRatingLine();

const singleSpaProps = { singleSpa: {}, mountParcel: () => undefined };

describe('createElementLifecycles', () => {
  it('mounts the element into domElement with props as properties, updates and unmounts it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const lifecycles = createElementLifecycles('helhed-rating-line');
    const props = { name: 'rating', domElement: host, ...singleSpaProps, label: 'Trivsel', value: 4 };
    await lifecycles.bootstrap(props);
    await lifecycles.mount(props);

    const el = host.querySelector('helhed-rating-line') as HelhedRatingLine;
    expect(el).to.exist;
    expect(el.value).to.equal(4);
    expect(el.label).to.equal('Trivsel');
    expect(el).not.to.have.property('mountParcel');
    expect(el.hasAttribute('domElement')).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[role="slider"]')?.getAttribute('aria-valuetext')).to.equal(
      '4,0 af 10',
    );

    await lifecycles.update({ ...props, value: 6 });
    expect(el.value).to.equal(6);

    await lifecycles.unmount(props);
    expect(host.children).to.have.length(0);
  });

  it('creates the #single-spa-application:<name> container when there is no domElement', async () => {
    const lifecycles = createElementLifecycles('helhed-rating-line');
    const props = { name: '@helhed/test-app', ...singleSpaProps };
    await lifecycles.mount(props);
    const container = document.getElementById('single-spa-application:@helhed/test-app');
    expect(container?.parentElement).to.equal(document.body);
    expect(container?.querySelector('helhed-rating-line')).to.exist;
    await lifecycles.unmount(props);
    expect(document.getElementById('single-spa-application:@helhed/test-app')).to.equal(null);
  });

  it('keeps parcels that share lifecycles apart and maps props with propsToElement', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><section></section><section></section></div>`);
    const [a, b] = Array.from(host.querySelectorAll('section')) as [HTMLElement, HTMLElement];
    const lifecycles = createElementLifecycles<{ name: string; domElement: HTMLElement; rating: number }>(
      'helhed-rating-line',
      { propsToElement: (props) => ({ value: props.rating }) },
    );
    await lifecycles.mount({ name: 'parcel-1', domElement: a, rating: 1 });
    await lifecycles.mount({ name: 'parcel-2', domElement: b, rating: 2 });
    await lifecycles.unmount({ name: 'parcel-1', domElement: a, rating: 1 });
    expect(a.children).to.have.length(0);
    expect((b.firstElementChild as HelhedRatingLine).value).to.equal(2);
    await lifecycles.unmount({ name: 'parcel-2', domElement: b, rating: 2 });
  });
});
