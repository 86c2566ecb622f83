import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { Failure } from './connection.js';
import { createTranslator } from './i18n.js';
import { loadFeedback } from './load-feedback.js';

const t = createTranslator({
  da: { loading: 'Henter …', error: 'Kunne ikke hentes: {reason} ({code})', retry: 'Prøv igen' },
  en: { loading: 'Loading …', error: 'Could not load: {reason} ({code})', retry: 'Try again' },
});

async function shown(template: unknown): Promise<HTMLElement> {
  const box = await fixture<HTMLElement>(html`<div></div>`);
  render(template, box);
  return box;
}

describe('loadFeedback', () => {
  it('announces the load as a status line', async () => {
    const box = await shown(loadFeedback(t, 'en', () => {}).loading());
    const status = box.querySelector('[role="status"]');
    expect(status?.textContent).to.equal('Loading …');
  });

  it("words a failure with the widget's own sentence before kit's, and names the code", async () => {
    const failure: Failure = { code: 'FORBIDDEN', message: 'no' };
    const own = {
      da: { FORBIDDEN: 'Din rolle rækker ikke.' },
      en: { FORBIDDEN: 'Your role is not enough.' },
    };
    const box = await shown(loadFeedback(t, 'da', () => {}, own).error(failure));
    expect(box.querySelector('[role="alert"]')?.textContent).to.equal(
      'Kunne ikke hentes: Din rolle rækker ikke. (FORBIDDEN)',
    );
  });

  it('loads again when the retry button is pressed', async () => {
    let reloads = 0;
    const feedback = loadFeedback(t, 'en', () => reloads++);
    const box = await shown(feedback.error({ code: 'NETWORK' }));
    const button = box.querySelector('button');
    expect(button?.textContent).to.equal('Try again');
    button?.click();
    expect(reloads).to.equal(1);
  });
});
