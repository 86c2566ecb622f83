import { LocaleController, tokens } from '@helhed/kit';
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { navigateToUrl } from 'single-spa';
import { roleName, t } from './messages.js';
import { type DevIdentity, signIn } from './session.js';

/**
 * @summary The demo's sign-in page: one button per demo identity from the dev identity provider.
 */
export class HelhedShellLogin extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        font-family: var(--_h-font-family);
      }
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        gap: var(--_h-space-2);
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      }
      button {
        width: 100%;
        min-height: 44px;
        font: inherit;
        text-align: left;
        padding: var(--_h-space-2) var(--_h-space-3);
        border: 1px solid var(--_h-color-border);
        border-radius: var(--_h-radius);
        background: var(--_h-color-surface);
        color: var(--_h-color-text);
        cursor: pointer;
      }
      button:focus-visible {
        outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
        outline-offset: var(--_h-focus-ring-offset);
      }
      .role {
        font-weight: 600;
        display: block;
      }
      [role='alert'] {
        color: var(--_h-color-danger);
      }
    `,
  ];

  @state() private identities: DevIdentity[] | null = null;
  @state() private error = '';
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch('/auth/dev-identities');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.identities = (await response.json()) as DevIdentity[];
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async choose(identity: DevIdentity): Promise<void> {
    try {
      await signIn(identity);
      navigateToUrl('/');
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  protected override render() {
    void this.locale.locale;
    return html`<h1>${t('loginHeading')}</h1>
      <p>${t('loginIntro')}</p>
      ${this.error ? html`<p role="alert">${t('loginFailed', { message: this.error })}</p>` : ''}
      ${
        this.identities === null
          ? html`<p role="status">${t('loading')}</p>`
          : html`<ul>
            ${this.identities.map(
              (i) => html`<li>
                <button type="button" data-role=${i.role} @click=${() => this.choose(i)}>
                  <span class="role">${roleName(i.role)}</span> ${i.label}
                </button>
              </li>`,
            )}
          </ul>`
      }`;
  }
}
