import { type Locale, LocaleController, setLocale, tokens } from '@helhed/kit';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { navigateToUrl } from 'single-spa';
import { roleName, t } from './messages.js';
import { mayAdminister, mayReadStatistics, pageTitle } from './routes.js';
import { currentSession, SESSION_CHANGE_EVENT, signOut } from './session.js';

/**
 * @summary The shell's header: brand, navigation, language switch and the signed-in identity.
 * It also names the page: the document's title, and a line only printed (shell.css hides the
 * navigation and controls on paper through the parts).
 *
 * @csspart nav - The main menu.
 * @csspart language - The language switch.
 * @csspart sign-out - The sign-out button.
 * @csspart page-title - The page's name; hidden on screen, shown on paper.
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
      a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
      .page-title {
        display: none;
        margin: 0;
        font-size: 1.25rem;
      }
      :focus-visible {
        outline: var(--_h-focus-ring-width) solid var(--_h-color-on-primary);
        outline-offset: var(--_h-focus-ring-offset);
      }
    `,
  ];

  @state() private session = currentSession();
  private readonly locale = new LocaleController(this);
  @state() private path = window.location.pathname;
  private readonly onSession = () => {
    this.session = currentSession();
  };
  private readonly onRoute = () => {
    this.path = window.location.pathname;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SESSION_CHANGE_EVENT, this.onSession);
    window.addEventListener('single-spa:routing-event', this.onRoute);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(SESSION_CHANGE_EVENT, this.onSession);
    window.removeEventListener('single-spa:routing-event', this.onRoute);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    // WCAG 2.4.2: every route has its own title, in the current language.
    document.title = `${pageTitle(this.path, this.session?.role)} – ${t('brand')}`;
  }

  private link(href: string, text: string) {
    const current = href === '/' ? this.path === '/' : this.path.startsWith(href);
    return html`<li><a href=${href} aria-current=${current ? 'page' : nothing} @click=${navigateToUrl}>${text}</a></li>`;
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
      <p class="page-title" part="page-title">${pageTitle(this.path, this.session?.role)}</p>
      <nav aria-label=${t('nav')} part="nav">
        <ul>
          ${this.link('/', t('home'))}
          ${this.session ? this.link('/instruments', t('instruments')) : nothing}
          ${mayReadStatistics(this.session?.role) ? this.link('/statistics', t('statistics')) : nothing}
          ${mayAdminister(this.session?.role) ? this.link('/admin', t('admin')) : nothing}
        </ul>
      </nav>
      <label part="language">
        <span>${t('language')}</span>
        <select @change=${this.changeLanguage} .value=${locale}>
          <option value="da" ?selected=${locale === 'da'}>Dansk</option>
          <option value="en" ?selected=${locale === 'en'}>English</option>
        </select>
      </label>
      ${
        this.session
          ? html`<span>${t('signedInAs', { role: roleName(this.session.role), label: this.session.label })}</span>
            <button type="button" part="sign-out" @click=${() => {
              signOut();
              navigateToUrl('/');
            }}>${t('signOut')}</button>`
          : nothing
      }
    </header>`;
  }
}
