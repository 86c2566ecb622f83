import {
  claimsOf,
  clientFor,
  emit,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  tokenOf,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CITIZEN_PROGRESSION_QUERY,
  type CitizenProgression,
  measuredCitizens,
  PLAN_QUERY,
  type PlanData,
  type PlanGoal,
  type PlanIntervention,
} from './plan.data.js';
import { planErrors, t } from './plan.messages.js';
import { goalItem, interventionGroups, overview, progressionSection } from './plan.sections.js';
import { styles } from './plan.styles.js';
import type { PlanChangeDetail } from './plan-form.js';

type Editing =
  | { kind: 'add-goal' }
  | { kind: 'edit-goal'; goalId: string }
  | { kind: 'add-intervention' }
  | null;

/** Roles the API lets change a plan; everyone else gets no edit controls. */
const editorRoles = new Set(['COORDINATOR', 'PROFESSIONAL']);
/** Roles that may see what the plan's help costs (docs/economy.md); the API still decides. */
const costRoles = new Set(['COORDINATOR', 'PROFESSIONAL', 'INTEGRATION']);

/**
 * @summary One plan across departments, as the coordinator and the family see it: goals in the
 * family's own words with owners, the dominant goal, status, baseline, target and progress;
 * interventions by department with legal basis, responsible professional, dates and goals;
 * contact points, parallel interventions, goals no intervention serves and interventions that
 * serve no goal; progression per goal and per department. COORDINATOR and PROFESSIONAL may add
 * and edit goals and add interventions. Prints as a plain document.
 *
 * @event helhed-load - The plan arrived. `detail: { planId, goals, interventions }` (counts).
 * @event helhed-error - Loading failed. `detail: { code }`.
 * @event helhed-plan-change - A goal or intervention was saved (from the forms inside).
 *
 * @cssproperty --helhed-color-primary - Buttons, progress bars, the dominant goal's frame.
 * @cssproperty --helhed-color-alert-orange - Flags worth a conversation.
 */
export class HelhedPlan extends HelhedApiElement {
  static override styles = styles;

  /** The plan shown. */
  @property({ attribute: 'plan-id' }) planId = '';
  /**
   * The citizen a one-person plan belongs to; their progression per department is shown. When
   * absent, the citizens whose measurements the plan's timeline shows are used.
   */
  @property({ attribute: 'citizen-id' }) citizenId = '';
  /**
   * The signed-in role, deciding which edit controls are offered (the API decides what is
   * allowed). When absent, the token's `role` claim is read.
   */
  @property({ attribute: 'viewer-role' }) viewerRole = '';

  @state() private citizens: CitizenProgression[] = [];
  @state() private editing: Editing = null;
  @state() private claims: { role?: string; department?: string } = {};

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () =>
      this.planId ? ([this.planId, this.citizenId, this.locale, this.connection] as const) : undefined,
    task: async ([id, , lang], signal) => {
      this.claims = claimsOf(await tokenOf(this));
      return clientFor(this).request(PLAN_QUERY, { id, lang }, { signal });
    },
    onReady: (data) => {
      const { goals, interventions } = data.plan;
      emit(this, 'helhed-load', {
        planId: this.planId,
        goals: goals.length,
        interventions: interventions.length,
      });
      void this.fetchProgression(data);
    },
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
    keepWhileLoading: true,
  });

  private get locale(): Locale {
    return this.localeController.locale;
  }

  private get viewer(): string {
    return this.viewerRole || this.claims.role || '';
  }

  /** True when the viewer's role may change plans (the API still checks each change). */
  get canEdit(): boolean {
    return editorRoles.has(this.viewer);
  }

  /** Reads the plan again, e.g. after it changed elsewhere. */
  fetchPlan(): Promise<void> {
    return this.load.run();
  }

  private async fetchProgression(data: PlanData): Promise<void> {
    const ids = this.citizenId ? [this.citizenId] : measuredCitizens(data).slice(0, 6);
    if (ids.length === 0) {
      this.citizens = [];
      return;
    }
    // One request per citizen, so a citizen out of reach fails alone and the others still show.
    const client = clientFor(this);
    const answers = await Promise.allSettled(
      ids.map((id) => client.request(CITIZEN_PROGRESSION_QUERY, { id })),
    );
    this.citizens = answers.flatMap((a) =>
      a.status === 'fulfilled' && a.value.citizen ? [a.value.citizen] : [],
    );
  }

  private readonly onChanged = (event: Event) => {
    const detail = (event as CustomEvent<PlanChangeDetail>).detail;
    if (detail?.planId !== this.planId) return;
    this.closeForm();
    void this.fetchPlan();
  };

  private readonly onCancel = () => this.closeForm();

  /** Closes the open form and gives focus back to the button that opened it (WCAG 2.4.3). */
  private closeForm(): void {
    const closed = this.editing;
    this.editing = null;
    if (!closed) return;
    const selector =
      closed.kind === 'edit-goal'
        ? `li[data-goal="${closed.goalId}"] [data-action="edit-goal"]`
        : `[data-action="${closed.kind}"]`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('helhed-plan-change', this.onChanged);
    this.addEventListener('helhed-cancel', this.onCancel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('helhed-plan-change', this.onChanged);
    this.removeEventListener('helhed-cancel', this.onCancel);
  }

  protected override render() {
    const { locale } = this;
    return html`<article aria-labelledby="heading" aria-busy=${this.load.state.status === 'loading' ? 'true' : 'false'}>
      <header class="top">
        <h2 id="heading">${t('heading', undefined, locale)}</h2>
        ${this.load.value ? html`<button type="button" class="print" @click=${() => window.print()}>${t('print', undefined, locale)}</button>` : nothing}
      </header>
      ${this.renderBody()}
    </article>`;
  }

  private renderBody() {
    const { locale } = this;
    return this.load.render({
      missing: () => html`<p>${t('missingId', undefined, locale)}</p>`,
      ...loadFeedback(t, locale, () => this.fetchPlan(), planErrors),
      ready: (data) => html`${overview(data, locale, Boolean(this.citizenId))}
          ${this.renderGoals(data)} ${this.renderInterventions(data)}
          ${progressionSection(this.citizens, data, locale)}
          ${
            costRoles.has(this.viewer)
              ? html`<helhed-plan-economy .api=${this.api} .token=${this.token}
            .tokenProvider=${this.tokenProvider} .planId=${this.planId}></helhed-plan-economy>`
              : nothing
          }`,
    });
  }

  private mayEditGoal(goal: PlanGoal): boolean {
    if (!this.canEdit) return false;
    if (this.viewer !== 'PROFESSIONAL' || !this.claims.department) return true;
    return goal.departments.some((d) => d.id === this.claims.department);
  }

  private renderGoals(data: PlanData) {
    const { locale } = this;
    const goals = data.plan.goals;
    const goalActions = (goal: PlanGoal) => {
      if (!this.mayEditGoal(goal)) return nothing;
      if (this.editing?.kind === 'edit-goal' && this.editing.goalId === goal.id)
        return this.goalForm(data, goal);
      return html`<div class="goal-actions">
        <button type="button" data-action="edit-goal" @click=${() => this.edit({ kind: 'edit-goal', goalId: goal.id })}>
          ${t('editGoal', undefined, locale)}<span class="sr-only">: ${goal.text}</span></button>
      </div>`;
    };
    return html`<section class="goals" aria-labelledby="goals-heading">
      <h3 id="goals-heading">${t('goals', undefined, locale)}</h3>
      ${goals.length ? html`<ul class="goal-list">${goals.map((g) => goalItem(data, g, locale, goalActions(g)))}</ul>` : html`<p>${t('noGoals', undefined, locale)}</p>`}
      ${this.canEdit ? (this.editing?.kind === 'add-goal' ? this.goalForm(data) : this.addButton('add-goal', t('addGoal', undefined, locale))) : nothing}
    </section>`;
  }

  private renderInterventions(data: PlanData) {
    const { locale } = this;
    return html`<section class="interventions-section" aria-labelledby="interventions-heading">
      <h3 id="interventions-heading">${t('interventions', undefined, locale)}</h3>
      ${interventionGroups(data.plan.interventions, locale)}
      ${this.canEdit ? (this.editing?.kind === 'add-intervention' ? this.interventionForm(data) : this.addButton('add-intervention', t('addIntervention', undefined, locale))) : nothing}
    </section>`;
  }

  private addButton(kind: 'add-goal' | 'add-intervention', label: string) {
    return html`<button type="button" class="add" data-action=${kind} @click=${() => this.edit({ kind })}>
      <span aria-hidden="true">+</span> ${label}</button>`;
  }

  private edit(editing: Editing): void {
    this.editing = editing;
  }

  private goalForm(data: PlanData, goal?: PlanGoal) {
    const scales = data.instruments.filter((i) => i.kind === 'GOAL' || i.kind === 'GAS');
    return html`<helhed-goal-form .api=${this.api} .token=${this.token} .tokenProvider=${this.tokenProvider}
      .planId=${this.planId} .departments=${data.departments} .instruments=${scales} .goal=${goal}></helhed-goal-form>`;
  }

  private interventionForm(data: PlanData) {
    const own = this.viewer === 'PROFESSIONAL' ? this.claims.department : undefined;
    const departments = own ? data.departments.filter((d) => d.id === own) : data.departments;
    const professionals = [
      ...new Map(
        data.plan.interventions
          .flatMap((iv: PlanIntervention) => (iv.responsibleProfessional ? [iv.responsibleProfessional] : []))
          .map((p) => [p.id, p]),
      ).values(),
    ];
    return html`<helhed-intervention-form .api=${this.api} .token=${this.token} .tokenProvider=${this.tokenProvider}
      .planId=${this.planId} .departments=${departments} .goals=${data.plan.goals.filter((g) => g.status === 'ACTIVE')}
      .professionals=${professionals}></helhed-intervention-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-plan': HelhedPlan;
  }
}
