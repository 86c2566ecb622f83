import { expect } from '@open-wc/testing';
import { toCsv } from './statistics.csv.js';
import type { TableModel } from './statistics.table.js';

const model: TableModel = {
  caption: 'x',
  head: ['Indsatstype', 'Borgere', 'Gns. ændring'],
  keyColumns: 1,
  rows: [
    { label: 'a', suppressed: false, cells: ['Mentor; jobcenter', '12', '+1,50'] },
    { label: 'b', suppressed: false, cells: ['=HYPERLINK("x")', '7', '-0,25'] },
    { label: 'c', suppressed: true, cells: ['Støtte', 'undertrykt', 'undertrykt'] },
  ],
};

describe('toCsv', () => {
  it('quotes fields with the separator or quotes, defuses formulas in names but not signed numbers', () => {
    const lines = toCsv(model, 'da')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines).to.deep.equal([
      'Indsatstype;Borgere;Gns. ændring',
      '"Mentor; jobcenter";12;+1,50',
      `"'=HYPERLINK(""x"")";7;-0,25`,
      'Støtte;undertrykt;undertrykt',
      '',
    ]);
  });

  it('uses commas in English, so a decimal comma would be quoted', () => {
    const csv = toCsv(model, 'en');
    expect(csv.startsWith('\uFEFFIndsatstype,Borgere,Gns. ændring\r\n')).to.equal(true);
    expect(csv).to.contain('Mentor; jobcenter,12,"+1,50"');
  });
});
