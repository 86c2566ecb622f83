import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  createTranslator,
  getLocale,
  LOCALE_CHANGE_EVENT,
  LocaleController,
  setLocale,
  toLocale,
} from './i18n.js';

const t = createTranslator({
  da: { greeting: 'Hej {name}', score: 'Score: {value}' },
  en: { greeting: 'Hello {name}', score: 'Score: {value}' },
});

class LocaleProbe extends LitElement {
  readonly localeController = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return t('greeting', { name: 'Sara' }, this.localeController.locale);
  }
}
customElements.define('helhed-locale-probe', LocaleProbe);

describe('i18n', () => {
  afterEach(() => {
    setLocale(null);
    document.documentElement.removeAttribute('lang');
  });

  it('translates in Danish by default and formats numbers in the locale', () => {
    expect(getLocale()).to.equal('da');
    expect(t('greeting', { name: 'Sara' })).to.equal('Hej Sara');
    expect(t('score', { value: 7.3 })).to.equal('Score: 7,3');
    expect(t('score', { value: 7.3 }, 'en')).to.equal('Score: 7.3');
  });

  it('maps language tags to supported locales', () => {
    expect(toLocale('da-DK')).to.equal('da');
    expect(toLocale('EN_gb')).to.equal('en');
    expect(toLocale('de')).to.equal(undefined);
  });

  it('resolves element lang, then setLocale, then document lang, then Danish', async () => {
    const el = await fixture(html`<div lang="en"><span></span></div>`);
    const inner = el.querySelector('span') as HTMLElement;
    document.documentElement.lang = 'en';
    expect(getLocale(document.body)).to.equal('en');
    setLocale('da');
    expect(getLocale(document.body)).to.equal('da');
    expect(getLocale(inner)).to.equal('en');
    setLocale(null);
    document.documentElement.lang = 'fr';
    expect(getLocale(document.body)).to.equal('da');
  });

  it('dispatches helhed-locale-change and re-renders elements with a LocaleController', async () => {
    const el = await fixture<LocaleProbe>(html`<helhed-locale-probe></helhed-locale-probe>`);
    expect(el.shadowRoot?.textContent).to.contain('Hej Sara');
    let events = 0;
    const count = () => events++;
    window.addEventListener(LOCALE_CHANGE_EVENT, count);
    setLocale('en');
    window.removeEventListener(LOCALE_CHANGE_EVENT, count);
    await el.updateComplete;
    expect(events).to.equal(1);
    expect(el.shadowRoot?.textContent).to.contain('Hello Sara');
  });

  it('re-renders when the document language changes', async () => {
    const el = await fixture<LocaleProbe>(html`<helhed-locale-probe></helhed-locale-probe>`);
    document.documentElement.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('Hello Sara');
  });
});
