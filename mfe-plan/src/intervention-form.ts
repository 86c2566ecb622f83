import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ADD_INTERVENTION, type Department, type PlanGoal, type PlanIntervention } from './plan.data.js';
import { PlanForm } from './plan-form.js';
import { t } from './plan-form.messages.js';

type Professional = NonNullable<PlanIntervention['responsibleProfessional']>;

/**
 * @summary Adds an intervention to a plan: department, type, legal basis, dates, the responsible
 * professional and the goals it works towards. A professional may only choose their own
 * department (`departments` holds just that one).
 *
 * @event helhed-plan-change - Saved. `detail: { planId, kind: 'intervention-added', id }`.
 * @event helhed-cancel - The user cancelled.
 */
export class HelhedInterventionForm extends PlanForm {
  /** Departments the user may add interventions for. */
  @property({ attribute: false }) departments: Department[] = [];
  /** The plan's goals, to link. */
  @property({ attribute: false }) goals: PlanGoal[] = [];
  /** Professionals known from the plan; the API has no list of a department's staff. */
  @property({ attribute: false }) professionals: Professional[] = [];

  @state() private departmentId = '';

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '');
    void this.save(
      ADD_INTERVENTION,
      {
        planId: this.planId,
        departmentId: value('departmentId'),
        type: value('type'),
        legalBasis: value('legalBasis'),
        startsOn: value('startsOn'),
        endsOn: value('endsOn') || null,
        responsibleProfessionalId: value('responsibleProfessionalId') || null,
        goalIds: form.getAll('goalIds').map(String),
      },
      'intervention-added',
    ).then((saved) => saved && formElement.reset());
  }

  private text(name: 'type' | 'legalBasis' | 'startsOn' | 'endsOn', type = 'text', hint = '') {
    const describedBy = [hint ? `hint-${name}` : '', this.describedBy(name) ?? ''].join(' ').trim();
    return html`<div class="field" data-field=${name}>
      <label for=${name}>${t(name, undefined, this.locale)}</label>
      <input id=${name} name=${name} type=${type} aria-invalid=${this.invalid(name)}
        aria-describedby=${ifDefined(describedBy || undefined)} />
      ${hint ? html`<p class="hint" id="hint-${name}">${hint}</p>` : ''}
      ${this.fieldError(name)}
    </div>`;
  }

  protected override render() {
    const { locale } = this;
    const departmentId = this.departmentId || this.departments[0]?.id || '';
    const staff = this.professionals.filter((p) => p.department.id === departmentId);
    return html`<h3 id="title">${t('addIntervention', undefined, locale)}</h3>
      <form novalidate aria-labelledby="title" @submit=${this.onSubmit}>
        <div class="field" data-field="departmentId">
          <label for="departmentId">${t('department', undefined, locale)}</label>
          <select id="departmentId" name="departmentId" aria-invalid=${this.invalid('departmentId')}
            aria-describedby=${ifDefined(this.describedBy('departmentId'))}
            @change=${(e: Event) => {
              this.departmentId = (e.target as HTMLSelectElement).value;
            }}>
            ${this.departments.map((d) => html`<option value=${d.id} ?selected=${d.id === departmentId}>${d.name}</option>`)}
          </select>
          ${this.fieldError('departmentId')}
        </div>
        ${this.text('type')} ${this.text('legalBasis', 'text', t('legalBasisHint', undefined, locale))}
        <div class="row">${this.text('startsOn', 'date')} ${this.text('endsOn', 'date')}</div>
        <div class="field" data-field="responsibleProfessionalId">
          <label for="responsibleProfessionalId">${t('responsible', undefined, locale)}</label>
          <select id="responsibleProfessionalId" name="responsibleProfessionalId"
            aria-invalid=${this.invalid('responsibleProfessionalId')}
            aria-describedby=${ifDefined(this.describedBy('responsibleProfessionalId'))}>
            <option value="">${t('nobody', undefined, locale)}</option>
            ${staff.map((p) => html`<option value=${p.id}>${p.displayName}, ${p.title}</option>`)}
          </select>
          ${this.fieldError('responsibleProfessionalId')}
        </div>
        <div class="field" data-field="goalIds">
          <fieldset aria-describedby=${ifDefined(this.describedBy('goalIds'))}>
            <legend>${t('goals', undefined, locale)}</legend>
            ${this.goals.map((g) => html`<label><input type="checkbox" name="goalIds" value=${g.id} /> ${g.text}</label>`)}
          </fieldset>
          ${this.fieldError('goalIds')}
        </div>
        ${this.actions()}
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-intervention-form': HelhedInterventionForm;
  }
}
