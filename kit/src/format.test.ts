import { expect } from '@open-wc/testing';
import { formatDate, formatKroner, formatMonth, formatNumber, numberFormat, warmUpIcu } from './format.js';
import { interpolate, setLocale } from './i18n.js';

describe('format', () => {
  afterEach(() => setLocale(null));

  it('writes numbers with a decimal comma in Danish', () => {
    expect(formatNumber(7.3)).to.equal('7,3');
    expect(formatNumber(1234.5)).to.equal('1.234,5');
    expect(formatNumber(7, { minimumFractionDigits: 1 })).to.equal('7,0');
    expect(formatNumber(7.3, { locale: 'en' })).to.equal('7.3');
  });

  it('builds one formatter per locale and options, and keeps them apart', () => {
    expect(numberFormat('da', { maximumFractionDigits: 1 })).to.equal(
      numberFormat('da', { maximumFractionDigits: 1 }),
    );
    expect(numberFormat('en', { maximumFractionDigits: 1 })).to.not.equal(
      numberFormat('da', { maximumFractionDigits: 1 }),
    );
    expect(numberFormat('da', { signDisplay: 'exceptZero' }).format(1.5)).to.equal('+1,5');
    // A cached formatter must not leak its options into a call with other options.
    expect(formatNumber(1.2345, { maximumFractionDigits: 1 })).to.equal('1,2');
    expect(formatNumber(1.2345)).to.equal('1,23');
    expect(formatDate('2026-11-23', { style: 'long' })).to.equal('23. november 2026');
    expect(formatDate('2026-11-23')).to.equal('23.11.2026');
  });

  it('writes øre as whole kroner with a true minus sign, and months by name', () => {
    expect(formatKroner(1_234_550)).to.equal('12.346 kr.');
    expect(formatKroner(-49, 'en')).to.equal('−0 kr.');
    expect(formatKroner(-123_456_700, 'en')).to.equal('−1,234,567 kr.');
    expect(formatMonth('2026-03')).to.equal('marts 2026');
    // The first of a month at UTC, in UTC: never the month before, whatever the clock's zone.
    expect(formatMonth('2026-01', 'en')).to.equal('January 2026');
  });

  it('formats a message’s numbers in its locale', () => {
    expect(interpolate('{n} af {m}', { n: 1234.5, m: 7 }, 'da')).to.equal('1.234,5 af 7');
    expect(interpolate('{n} of {m}', { n: 1234.5, m: 7 }, 'en')).to.equal('1,234.5 of 7');
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

  it("loads ICU's data one piece per task, each scheduling at most the next", () => {
    setLocale('en');
    const tasks: (() => void)[] = [];
    warmUpIcu((task) => tasks.push(task));
    let ran = 0;
    while (tasks.length > 0) {
      expect(tasks.length, 'one task waiting at a time').to.equal(1);
      tasks.shift()?.();
      ran++;
    }
    expect(ran).to.be.greaterThan(3);
    expect(formatNumber(1234.5), 'formatting after the warm-up').to.equal('1,234.5');
  });
});
