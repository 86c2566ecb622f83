import {
  clientFor,
  emit,
  formatDate,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  loadSection,
  type Subscription,
  subscribe,
  tokenOf,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  type AttentionKind,
  attentionKinds,
  type CaseloadRow,
  hrefFor,
  sayReason,
  severityOf,
} from './caseload.data.js';
import { caseloadErrors, t } from './caseload.messages.js';
import { styles } from './caseload.styles.js';
import { graphql } from './gql/gql.js';
import type { CaseloadQuery } from './gql/graphql.js';

const CASELOAD = graphql(`
  query Caseload($filter: CaseloadFilter, $lang: Language) {
    instruments { key name(lang: $lang) }
    targetGroups { key name }
    caseload(filter: $filter) {
      asOf followUpDays unratedWeeks total counts { kind citizens }
      rows {
        citizenId displayName birthYear lastMeasuredOn
        reasons { kind colour alertReasons instrumentKey department { name } planId since days count }
        plans {
          id familyName
          contactPoints { professionals departments }
          contactPointsBefore { professionals departments }
        }
      }
    }
  }
`);

const LIVE = graphql(`subscription CaseloadChanged { caseloadChanged { cause at } }`);

/** The answer, as the generator types it from the schema. */
type Data = CaseloadQuery;

/** What `helhed-open` tells the host page; cancel it to navigate yourself (a single-spa shell). */
export interface OpenDetail {
  href: string;
  view: 'citizen' | 'plan' | 'dialogue';
  citizenId: string;
  planId: string | null;
}

const kindsConverter = {
  fromAttribute: (value: string | null): AttentionKind[] =>
    (value ?? '')
      .split(/[\s,]+/)
      .filter((k): k is AttentionKind => (attentionKinds as readonly string[]).includes(k)),
  toAttribute: (value: AttentionKind[]) => value.join(' '),
};

/**
 * @summary The caseload: every citizen the signed-in professional's department (or the
 * coordinator's municipality) works with, most urgent first, each saying why in words — red and
 * orange alerts by the shared scoring rules, alliance alerts, diverging progress, no recent
 * measurement, an overdue family meeting, goals nobody rated — with links to the citizen, the
 * plan and the family dialogue, counts per reason that filter the list, and live updates.
 *
 * @event helhed-load - The caseload arrived. `detail: { rows, total }`.
 * @event helhed-error - Loading failed. `detail: { code }`.
 * @event helhed-open - A link was chosen. `detail: OpenDetail`; cancelable: a host that cancels
 *   it navigates itself, otherwise the browser follows the link.
 *
 * @csspart row - One citizen's row.
 *
 * @cssproperty --helhed-color-alert-red - Marks rows with a red alert (likewise -orange).
 */
export class HelhedCaseload extends HelhedApiElement {
  static override styles = styles;

  /** Link to a citizen's view; `{id}` is replaced by the citizen's id. */
  @property({ attribute: 'citizen-href' }) citizenHref = '/citizen/{id}';
  /** Link to a plan; `{id}` is replaced by the plan's id. */
  @property({ attribute: 'plan-href' }) planHref = '/plan/{id}';
  /** Link to a family plan's dialogue; `{id}` is replaced by the plan's id. */
  @property({ attribute: 'dialogue-href' }) dialogueHref = '/family/{id}';
  /** DEPARTMENT (everyone the department works with) or MINE (those the person measured). */
  @property() scope: 'DEPARTMENT' | 'MINE' = 'DEPARTMENT';
  /** Only citizens in this target group (its key). */
  @property({ attribute: 'target-group' }) targetGroup = '';
  /** Only citizens with one of these reasons (space-separated kinds); empty: everyone. */
  @property({ converter: kindsConverter }) reasons: AttentionKind[] = [];
  /** Most rows shown (1–500). */
  @property({ type: Number }) limit = 100;
  /** Set to stop live updates (the list then changes only on reload). */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  @state() private refreshing = false;
  @state() private announcement = '';

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () =>
      [
        this.connection,
        this.locale,
        this.scope,
        this.targetGroup,
        this.reasons.join(' '),
        this.limit,
      ] as const,
    task: (_, signal) => clientFor(this).request(CASELOAD, this.variables(), { signal }),
    onReady: (data) => {
      this.lastData = data;
      emit(this, 'helhed-load', { rows: data.caseload.rows.length, total: data.caseload.total });
    },
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });
  private live?: Subscription;
  private liveFor = '';
  private refetchTimer?: ReturnType<typeof setTimeout>;
  private lastData: Data | null = null;

  private get locale(): Locale {
    return this.localeController.locale;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live?.close();
    this.live = undefined;
    this.liveFor = '';
    clearTimeout(this.refetchTimer);
  }

  protected override updated(): void {
    this.connectLive();
  }

  private variables() {
    return {
      lang: this.locale,
      filter: {
        scope: this.scope,
        targetGroup: this.targetGroup || null,
        reasons: this.reasons.length ? this.reasons : null,
        limit: this.limit,
      },
    };
  }

  /** Reads the caseload again; rows stay on screen while a refresh loads. */
  async fetchCaseload(refresh = false): Promise<void> {
    this.refreshing = refresh;
    try {
      await this.load.run({ keepValue: refresh });
      if (refresh && this.load.state.status === 'ready')
        this.announcement = t('updated', undefined, this.locale);
    } finally {
      this.refreshing = false;
    }
  }

  /** Something in the caseload changed elsewhere: fetch again, once for a burst of events. */
  private connectLive(): void {
    const key = this.noLive || !this.isConnected ? '' : this.api;
    if (key === this.liveFor) return;
    this.live?.close();
    this.live = undefined;
    this.liveFor = key;
    if (!key) return;
    this.live = subscribe({
      endpoint: new URL(this.api, document.baseURI).href,
      tokenProvider: () => tokenOf(this),
      query: LIVE,
      variables: {},
      onData: () => {
        clearTimeout(this.refetchTimer);
        this.refetchTimer = setTimeout(() => void this.fetchCaseload(true), 200);
      },
    });
  }

  private toggleKind(kind: AttentionKind): void {
    const chosen = new Set(this.reasons);
    if (chosen.has(kind)) chosen.delete(kind);
    else chosen.add(kind);
    this.reasons = attentionKinds.filter((k) => chosen.has(k));
  }

  private open(event: MouseEvent, detail: OpenDetail): void {
    // Modified clicks (new tab, new window) are the browser's.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const proceed = this.dispatchEvent(
      new CustomEvent<OpenDetail>('helhed-open', { detail, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) event.preventDefault();
  }

  protected override render() {
    const { locale } = this;
    return loadSection(this.load, {
      labelledBy: 'heading',
      heading: html`<h2 id="heading">${t('heading', undefined, locale)}</h2>`,
      busy: this.refreshing,
      layout: (body) => html`${this.renderFilters()}
        <div class="results">${body}</div>
        <p class="announce" role="status">${this.announcement}</p>`,
      ...loadFeedback(t, locale, () => this.fetchCaseload(), caseloadErrors),
      ready: (data) => this.renderResult(data),
    });
  }

  private renderFilters() {
    const { locale } = this;
    const groups = this.lastData?.targetGroups ?? [];
    return html`<form class="filters" aria-label=${t('filters', undefined, locale)} @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${t('scope', undefined, locale)}</legend>
        ${(['DEPARTMENT', 'MINE'] as const).map(
          (scope) => html`<label class="choice"><input type="radio" name="scope" value=${scope}
            .checked=${this.scope === scope} @change=${() => {
              this.scope = scope;
            }} />${t(scope, undefined, locale)}</label>`,
        )}
      </fieldset>
      <label class="field">${t('targetGroup', undefined, locale)}
        <select @change=${(e: Event) => {
          this.targetGroup = (e.target as HTMLSelectElement).value;
        }}>
          <option value="" ?selected=${this.targetGroup === ''}>${t('allTargetGroups', undefined, locale)}</option>
          ${groups.map((g) => html`<option value=${g.key} ?selected=${g.key === this.targetGroup}>${g.name}</option>`)}
        </select>
      </label>
    </form>`;
  }

  private renderResult(data: Data) {
    const { locale } = this;
    const c = data.caseload;
    const chosen = new Set(this.reasons);
    const counts = c.counts.filter((x) => x.citizens > 0 || chosen.has(x.kind));
    return html`<p class="as-of">${t('asOf', { date: formatDate(c.asOf, { locale }), total: c.total, days: c.followUpDays }, locale)}</p>
      <div class="counts" role="group" aria-label=${t('counts', undefined, locale)}>
        ${counts.map(
          (x) => html`<button type="button" class="count ${x.kind.toLowerCase()}" data-kind=${x.kind}
            aria-pressed=${chosen.has(x.kind) ? 'true' : 'false'} @click=${() => this.toggleKind(x.kind)}>
            ${t(x.kind, undefined, locale)} <span class="n">${x.citizens}</span></button>`,
        )}
        ${
          chosen.size
            ? html`<button type="button" class="clear" @click=${() => {
                this.reasons = [];
              }}>${t('clear', undefined, locale)}</button>`
            : nothing
        }
      </div>
      ${
        c.rows.length === 0
          ? html`<p class="empty">${t(chosen.size ? 'emptyFiltered' : 'empty', undefined, locale)}</p>`
          : html`<ol class="rows" aria-label=${t('rows', undefined, locale)}>
              ${c.rows.map((row, i) => this.renderRow(row, i, data))}
            </ol>`
      }
      ${c.rows.length >= this.limit && c.total > c.rows.length ? html`<p class="more">${t('more', { shown: c.rows.length, total: c.total }, locale)}</p>` : nothing}`;
  }

  private renderRow(row: CaseloadRow, i: number, data: Data) {
    const { locale } = this;
    const names = new Map(data.instruments.map((x) => [x.key, x.name]));
    const ctx = {
      locale,
      instrumentName: (key: string) => names.get(key) ?? key,
      unratedWeeks: data.caseload.unratedWeeks,
      lastMeasuredOn: row.lastMeasuredOn,
    };
    const citizen = hrefFor(this.citizenHref, row.citizenId);
    const link = (href: string, view: OpenDetail['view'], planId: string | null, text: string) =>
      html`<a href=${href} @click=${(e: MouseEvent) => this.open(e, { href, view, citizenId: row.citizenId, planId })}>${text}</a>`;
    return html`<li class="row ${severityOf(row)}" part="row" data-citizen=${row.citizenId} aria-labelledby="name-${i}">
      <h3 id="name-${i}">${link(citizen, 'citizen', null, row.displayName)}
        <span class="born">(${t('born', { year: String(row.birthYear) }, locale)})</span></h3>
      ${
        row.reasons.length
          ? html`<ul class="reasons">${row.reasons.map((r) => html`<li class="reason" data-kind=${r.kind}>${sayReason(r, ctx)}</li>`)}</ul>`
          : html`<p class="calm">${t('nothing', undefined, locale)}</p>`
      }
      <nav aria-label=${t('links', { name: row.displayName }, locale)}>
        ${link(citizen, 'citizen', null, t('progress', undefined, locale))}
        ${row.plans.map((p) =>
          p.familyName
            ? html`${link(hrefFor(this.planHref, p.id), 'plan', p.id, t('familyPlan', { family: p.familyName }, locale))}
                ${link(hrefFor(this.dialogueHref, p.id), 'dialogue', p.id, t('dialogue', undefined, locale))}`
            : link(hrefFor(this.planHref, p.id), 'plan', p.id, t('plan', undefined, locale)),
        )}
      </nav>
      ${row.plans
        .filter((p) => p.contactPoints)
        .map(
          (p) =>
            html`<p class="contact">${t(
              'contactPoints',
              {
                name: p.familyName ?? t('plan', undefined, locale),
                departments: p.contactPoints?.departments ?? 0,
                professionals: p.contactPoints?.professionals ?? 0,
                before: p.contactPointsBefore?.departments ?? 0,
              },
              locale,
            )}</p>`,
        )}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-caseload': HelhedCaseload;
  }
}
