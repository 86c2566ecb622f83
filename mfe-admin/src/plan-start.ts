import {
  clientFor,
  emit,
  failureOf,
  HelhedApiElement,
  HelhedApiError,
  LoadController,
  type Locale,
  LocaleController,
  reasonFor,
} from '@helhed/kit';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldsOf } from './admin.data.js';
import { styles } from './admin.styles.js';
import { CREATE_FAMILY_PLAN, STAFF_DIRECTORY, type StaffMember, staffLabel } from './plan-start.data.js';
import { refusalFor, t } from './plan-start.messages.js';

type Outcome = { ok: true; coordinator: string } | { ok: false; message: string };

/**
 * @summary Opens a family's one plan and names its coordinator (the family's one contact person)
 * from the staff directory. For a coordinator, or a professional with a case in the family. A
 * family that already has an active plan gets no second one: the refusal says so in words.
 *
 * @event helhed-plan-created - The plan exists. `detail: { planId, familyId, coordinatorId }`.
 * @event helhed-error - Loading or creating failed. `detail: { code, planId? }`; on CONFLICT
 * `planId` is the family's existing plan, for the host to open instead.
 */
export class HelhedPlanStart extends HelhedApiElement {
  static override styles = styles;

  /** The family whose plan is started. */
  @property({ attribute: 'family-id' }) familyId = '';

  @state() private outcome: Outcome | null = null;
  @state() private busy = false;

  private readonly localeController = new LocaleController(this);
  /** The staff directory, once a family is chosen; a host may hand over the token after connecting. */
  private readonly load = new LoadController(this, {
    args: () => (this.familyId ? ([this.familyId, this.connection] as const) : undefined),
    task: async (_, signal) => (await clientFor(this).request(STAFF_DIRECTORY, {}, { signal })).professionals,
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /** Another family or connection is another start: the last one's answer no longer applies. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['familyId', 'api', 'token', 'tokenProvider'] as const;
    if (keys.some((key) => changed.has(key))) this.outcome = null;
  }

  private async start(coordinatorId: string): Promise<void> {
    this.busy = true;
    try {
      const { createPlan } = await clientFor(this).request(CREATE_FAMILY_PLAN, {
        input: { familyId: this.familyId, coordinatorId },
      });
      this.outcome = { ok: true, coordinator: createPlan.coordinator?.displayName ?? '' };
      emit(this, 'helhed-plan-created', { planId: createPlan.id, familyId: this.familyId, coordinatorId });
    } catch (error) {
      const failure = failureOf(error);
      this.outcome = { ok: false, message: refusalFor(failure, this.locale) };
      emit(this, 'helhed-error', { code: failure.code, ...existingPlan(error) });
    } finally {
      this.busy = false;
    }
  }

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity() || this.busy) return;
    void this.start(fieldsOf(form).coordinatorId ?? '');
  };

  protected override render() {
    const { locale } = this;
    return html`<section aria-labelledby="plan-start">
      <h2 id="plan-start">${t('title', undefined, locale)}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { locale } = this;
    return this.load.render({
      missing: () => html`<p class="muted">${t('noFamily', undefined, locale)}</p>`,
      loading: () => html`<p role="status">${t('loading', undefined, locale)}</p>`,
      error: (failure) =>
        html`<p role="alert">${t('loadError', { reason: reasonFor(failure, locale) }, locale)}</p>`,
      ready: (staff) => this.renderForm(staff),
    });
  }

  private renderForm(staff: StaffMember[]) {
    const { locale } = this;
    if (staff.length === 0) return html`<p class="muted">${t('noStaff', undefined, locale)}</p>`;
    return html`<form @submit=${this.onSubmit}>
        <label>${t('coordinator', undefined, locale)}
          <select name="coordinatorId" required>
            ${staff.map((p) => html`<option value=${p.id}>${staffLabel(p)}</option>`)}
          </select>
        </label>
        <button type="submit" ?disabled=${this.busy}>${t('start', undefined, locale)}</button>
      </form>
      ${this.renderOutcome()}`;
  }

  private renderOutcome() {
    const o = this.outcome;
    if (!o) return nothing;
    return o.ok
      ? html`<p role="status">${t('started', { name: o.coordinator }, this.locale)}</p>`
      : html`<p role="alert">${o.message}</p>`;
  }
}

/** The active plan a CONFLICT names (`extensions.planId`), for the host to open instead. */
function existingPlan(error: unknown): { planId?: string } {
  if (!(error instanceof HelhedApiError)) return {};
  const planId = error.errors[0]?.extensions?.planId;
  return typeof planId === 'string' ? { planId } : {};
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-plan-start': HelhedPlanStart;
  }
}
