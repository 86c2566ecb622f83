import { formatNumber } from '@helhed/kit';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GoalStatus } from './gql/graphql.js';
import { ADD_GOAL, type Department, type Instrument, type PlanGoal, UPDATE_GOAL } from './plan.data.js';
import { forCode } from './plan.messages.js';
import { PlanForm } from './plan-form.js';
import { t } from './plan-form.messages.js';

const statuses = ['ACTIVE', 'ACHIEVED', 'CLOSED'] as const;

/**
 * @summary Adds a goal to a plan (text, owner departments, scale, baseline, target) or, given
 * `goal`, changes its text, status and whether it is the dominant goal — what the API lets
 * change once a goal exists.
 *
 * @event helhed-plan-change - Saved. `detail: { planId, kind: 'goal-added' | 'goal-updated', id }`.
 * @event helhed-cancel - The user cancelled.
 */
export class HelhedGoalForm extends PlanForm {
  /** Departments of the municipality, to choose owners from. */
  @property({ attribute: false }) departments: Department[] = [];
  /** Scales a goal can be rated on (one-line instruments). */
  @property({ attribute: false }) instruments: Instrument[] = [];
  /** The goal to edit; absent to add a new one. */
  @property({ attribute: false }) goal?: PlanGoal;

  @state() private scaleKey = '';

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    // Read now: a shadow root's event no longer has its target once dispatch is over.
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const text = String(form.get('text') ?? '');
    if (this.goal) {
      void this.save(
        UPDATE_GOAL,
        {
          goalId: this.goal.id,
          text,
          // The select offers only the schema's statuses; the API refuses anything else.
          status: form.get('status') as GoalStatus,
          dominant: form.get('dominant') === 'on',
        },
        'goal-updated',
      );
      return;
    }
    const number = (name: string) => (form.get(name) === '' ? Number.NaN : Number(form.get(name)));
    const baseline = number('baseline');
    const target = number('target');
    if (!this.requireFilled({ baseline, target })) return;
    void this.save(
      ADD_GOAL,
      {
        planId: this.planId,
        text,
        departmentIds: form.getAll('departmentIds').map(String),
        instrumentKey: String(form.get('instrumentKey') ?? ''),
        baseline,
        target,
      },
      'goal-added',
    ).then((saved) => saved && formElement.reset());
  }

  protected override render() {
    const { locale, goal } = this;
    return html`<h3 id="title">${t(goal ? 'editGoal' : 'addGoal', undefined, locale)}</h3>
      <form novalidate aria-labelledby="title" @submit=${this.onSubmit}>
        <div class="field" data-field="text">
          <label for="text">${t('text', undefined, locale)}</label>
          <textarea id="text" name="text" rows="2" maxlength="500" aria-invalid=${this.invalid('text')}
            aria-describedby=${ifDefined(this.describedBy('text'))} .value=${goal?.text ?? ''}></textarea>
          ${this.fieldError('text')}
        </div>
        ${goal ? this.renderEditFields(goal) : this.renderNewFields()}
        ${this.actions()}
      </form>`;
  }

  private renderEditFields(goal: PlanGoal) {
    const { locale } = this;
    return html`<div class="field" data-field="status">
        <label for="status">${t('status', undefined, locale)}</label>
        <select id="status" name="status">
          ${statuses.map((s) => html`<option value=${s} ?selected=${goal.status === s}>${forCode('status', s, locale)}</option>`)}
        </select>
      </div>
      <div class="field" data-field="dominant">
        <fieldset>
          <label><input type="checkbox" name="dominant" ?checked=${goal.dominant} aria-invalid=${this.invalid('dominant')}
            aria-describedby=${ifDefined(this.describedBy('dominant'))} /> ${t('dominant', undefined, locale)}</label>
        </fieldset>
        ${this.fieldError('dominant')}
      </div>
      <p class="hint">${t('fixedFields', undefined, locale)}</p>`;
  }

  private renderNewFields() {
    const { locale } = this;
    const scale = this.instruments.find((i) => i.key === this.scaleKey) ?? this.instruments[0];
    const hint = scale
      ? t(
          'scaleHint',
          { min: formatNumber(scale.min, { locale }), max: formatNumber(scale.max, { locale }) },
          locale,
        )
      : '';
    const number = (name: 'baseline' | 'target') => html`<div class="field" data-field=${name}>
      <label for=${name}>${t(name, undefined, locale)}</label>
      <input id=${name} name=${name} type="number" inputmode="decimal" min=${ifDefined(scale?.min)}
        max=${ifDefined(scale?.max)} step=${ifDefined(scale?.step)} aria-invalid=${this.invalid(name)}
        aria-describedby=${`hint-${name} ${this.describedBy(name) ?? ''}`.trim()} />
      <p class="hint" id="hint-${name}">${hint}</p>
      ${this.fieldError(name)}
    </div>`;
    return html`<div class="field" data-field="departmentIds">
        <fieldset aria-invalid=${this.invalid('departmentIds')} aria-describedby=${ifDefined(this.describedBy('departmentIds'))}>
          <legend>${t('departments', undefined, locale)}</legend>
          ${this.departments.map(
            (d) =>
              html`<label><input type="checkbox" name="departmentIds" value=${d.id} /> ${d.name}</label>`,
          )}
        </fieldset>
        ${this.fieldError('departmentIds')}
      </div>
      ${
        this.instruments.length > 1
          ? html`<div class="field" data-field="instrumentKey">
            <label for="instrumentKey">${t('instrument', undefined, locale)}</label>
            <select id="instrumentKey" name="instrumentKey" aria-invalid=${this.invalid('instrumentKey')}
              @change=${(e: Event) => {
                this.scaleKey = (e.target as HTMLSelectElement).value;
              }}>
              ${this.instruments.map((i) => html`<option value=${i.key}>${i.name}</option>`)}
            </select>
            ${this.fieldError('instrumentKey')}
          </div>`
          : html`<input type="hidden" name="instrumentKey" value=${scale?.key ?? 'goal-scale'} />`
      }
      <div class="row">${number('baseline')} ${number('target')}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-goal-form': HelhedGoalForm;
  }
}
