import {
  claimsOf,
  clientFor,
  emit,
  failureOf,
  HelhedApiElement,
  LoadController,
  newIdempotencyKey,
  tokenOf,
} from '@helhed/kit';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ConsentForm, type ConsentHost } from './family.consents.js';
import {
  ACCESS_LOG_QUERY,
  type AccessLogEntry,
  answersOf,
  type GoalView,
  goalsFor,
  orderPeople,
  PEOPLE_QUERY,
  PERSON_QUERY,
  type Person,
  type PersonData,
  PLAN_QUERY,
  type PlanData,
  RATE,
} from './family.data.js';
import { styles } from './family.styles.js';
import {
  accessSection,
  answersSection,
  consentsSection,
  firstName,
  goalsSection,
  type ViewContext,
} from './family.views.js';
import {
  type Catalog,
  catalogFor,
  instrumentLanguage,
  languageOf,
  type MessageKey,
  type MessageParams,
  translate,
} from './i18n/languages.js';
import { LanguageObserver, languagePicker } from './language-picker.js';

type Section = 'goals' | 'answers' | 'consents' | 'access';
const sections: Section[] = ['goals', 'answers', 'consents', 'access'];
const sectionLabel: Record<Section, MessageKey> = {
  goals: 'goals',
  answers: 'answers',
  consents: 'consents',
  access: 'accessLog',
};
const errorMessage: Record<string, MessageKey> = {
  FORBIDDEN: 'errorForbidden',
  NOT_FOUND: 'errorNotFound',
  NETWORK: 'errorNetwork',
};

/** Detail of `helhed-language-change`: the language the person picked. */
export interface LanguageChangeDetail {
  language: string;
}

/**
 * @summary The family's own page on a phone: goals and how everyone rated them, rating between
 * meetings, the person's answers over time, consents (see, grant, revoke) and who has looked at
 * the data. A parent switches between themself and their minor children.
 *
 * @event helhed-language-change - The person picked a language (`detail.language`).
 * @event helhed-error - A request failed (`detail.code`).
 */
export class HelhedFamily extends HelhedApiElement implements ConsentHost {
  static override styles = styles;

  @state() private people: Person[] | null = null;
  @state() private selected = '';
  @state() private section: Section = 'goals';
  @state() private failure: string | null = null;
  @state() private signedInRole = '';
  @state() private self = '';
  @state() private drafts = new Map<string, number>();
  @state() private notes = new Map<string, { ok: boolean; text: string }>();
  @state() private savingGoals = new Set<string>();

  /** A rating's key is kept until the API answers, so a retry is stored once. */
  private readonly pendingKeys = new Map<string, string>();
  private readonly languages = new LanguageObserver(this);
  private readonly consents = new ConsentForm(this);
  /** Everything about the chosen person; a later choice aborts an earlier request. */
  private readonly personLoad = new LoadController(this, {
    args: () => (this.selected ? ([this.selected, this.connection] as const) : undefined),
    task: async ([id], signal) => {
      const client = clientFor(this);
      const lang = instrumentLanguage(this.catalog);
      const person = await client.request(PERSON_QUERY, { id, lang }, { signal });
      const plans = await Promise.all(
        person.citizen.plans.map((p) => client.request(PLAN_QUERY, { id: p.id }, { signal })),
      );
      const log = await client.request(ACCESS_LOG_QUERY, { id }, { signal });
      return { person, plans: plans.map((p) => p.plan), accessLog: log.citizen.accessLog };
    },
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });

  private get person(): PersonData | null {
    return this.personLoad.value?.person ?? null;
  }

  private get plans(): PlanData['plan'][] {
    return this.personLoad.value?.plans ?? [];
  }

  private get accessLog(): AccessLogEntry[] | null {
    return this.personLoad.value?.accessLog ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.languages.connect();
  }

  override disconnectedCallback(): void {
    this.languages.disconnect();
    super.disconnectedCallback();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('api') || changed.has('token') || changed.has('tokenProvider')) void this.loadPeople();
    const dir = this.catalog.dir;
    if (this.dir !== dir) this.dir = dir;
  }

  private get catalog(): Catalog {
    return languageOf(this);
  }

  /** The person whose page is shown (for the consent form). */
  get citizenId(): string {
    return this.selected;
  }

  /** Reads the shown person's data again (after a consent changed). */
  reload(): Promise<void> {
    return this.personLoad.run({ keepValue: true });
  }

  t = (key: MessageKey, params?: MessageParams) => translate(this.catalog, key, params);

  private async loadPeople(): Promise<void> {
    const token = await tokenOf(this);
    const claims = claimsOf(token);
    // No token (or one without a role) is nobody the page is for: say so instead of loading.
    this.signedInRole = claims.role ?? 'NONE';
    this.self = claims.citizen ?? '';
    if (this.signedInRole !== 'PARENT' && this.signedInRole !== 'CITIZEN') return;
    try {
      const { citizens } = await clientFor(this).request(PEOPLE_QUERY, {});
      this.people = orderPeople(citizens, this.self);
      await this.choose(this.people.find((p) => p.id === this.selected)?.id ?? this.people[0]?.id ?? '');
    } catch (error) {
      this.fail(error);
    }
  }

  private async choose(id: string): Promise<void> {
    this.selected = id;
    this.failure = null;
    this.drafts = new Map();
    this.notes = new Map();
    this.consents.reset();
    await this.personLoad.run({ keepValue: false });
  }

  private fail(error: unknown): void {
    const { code } = failureOf(error);
    this.failure = code;
    emit(this, 'helhed-error', { code });
  }

  private pickLanguage = (code: string) => {
    if (!catalogFor(code)) return;
    this.setAttribute('lang', code);
    this.requestUpdate();
    emit<LanguageChangeDetail>(this, 'helhed-language-change', { language: code });
    // Instrument names come from the API in Danish or English: read them again in the new one.
    if (this.person) void this.reload();
  };

  private get raterRole(): string {
    return this.signedInRole === 'PARENT' ? 'PARENT' : 'CITIZEN';
  }

  private async rate(goal: GoalView): Promise<void> {
    const scale = this.person?.instruments.find((i) => i.key === goal.instrumentKey);
    const own = goal.latestByRole.find((r) => r.raterRole === this.raterRole);
    const value = this.drafts.get(goal.id) ?? own?.value ?? ((scale?.min ?? 0) + (scale?.max ?? 10)) / 2;
    const key = this.pendingKeys.get(goal.id) ?? newIdempotencyKey();
    this.pendingKeys.set(goal.id, key);
    this.savingGoals = new Set([...this.savingGoals, goal.id]);
    try {
      await clientFor(this).request(RATE, {
        input: {
          idempotencyKey: key,
          goalId: goal.id,
          raterRole: this.raterRole,
          value,
          occurredAt: new Date().toISOString(),
        },
      });
      this.pendingKeys.delete(goal.id);
      this.notes = new Map(this.notes).set(goal.id, { ok: true, text: this.t('saved') });
      await this.reload();
    } catch (error) {
      const failure = failureOf(error);
      // Refused input will be refused again: a new attempt gets a new key.
      if (failure.code === 'BAD_USER_INPUT') this.pendingKeys.delete(goal.id);
      this.notes = new Map(this.notes).set(goal.id, { ok: false, text: this.failureText(failure.code) });
    } finally {
      const saving = new Set(this.savingGoals);
      saving.delete(goal.id);
      this.savingGoals = saving;
    }
  }

  failureText(code: string): string {
    return this.t(errorMessage[code] ?? (code === 'BAD_USER_INPUT' ? 'valueOutOfScale' : 'errorUnknown'));
  }

  override render(): TemplateResult {
    const t = this.t;
    const catalog = this.catalog;
    const top = html`<div class="top">
      <h2>${this.heading()}</h2>
      ${languagePicker(catalog, this.pickLanguage)}
    </div>`;
    if (this.signedInRole && this.signedInRole !== 'PARENT' && this.signedInRole !== 'CITIZEN') {
      return html`${top}<p role="alert">${t('notForRole')}</p>`;
    }
    const failure =
      this.failure ?? (this.personLoad.state.status === 'error' ? this.personLoad.state.code : null);
    if (failure) {
      return html`${top}<p role="alert" class="error">${this.failureText(failure)}</p>
        <button @click=${() => this.loadPeople()}>${t('retry')}</button>`;
    }
    if (!this.people || !this.person) return html`${top}<p role="status">${t('loading')}</p>`;
    return html`${top}${this.peopleChooser()}
      <nav class="chips" aria-label=${t('sectionsLabel')}>
        ${sections.map(
          (s) =>
            html`<button aria-pressed=${String(this.section === s)} data-section=${s} @click=${() => {
              this.section = s;
            }}>${t(sectionLabel[s])}</button>`,
        )}
      </nav>
      <section aria-labelledby="${this.section}-heading">${this.sectionView()}</section>`;
  }

  private heading(): string {
    const person = this.people?.find((p) => p.id === this.selected);
    if (!person || person.id === this.self) return this.t('pageHeading');
    return this.t('pageHeadingFor', { name: firstName(person.displayName) });
  }

  private peopleChooser(): TemplateResult | typeof nothing {
    if (!this.people || this.people.length < 2) return nothing;
    return html`<fieldset class="chips people">
      <legend>${this.t('peopleLabel')}</legend>
      ${this.people.map(
        (
          p,
        ) => html`<button aria-pressed=${String(p.id === this.selected)} data-person=${p.id} @click=${() => this.choose(p.id)}>
          ${p.id === this.self ? this.t('me', { name: firstName(p.displayName) }) : firstName(p.displayName)}
        </button>`,
      )}
    </fieldset>`;
  }

  private sectionView(): TemplateResult {
    const person = this.person as PersonData;
    const ctx: ViewContext = { catalog: this.catalog, t: this.t };
    const goals = goalsFor(this.plans, this.selected);
    if (this.section === 'goals') {
      return goalsSection({
        ...ctx,
        goals,
        scales: new Map(person.instruments.map((i) => [i.key, i])),
        raterRole: this.raterRole,
        draft: (id) => this.drafts.get(id),
        note: (id) => this.notes.get(id),
        saving: (id) => this.savingGoals.has(id),
        onDraft: (id, value) => {
          this.drafts = new Map(this.drafts).set(id, value);
        },
        onRate: (goal) => void this.rate(goal),
      });
    }
    if (this.section === 'answers') {
      const allGoals = this.plans.flatMap((p) => p.goals);
      return answersSection(ctx, answersOf(person.citizen.timeline, person.instruments, allGoals));
    }
    if (this.section === 'consents') {
      return consentsSection({
        ...ctx,
        consents: person.citizen.consents,
        departments: person.departments,
        otherName: this.selected === this.self ? null : firstName(person.citizen.displayName),
        from: this.consents.from,
        to: this.consents.to,
        fieldError: this.consents.fieldError,
        note: this.consents.note,
        busy: this.consents.busy,
        onFrom: this.consents.pickFrom,
        onTo: this.consents.pickTo,
        onGrant: () => void this.consents.grant(),
        onRevoke: (c) => void this.consents.revoke(c),
      });
    }
    return accessSection(ctx, this.accessLog);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-family': HelhedFamily;
  }
}
