import { expect, fixture, html } from '@open-wc/testing';
import { defineRatingLine, type HelhedRatingLine } from './rating-line.js';
import { type TokenName, tokenDefaults } from './tokens.js';

defineRatingLine();

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('tokens', () => {
  const textTokens: TokenName[] = [
    'color-text',
    'color-text-muted',
    'color-primary',
    'color-danger',
    'color-alert-green',
    'color-alert-orange',
    'color-alert-red',
    'color-alert-grey',
  ];

  for (const name of textTokens) {
    it(`gives ${name} at least 4.5:1 contrast on both surfaces`, () => {
      expect(contrast(tokenDefaults[name], tokenDefaults['color-surface'])).to.be.at.least(4.5);
      expect(contrast(tokenDefaults[name], tokenDefaults['color-surface-muted'])).to.be.at.least(4.5);
    });
  }

  it('gives borders and the focus ring at least 3:1 contrast', () => {
    expect(contrast(tokenDefaults['color-border'], tokenDefaults['color-surface'])).to.be.at.least(3);
    expect(contrast(tokenDefaults['focus-ring-color'], tokenDefaults['color-surface'])).to.be.at.least(3);
    expect(contrast(tokenDefaults['color-on-primary'], tokenDefaults['color-primary'])).to.be.at.least(4.5);
  });

  it('lets the host page override a token from an ancestor', async () => {
    const wrapper = await fixture(html`
      <div style="--helhed-color-primary: rgb(1, 2, 3)"><helhed-rating-line value="5"></helhed-rating-line></div>
    `);
    const line = wrapper.querySelector('helhed-rating-line') as HelhedRatingLine;
    await line.updateComplete;
    const thumb = line.shadowRoot?.querySelector('[part="thumb"]') as HTMLElement;
    expect(getComputedStyle(thumb).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('falls back to the defaults without overrides', async () => {
    const line = await fixture<HelhedRatingLine>(html`<helhed-rating-line value="5"></helhed-rating-line>`);
    const thumb = line.shadowRoot?.querySelector('[part="thumb"]') as HTMLElement;
    expect(getComputedStyle(thumb).backgroundColor).to.equal('rgb(10, 90, 168)');
  });
});
