import { expect } from '@open-wc/testing';
import { keyLabel, type StatisticsCell } from './statistics.table.js';

const cell = (targetGroup: string | null): StatisticsCell => ({
  departmentKind: null,
  targetGroup,
  interventionType: null,
  period: null,
  n: null,
  improved: null,
  noChange: null,
  deteriorated: null,
  recovered: null,
  meanChange: null,
  sdChange: null,
  suppressed: true,
});

describe('keyLabel', () => {
  const names = new Map([['vulnerable-young-17-25', 'Udsat ung 17–25']]);

  it('names a target group by its name, falls back to the key, and names the cell without one', () => {
    expect(keyLabel('TARGET_GROUP', cell('vulnerable-young-17-25'), 'da', names)).to.equal('Udsat ung 17–25');
    expect(keyLabel('TARGET_GROUP', cell('added-since'), 'da', names)).to.equal('added-since');
    expect(keyLabel('TARGET_GROUP', cell(null), 'da', names)).to.equal('Uden målgruppe');
    expect(keyLabel('TARGET_GROUP', cell(null), 'en', names)).to.equal('No target group');
  });
});
