import { expect } from '@open-wc/testing';
import { type ErrorCatalog, reasonFor } from './error-catalog.js';

describe('reasonFor', () => {
  it('words a refusal by its code and field, in Danish by default and in English', () => {
    const closed = { code: 'BAD_USER_INPUT', field: 'goalId', message: 'Goal is closed' };
    expect(reasonFor(closed, 'da')).to.equal('Målet er afsluttet. Det kan ikke få point mere.');
    expect(reasonFor(closed, 'en')).to.equal('The goal is closed. It can no longer get points.');
  });

  it('never reads the message: the same text under another field gets that field’s wording', () => {
    const failure = { code: 'BAD_USER_INPUT', field: 'meetingId', message: 'The goal is closed' };
    expect(reasonFor(failure, 'en')).to.equal(
      'The meeting is over. Points can only be given during a meeting.',
    );
  });

  it('falls back from an unknown field to the code, and from an unknown code to a sentence naming it', () => {
    expect(reasonFor({ code: 'BAD_USER_INPUT', field: 'nickname' }, 'en')).to.equal(
      'Something you filled in does not fit. Please check it.',
    );
    expect(reasonFor({ code: 'TEAPOT' }, 'da')).to.equal('Der skete en fejl (TEAPOT). Prøv igen om lidt.');
  });

  it('lets a widget say more than kit, most specific entry first', () => {
    const own: Partial<ErrorCatalog> = {
      da: {
        FORBIDDEN: 'Du har ikke adgang til planen.',
        'BAD_USER_INPUT.from': 'Filteret kan ikke bruges: {message}',
      },
    };
    expect(reasonFor({ code: 'FORBIDDEN' }, 'da', own)).to.equal('Du har ikke adgang til planen.');
    expect(
      reasonFor({ code: 'BAD_USER_INPUT', field: 'from', message: 'from is after to' }, 'da', own),
    ).to.equal('Filteret kan ikke bruges: from is after to');
    // Kit's field wording still wins over the widget's wording for the bare code.
    expect(
      reasonFor({ code: 'BAD_USER_INPUT', field: 'goalId' }, 'da', { da: { BAD_USER_INPUT: 'x' } }),
    ).to.equal('Målet er afsluttet. Det kan ikke få point mere.');
  });
});
