import {
  type ApiConnection,
  clientFor,
  emit,
  failureOf,
  HelhedApiError,
  type Locale,
  LocaleController,
} from '@helhed/kit';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldsOf } from './admin.data.js';
import { styles } from './admin.styles.js';
import {
  CREATE_FAMILY_PLAN,
  STAFF_DIRECTORY,
  type StaffMember,
  type StartedPlan,
  staffLabel,
} from './plan-start.data.js';
import { refusalFor, t } from './plan-start.messages.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; code: string; message?: string }
  | { status: 'ready'; staff: StaffMember[] };

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
export class HelhedPlanStart extends LitElement implements ApiConnection {
  static override styles = styles;

  /** The GraphQL endpoint. */
  @property() api = '/graphql';
  /** The family whose plan is started. */
  @property({ attribute: 'family-id' }) familyId = '';
  /** A coordinator's or professional's bearer token; prefer {@link tokenProvider}. */
  @property({ attribute: false }) token?: string;
  /** Called before each request for a fresh bearer token. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string> | string;

  @state() private load: Load = { status: 'loading' };
  @state() private outcome: Outcome | null = null;
  @state() private busy = false;
  private loadedFor = '';
  /** Counts reads, so only the latest one's answer is shown. */
  private requests = 0;

  private readonly localeController = new LocaleController(this);

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /** Loads for the endpoint and token it has; a host sets the token after connecting it. */
  protected override willUpdate(_changed: PropertyValues<this>): void {
    const key = JSON.stringify([this.api, this.familyId, this.token ?? '', Boolean(this.tokenProvider)]);
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.outcome = null;
    if (this.familyId) void this.loadStaff();
  }

  private async loadStaff(): Promise<void> {
    const request = ++this.requests;
    try {
      const { professionals } = await clientFor(this).request<{ professionals: StaffMember[] }>(
        STAFF_DIRECTORY,
      );
      if (request === this.requests) this.load = { status: 'ready', staff: professionals };
    } catch (error) {
      // An answer to an earlier token (e.g. none yet) must not cover the current one.
      if (request !== this.requests) return;
      const { code, message } = failureOf(error);
      this.load = { status: 'error', code, message };
      emit(this, 'helhed-error', { code });
    }
  }

  private async start(coordinatorId: string): Promise<void> {
    this.busy = true;
    try {
      const { createPlan } = await clientFor(this).request<{ createPlan: StartedPlan }>(CREATE_FAMILY_PLAN, {
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
    if (!this.familyId) return html`<p class="muted">${t('noFamily', undefined, locale)}</p>`;
    if (this.load.status === 'loading') return html`<p role="status">${t('loading', undefined, locale)}</p>`;
    if (this.load.status === 'error') {
      const reason = this.load.message ?? this.load.code;
      return html`<p role="alert">${t('loadError', { reason }, locale)}</p>`;
    }
    const { staff } = this.load;
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
