import { LocaleController, tokens } from '@helhed/kit';
import { css, html, LitElement } from 'lit';
import { navigateToUrl } from 'single-spa';
import { roleName, t } from './messages.js';
import { currentSession } from './session.js';

/**
 * @summary Said instead of a page the signed-in role may not use (the statistics for a
 * professional or a parent): what the page is for, and the way back.
 */
export class HelhedShellNotForRole extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        color: var(--_h-color-primary);
      }
      a:focus-visible {
        outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
        outline-offset: var(--_h-focus-ring-offset);
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  protected override render() {
    void this.locale.locale;
    const role = currentSession()?.role ?? '';
    return html`<h1>${t('statistics')}</h1>
      <p role="alert">${t('notForRole', { role: roleName(role) })}</p>
      <p><a href="/" @click=${navigateToUrl}>${t('backHome')}</a></p>`;
  }
}
