import { createGraphQLClient, LoadController, LocaleController, reasonFor, tokens } from '@helhed/kit';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { navigateToUrl } from 'single-spa';
import { graphql } from './gql/gql.js';
import type { PeopleQuery } from './gql/graphql.js';
import { t } from './messages.js';
import { isFamilyRole, pageTitle, startsOnCaseload } from './routes.js';
import { currentSession, tokenProvider } from './session.js';

const PEOPLE = graphql(`
  query People($search: String) {
    citizens(search: $search) { id displayName birthYear plans { id familyName } }
  }
`);

/** One person the signed-in user may open, as the generator types the answer. */
type Person = PeopleQuery['citizens'][number];

/**
 * @summary The signed-in start page. Professionals and coordinators get the caseload
 * (`helhed-caseload` from mfe-caseload: who needs attention today and why); parents and citizens
 * the people they may open (their family), with links to the citizen view, the plan and the
 * family dialogue.
 */
export class HelhedShellHome extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        gap: var(--_h-space-2);
      }
      li {
        border: 1px solid var(--_h-color-border);
        border-radius: var(--_h-radius);
        background: var(--_h-color-surface);
        padding: var(--_h-space-3);
      }
      .name {
        font-weight: 600;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        margin-right: var(--_h-space-3);
        color: var(--_h-color-primary);
      }
      input {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--_h-space-2);
        max-width: 100%;
      }
      [role='alert'] {
        color: var(--_h-color-danger);
      }
    `,
  ];

  @state() private caseloadError = false;
  @state() private search = '';
  private readonly locale = new LocaleController(this);
  private readonly client = createGraphQLClient({ endpoint: '/graphql', tokenProvider });
  /** The people a parent or citizen may open; a newer search aborts the one on its way. */
  private readonly people = new LoadController(this, {
    args: () => (startsOnCaseload(currentSession()?.role) ? undefined : ([this.search] as const)),
    task: async ([search], signal) =>
      (await this.client.request(PEOPLE, { search: search || null }, { signal })).citizens,
    keepWhileLoading: true,
  });

  @state() private caseloadReady = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (startsOnCaseload(currentSession()?.role)) void this.loadCaseload();
  }

  /** The caseload micro-frontend, through the import map (loaded only for the roles that use it). */
  private async loadCaseload(): Promise<void> {
    try {
      await import('@helhed/mfe-caseload');
      this.caseloadReady = true;
    } catch {
      // The module did not arrive: said as the network failure it almost always is.
      this.caseloadError = true;
    }
  }

  /** The caseload's links are plain hrefs: route them without a page load. */
  private readonly onOpen = (event: Event) => {
    event.preventDefault();
    navigateToUrl((event as CustomEvent<{ href: string }>).detail.href);
  };

  private link(href: string, text: string) {
    return html`<a href=${href} @click=${navigateToUrl}>${text}</a>`;
  }

  protected override render() {
    void this.locale.locale;
    const role = currentSession()?.role;
    if (role === 'ANALYST' || role === 'ADMIN') {
      return html`<h1>${pageTitle('/', role)}</h1>
        <p>${t('homeNoCitizens')}</p>
        <nav>${this.link('/statistics', t('statistics'))} ${this.link('/instruments', t('instruments'))}</nav>`;
    }
    if (startsOnCaseload(role)) {
      return html`<h1>${t('homeHeading')}</h1>
        ${this.caseloadError ? html`<p role="alert">${reasonFor({ code: 'NETWORK' }, this.locale.locale)}</p>` : nothing}
        ${
          this.caseloadReady
            ? html`<helhed-caseload api="/graphql" .tokenProvider=${tokenProvider} @helhed-open=${this.onOpen}></helhed-caseload>`
            : html`<p role="status">${t('loading')}</p>`
        }`;
    }
    return html`<h1>${t('homeHeading')}</h1>
      ${isFamilyRole(role) ? html`<p>${this.link('/familie', t('familyPage'))}</p>` : nothing}
      <label>
        ${t('homeSearch')}
        <input type="search" .value=${this.search} @input=${(e: Event) => {
          this.search = (e.target as HTMLInputElement).value;
        }} />
      </label>
      ${this.people.render({
        loading: () => html`<p role="status">${t('loading')}</p>`,
        error: (failure) => html`<p role="alert">${reasonFor(failure, this.locale.locale)}</p>`,
        ready: (people) =>
          people.length === 0
            ? html`<p>${t('homeEmpty')}</p>`
            : html`<ul aria-label=${t('homeHeading')}>
                ${people.map((c) => this.renderCitizen(c))}
              </ul>`,
      })}`;
  }

  private renderCitizen(c: Person) {
    return html`<li data-citizen=${c.id}>
      <span class="name">${c.displayName}</span> (${c.birthYear})
      <nav aria-label=${c.displayName}>
        ${this.link(`/citizen/${c.id}`, t('homeProgress'))}
        ${c.plans.map((p) =>
          p.familyName
            ? html`${this.link(`/plan/${p.id}`, t('homeFamilyPlan', { family: p.familyName }))}
              ${this.link(`/family/${p.id}`, t('homeDialogue'))}`
            : this.link(`/plan/${p.id}`, t('homePlan')),
        )}
      </nav>
    </li>`;
  }
}
