import { expect } from '@open-wc/testing';
import { attentionKinds, hrefFor, type Reason, sayReason, severityOf } from './caseload.data.js';

const reason = (over: Partial<Reason>): Reason => ({
  kind: 'OUTCOME_RED',
  colour: null,
  alertReasons: [],
  instrumentKey: null,
  department: null,
  planId: null,
  since: null,
  days: null,
  count: null,
  ...over,
});
const ctx = { locale: 'da' as const, instrumentName: (k: string) => `«${k}»`, unratedWeeks: 4 };

describe('sayReason', () => {
  it('names the instrument, the department and every scoring reason', () => {
    expect(
      sayReason(
        reason({
          colour: 'RED',
          instrumentKey: 'outcome',
          department: { name: 'Jobcenter' },
          alertReasons: ['RELIABLE_DETERIORATION', 'NO_IMPROVEMENT_BY_RED_SESSION'],
        }),
        ctx,
      ),
    ).to.equal(
      'Rød alarm på «outcome» hos Jobcenter: pålideligt forværret, ingen pålidelig forbedring ved den røde session.',
    );
  });

  it('tells a red alliance alert from an orange one, in English too', () => {
    const alliance = reason({
      kind: 'ALLIANCE',
      colour: 'ORANGE',
      department: { name: 'Sundhed' },
      alertReasons: ['ALLIANCE_DROP'],
    });
    expect(sayReason(alliance, ctx)).to.equal(
      'Orange alarm om samarbejdet hos Sundhed: vurderingen er faldet.',
    );
    expect(sayReason({ ...alliance, colour: 'RED' }, { ...ctx, locale: 'en' })).to.equal(
      'Red alert on the working relationship at Sundhed: the rating dropped.',
    );
  });

  it('gives days and dates for what is overdue', () => {
    expect(sayReason(reason({ kind: 'MEETING_OVERDUE', since: '2026-02-01', days: 58 }), ctx)).to.equal(
      'Familiemødet skulle have været holdt 01.02.2026 – 58 dage siden.',
    );
    expect(
      sayReason(reason({ kind: 'NO_RECENT_MEASUREMENT', since: '2026-01-05', days: 40 }), {
        ...ctx,
        lastMeasuredOn: '2026-01-05',
      }),
    ).to.equal('Ingen måling i 40 dage (siden 05.01.2026).');
    expect(sayReason(reason({ kind: 'NO_RECENT_MEASUREMENT', since: '2026-01-05', days: 40 }), ctx)).to.equal(
      'Ingen måling endnu, 40 dage efter sagen begyndte (05.01.2026).',
    );
    expect(
      sayReason(reason({ kind: 'GOALS_UNRATED', since: '2026-01-05', days: 40, count: 2 }), ctx),
    ).to.equal('2 mål er ikke vurderet i mere end 4 uger (ældste 05.01.2026).');
    expect(
      sayReason(
        reason({
          kind: 'INVITATION_UNANSWERED',
          department: { name: 'Jobcenter' },
          since: '2026-01-05',
          days: 9,
          count: 2,
        }),
        ctx,
      ),
    ).to.equal(
      '2 invitation(er) fra Jobcenter er ikke besvaret (den ældste sendt 05.01.2026, 9 dage siden).',
    );
  });

  it('has words for every kind in both languages', () => {
    // Every kind the API knows, so a new kind without words fails here.
    for (const locale of ['da', 'en'] as const)
      for (const kind of attentionKinds)
        expect(sayReason(reason({ kind, count: 1 }), { ...ctx, locale })).to.not.match(/^say|\{/);
  });
});

describe('severityOf and hrefFor', () => {
  it('marks rows by their most severe reason', () => {
    expect(severityOf({ reasons: [reason({})] })).to.equal('red');
    expect(severityOf({ reasons: [reason({ kind: 'ALLIANCE', colour: 'RED' })] })).to.equal('red');
    expect(severityOf({ reasons: [reason({ kind: 'ALLIANCE', colour: 'ORANGE' })] })).to.equal('orange');
    expect(severityOf({ reasons: [] })).to.equal('none');
  });

  it('fills a link template with the encoded id', () => {
    expect(hrefFor('/plan/{id}', 'a b')).to.equal('/plan/a%20b');
  });
});
