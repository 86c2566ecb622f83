import { expect } from '@open-wc/testing';
import { formatDate, formatNumber } from './format.js';
import { setLocale } from './i18n.js';

describe('format', () => {
  afterEach(() => setLocale(null));

  it('writes numbers with a decimal comma in Danish', () => {
    expect(formatNumber(7.3)).to.equal('7,3');
    expect(formatNumber(1234.5)).to.equal('1.234,5');
    expect(formatNumber(7, { minimumFractionDigits: 1 })).to.equal('7,0');
    expect(formatNumber(7.3, { locale: 'en' })).to.equal('7.3');
  });

  it('follows the active locale', () => {
    setLocale('en');
    expect(formatNumber(7.3)).to.equal('7.3');
  });

  it('writes dates day first, reading an ISO date as a calendar day', () => {
    expect(formatDate('2026-11-23')).to.equal('23.11.2026');
    expect(formatDate('2026-11-23', { style: 'short' })).to.equal('23. nov. 2026');
    expect(formatDate(new Date(2026, 0, 5), { style: 'long' })).to.equal('5. januar 2026');
    expect(formatDate('2026-11-23', { locale: 'en', style: 'short' })).to.equal('23 Nov 2026');
    expect(formatDate('2026-11-23T23:30:00Z', { timeZone: 'Europe/Copenhagen' })).to.equal('24.11.2026');
  });
});
