import { type Failure, failureOf, LoadController, LocaleController, reasonFor, tokens } from '@helhed/kit';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { navigateToUrl } from 'single-spa';
import { roleName, signInErrors, t } from './messages.js';
import { type DevIdentity, devIdentities, signIn } from './session.js';

/**
 * @summary The demo's sign-in page: one button per demo identity from the dev identity provider.
 * A server without the demo has no such provider: the page then says where sign-in happens
 * (the municipality's own system) instead of showing a failure.
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

  @state() private refusal?: Failure;
  private readonly locale = new LocaleController(this);
  private readonly identities = new LoadController(this, {
    args: () => [] as const,
    task: () => devIdentities(),
  });

  private async choose(identity: DevIdentity): Promise<void> {
    this.refusal = undefined;
    try {
      await signIn(identity);
      navigateToUrl('/');
    } catch (error) {
      this.refusal = failureOf(error);
    }
  }

  protected override render() {
    const { locale } = this.locale;
    const off = this.identities.state.status === 'error' && this.identities.state.code === 'SIGN_IN_OFF';
    return html`<h1>${t(off ? 'signInHeading' : 'loginHeading')}</h1>
      ${this.identities.render({
        loading: () => html`<p role="status">${t('loading')}</p>`,
        error: (failure) =>
          failure.code === 'SIGN_IN_OFF'
            ? html`<p>${t('loginOff')}</p>`
            : html`<p role="alert">${t('loginFailed', { reason: reasonFor(failure, locale, signInErrors) })}</p>
                <button type="button" class="retry" @click=${() => this.identities.run()}>${t('retry')}</button>`,
        ready: (identities) => html`<p>${t('loginIntro')}</p>
          ${this.refusal ? html`<p role="alert">${t('loginFailed', { reason: reasonFor(this.refusal, locale, signInErrors) })}</p>` : nothing}
          <ul>
            ${identities.map(
              (i) => html`<li>
                <button type="button" data-role=${i.role} @click=${() => this.choose(i)}>
                  <span class="role">${roleName(i.role)}</span> ${i.label}
                </button>
              </li>`,
            )}
          </ul>`,
      })}`;
  }
}
