import { expect } from '@open-wc/testing';
import { messages } from './catalogs/da.js';
import { catalogFor, catalogs, formatDateTime, translate } from './languages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('family languages', () => {
  it('gives every message in every language, with the same placeholders as the Danish', () => {
    for (const catalog of catalogs) {
      for (const [key, danish] of Object.entries(messages)) {
        const text = catalog.messages[key as keyof typeof messages];
        expect(text, `${catalog.code}.${key}`).to.be.a('string').and.not.equal('');
        expect(placeholders(text), `${catalog.code}.${key}`).to.deep.equal(placeholders(danish));
      }
    }
    expect(catalogs.map((c) => c.code)).to.deep.equal(['da', 'ar', 'en', 'uk']);
  });

  it('finds a language by tag and fills in numbers in its own way', () => {
    expect(catalogFor('ar-SY')?.dir).to.equal('rtl');
    expect(catalogFor('uk')?.name).to.equal('Українська');
    expect(catalogFor('fr')).to.equal(undefined);
    const da = catalogFor('da-DK');
    if (!da) throw new Error('no Danish');
    expect(translate(da, 'spread', { value: 2.5 })).to.equal('Forskel mellem jer: 2,5 point');
    expect(translate(catalogFor('en') ?? da, 'spread', { value: 2.5 })).to.equal(
      'Difference between you: 2.5 points',
    );
  });

  it("writes dates on Copenhagen's clock: 23:30 UTC on 31 December is New Year's Day in Denmark", () => {
    const da = catalogFor('da');
    if (!da) throw new Error('no Danish');
    expect(formatDateTime(da, '2025-12-31T23:30:00Z', false)).to.equal('1. jan. 2026');
    expect(formatDateTime(da, '2026-07-01T10:15:00Z')).to.equal('1. jul. 2026, 12.15');
  });
});
