import { type Locale, LocaleController, setLocale, tokens } from '@helhed/kit';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { navigateToUrl } from 'single-spa';
import { roleName, t } from './messages.js';
import { currentSession, SESSION_CHANGE_EVENT, signOut } from './session.js';

/**
 * @summary The shell's header: brand, navigation, language switch and the signed-in identity.
 */
export class HelhedShellHeader extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        background: var(--_h-color-primary);
        color: var(--_h-color-on-primary);
        font-family: var(--_h-font-family);
      }
      header {
        max-width: 72rem;
        margin: 0 auto;
        padding: var(--_h-space-2) var(--_h-space-3);
        display: flex;
        flex-wrap: wrap;
        gap: var(--_h-space-3);
        align-items: center;
      }
      .brand {
        font-weight: 700;
        font-size: 1.25rem;
        margin-right: auto;
      }
      nav ul {
        display: flex;
        gap: var(--_h-space-3);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      a,
      button,
      select {
        color: inherit;
        font: inherit;
        min-height: 44px;
      }
      a {
        display: inline-flex;
        align-items: center;
      }
      button,
      select {
        background: transparent;
        border: 1px solid currentColor;
        border-radius: var(--_h-radius);
        padding: 0 var(--_h-space-2);
      }
      select option {
        color: #000;
      }
      :focus-visible {
        outline: var(--_h-focus-ring-width) solid var(--_h-color-on-primary);
        outline-offset: var(--_h-focus-ring-offset);
      }
    `,
  ];

  @state() private session = currentSession();
  private readonly locale = new LocaleController(this);
  private readonly onSession = () => {
    this.session = currentSession();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SESSION_CHANGE_EVENT, this.onSession);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(SESSION_CHANGE_EVENT, this.onSession);
    super.disconnectedCallback();
  }

  private changeLanguage(event: Event): void {
    const lang = (event.target as HTMLSelectElement).value as Locale;
    document.documentElement.lang = lang;
    localStorage.setItem('helhed.lang', lang);
    setLocale(lang);
  }

  protected override render() {
    const locale = this.locale.locale;
    return html`<header>
      <span class="brand">${t('brand')}</span>
      <nav aria-label=${t('nav')}>
        <ul>
          <li><a href="/" @click=${navigateToUrl}>${t('home')}</a></li>
          ${this.session ? html`<li><a href="/instruments" @click=${navigateToUrl}>${t('instruments')}</a></li>` : nothing}
        </ul>
      </nav>
      <label>
        <span>${t('language')}</span>
        <select @change=${this.changeLanguage} .value=${locale}>
          <option value="da" ?selected=${locale === 'da'}>Dansk</option>
          <option value="en" ?selected=${locale === 'en'}>English</option>
        </select>
      </label>
      ${
        this.session
          ? html`<span>${t('signedInAs', { role: roleName(this.session.role), label: this.session.label })}</span>
            <button type="button" @click=${() => {
              signOut();
              navigateToUrl('/');
            }}>${t('signOut')}</button>`
          : nothing
      }
    </header>`;
  }
}
