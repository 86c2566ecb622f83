import {
  createGraphQLClient,
  emit,
  failureOf,
  HelhedApiError,
  LoadController,
  newIdempotencyKey,
} from '@helhed/kit';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styles } from './family.styles.js';
import {
  ANSWER,
  INVITATION_QUERY,
  type InvitationView,
  type LinkProblem,
  linkProblemOf,
  rowOfField,
  tokenFromHash,
} from './family-answer.data.js';
import {
  type Catalog,
  catalogFor,
  formatDateTime,
  formatNumber,
  languageOf,
  type MessageKey,
  type MessageParams,
  translate,
} from './i18n/languages.js';
import { LanguageObserver, languagePicker } from './language-picker.js';

/** No sign-in: the token in the request is the only credential. */
const clientOf = (endpoint: string) => createGraphQLClient({ endpoint });

/** The link's own refusal (unknown, expired, used, revoked), or undefined for any other failure. */
function problemOf(error: unknown): LinkProblem | undefined {
  const reason = error instanceof HelhedApiError ? error.errors[0]?.extensions?.reason : undefined;
  return linkProblemOf(failureOf(error).code, reason) ?? undefined;
}

/** One row of the form: a goal or a questionnaire item. */
interface Row {
  id: string;
  label: string;
  about: string;
  min: number;
  max: number;
  step: number;
}

const problemMessage: Record<LinkProblem, MessageKey> = {
  MISSING: 'linkMissing',
  UNKNOWN: 'linkUnknown',
  EXPIRED: 'linkExpired',
  USED: 'linkUsed',
  REVOKED: 'linkRevoked',
};

/**
 * @summary The page an invitation link opens, without signing in: the goals to rate or one
 * questionnaire, sent once, then a thank-you. A link that does not work gets one clear page.
 *
 * @event helhed-answered - The answers were stored (`detail.scope`).
 * @event helhed-language-change - The person picked a language (`detail.language`).
 */
export class HelhedFamilyAnswer extends LitElement {
  static override styles = styles;

  /** The GraphQL endpoint. */
  @property() api = '/graphql';
  /** The link's secret; read from `location.hash` (`#t=<token>`) when not given. */
  @property() token = '';

  /** A refusal of the link met while answering (used or revoked meanwhile). */
  @state() private problem: LinkProblem | null = null;
  @state() private values = new Map<string, number>();
  @state() private rowErrors = new Map<string, string>();
  @state() private formError = '';
  @state() private sending = false;
  @state() private done = false;
  /** The page's fragment, so a second link pasted into the same tab is read. */
  @state() private hash = globalThis.location?.hash ?? '';

  /** One key per link's answer, kept across retries: a replay is stored once. */
  private idempotencyKey = newIdempotencyKey();
  /** The link the form was last read for; another link starts afresh. */
  private readFor = '';
  private picked = false;
  private readonly languages = new LanguageObserver(this);

  /**
   * The invitation behind the link, or why the link does not work; a newer link aborts the read
   * of an older one. No secret: nothing to read (the "missing link" page).
   */
  private readonly invitation = new LoadController(this, {
    args: () => (this.secret ? ([this.api, this.secret] as const) : undefined),
    task: async ([api, token], signal): Promise<{ view: InvitationView } | { problem: LinkProblem }> => {
      try {
        return { view: (await clientOf(api).request(INVITATION_QUERY, { token }, { signal })).invitation };
      } catch (error) {
        const problem = problemOf(error);
        if (problem) return { problem };
        throw error;
      }
    },
    onReady: (read) => {
      // The invitation's language is the default; a language the person picked wins.
      if ('view' in read && !this.picked && catalogFor(read.view.language)) {
        this.setAttribute('lang', read.view.language);
      }
    },
  });

  private readonly onHashChange = () => {
    this.hash = globalThis.location?.hash ?? '';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.languages.connect();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    this.languages.disconnect();
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    if (this.secret === this.readFor) return;
    this.readFor = this.secret;
    this.idempotencyKey = newIdempotencyKey();
    this.values = new Map();
    this.rowErrors = new Map();
    this.formError = '';
    this.problem = null;
    this.done = false;
  }

  protected override updated(): void {
    if (this.dir !== this.catalog.dir) this.dir = this.catalog.dir;
  }

  private get catalog(): Catalog {
    return languageOf(this);
  }

  private t = (key: MessageKey, params?: MessageParams) => translate(this.catalog, key, params);

  private get secret(): string {
    return this.token || tokenFromHash(this.hash);
  }

  /** The invitation as read, once it is in and the link works. */
  private get view(): InvitationView | null {
    const read = this.invitation.value;
    return read && 'view' in read ? read.view : null;
  }

  private pickLanguage = (code: string) => {
    if (!catalogFor(code)) return;
    this.picked = true;
    this.setAttribute('lang', code);
    this.requestUpdate();
    emit(this, 'helhed-language-change', { language: code });
  };

  private rows(): Row[] {
    const view = this.view;
    if (!view) return [];
    if (view.scope === 'PLAN_GOALS') {
      return view.goals.map((g) => ({ ...g, label: g.text, about: g.subjectName ?? '' }));
    }
    const instrument = view.instrument;
    if (!instrument) return [];
    const lang = this.catalog.code === 'da' ? 'da' : 'en';
    return instrument.items.map((item) => ({
      id: item.key,
      label: item[lang],
      about: '',
      min: instrument.min,
      max: instrument.max,
      step: instrument.step,
    }));
  }

  private async send(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const rows = this.rows();
    this.rowErrors = new Map();
    this.formError = '';
    const given = rows.filter((r) => this.values.has(r.id));
    if (view.scope === 'QUESTIONNAIRE') {
      const missing = rows.filter((r) => !this.values.has(r.id));
      if (missing.length > 0) {
        this.rowErrors = new Map(missing.map((r) => [r.id, this.t('answerMissing')]));
        return void this.focusRow(missing[0]?.id);
      }
    } else if (given.length === 0) {
      this.formError = this.t('answerNoneGiven');
      return;
    }
    const input =
      view.scope === 'QUESTIONNAIRE'
        ? { values: rows.map((r) => this.values.get(r.id) as number) }
        : { ratings: given.map((r) => ({ goalId: r.id, value: this.values.get(r.id) as number })) };
    this.sending = true;
    try {
      await clientOf(this.api).request(ANSWER, {
        input: { token: this.secret, idempotencyKey: this.idempotencyKey, ...input },
      });
      this.done = true;
      emit(this, 'helhed-answered', { scope: view.scope });
    } catch (error) {
      const failure = failureOf(error);
      if (failure.code === 'BAD_USER_INPUT') {
        const sent = view.scope === 'QUESTIONNAIRE' ? rows : given;
        const row = sent[rowOfField(failure.field)];
        // A value off the scale gets our own words in the page's language; anything else the API's.
        const message = /(^values|\.value)$|^values\.\d+$/.test(failure.field ?? '')
          ? this.t('valueOutOfScale')
          : this.t('fieldError', { message: failure.message ?? '' });
        if (row) {
          this.rowErrors = new Map([[row.id, message]]);
          void this.focusRow(row.id);
        } else this.formError = message;
      } else if (problemOf(error)) this.problem = problemOf(error) ?? null;
      else this.formError = this.t(failure.code === 'NETWORK' ? 'errorNetwork' : 'errorUnknown');
    } finally {
      this.sending = false;
    }
  }

  private onSubmit = (e: Event) => {
    e.preventDefault();
    void this.send();
  };

  private async focusRow(id: string | undefined): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`input[data-row="${id}"]`)?.focus();
  }

  override render(): TemplateResult {
    const t = this.t;
    const picker = languagePicker(this.catalog, this.pickLanguage);
    const state = this.invitation.state;
    const read = this.invitation.value;
    const problem =
      this.problem ??
      (state.status === 'missing' ? 'MISSING' : read && 'problem' in read ? read.problem : null);
    if (problem) {
      return html`<div class="top"><h2>${t('linkHeading')}</h2>${picker}</div>
        <p role="alert" class="problem" data-reason=${problem}>${t(problemMessage[problem])}</p>`;
    }
    if (this.done) {
      return html`<div class="top"><h2>${t('answerThanks')}</h2>${picker}</div>
        <p role="status" class="thanks">${t('answerThanksBody')}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="top"><h2>${t('answerHeading')}</h2>${picker}</div>
        <p role="alert" class="error">${t(state.code === 'NETWORK' ? 'errorNetwork' : 'errorUnknown')}</p>
        <button @click=${() => this.invitation.run()}>${t('retry')}</button>`;
    }
    const view = this.view;
    if (!view)
      return html`<div class="top"><h2>${t('answerHeading')}</h2>${picker}</div><p role="status">${t('loading')}</p>`;
    const lang = this.catalog.code === 'da' ? 'da' : 'en';
    return html`<div class="top"><h2>${view.instrument ? view.instrument[lang] : t('answerHeading')}</h2>${picker}</div>
      <p>${t('answerFrom', { department: view.departmentName })}</p>
      <p class="muted">${t('answerExpires', { date: formatDateTime(this.catalog, view.expiresAt) })}</p>
      <form novalidate @submit=${this.onSubmit}>
        <p>${t(view.scope === 'PLAN_GOALS' ? 'answerGoalsIntro' : 'answerItemsIntro')}</p>
        ${this.rows().map((row) => this.rowView(row, view.scope === 'PLAN_GOALS'))}
        ${this.formError ? html`<p role="alert" class="error form-error">${this.formError}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.sending}>
          ${this.sending ? t('saving') : t('answerSend')}
        </button>
      </form>`;
  }

  private rowView(row: Row, skippable: boolean): TemplateResult {
    const t = this.t;
    const value = this.values.get(row.id);
    const error = this.rowErrors.get(row.id);
    const id = `row-${row.id}`;
    const shown = value === undefined ? t('answerChoose') : formatNumber(this.catalog, value);
    return html`<div class="card row" data-row-id=${row.id}>
      <label for=${id}><strong>${row.label}</strong></label>
      ${row.about ? html`<p class="about">${row.about}</p>` : nothing}
      <div class="rate-line">
        <input
          id=${id}
          data-row=${row.id}
          type="range"
          min=${row.min}
          max=${row.max}
          step=${row.step}
          .value=${String(value ?? (row.min + row.max) / 2)}
          aria-valuetext=${shown}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => {
            this.values = new Map(this.values).set(row.id, Number((e.target as HTMLInputElement).value));
          }}
        />
        <output for=${id}>${shown}</output>
      </div>
      <p class="muted">${t('scale', { min: row.min, max: row.max })}</p>
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
      ${
        skippable && value !== undefined
          ? html`<button type="button" @click=${() => {
              const values = new Map(this.values);
              values.delete(row.id);
              this.values = values;
            }}>${t('answerSkip')}</button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-family-answer': HelhedFamilyAnswer;
  }
}
