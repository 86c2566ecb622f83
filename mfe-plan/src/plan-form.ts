import {
  clientFor,
  emit,
  errorCode,
  HelhedApiElement,
  HelhedApiError,
  type Locale,
  LocaleController,
  type TypedOperation,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type FormMessage, t } from './plan-form.messages.js';
import { formStyles } from './plan-form.styles.js';

/** `detail` of `helhed-plan-change`: what was saved. */
export interface PlanChangeDetail {
  planId: string;
  kind: 'goal-added' | 'goal-updated' | 'intervention-added';
  id: string;
}

/**
 * What the plan's forms share: the connection, sending one mutation, and showing what the API
 * refused — BAD_USER_INPUT next to the field it names (`extensions.field`), anything else
 * (FORBIDDEN, network) once above the buttons. The API validates; the form does not guess.
 */
export abstract class PlanForm extends HelhedApiElement {
  static override styles = formStyles;

  /** The plan being changed. */
  @property({ attribute: 'plan-id' }) planId = '';

  /** The API's message per refused field. */
  @state() protected fieldErrors: Record<string, string> = {};
  @state() protected formError = '';
  @state() protected busy = false;

  private readonly localeController = new LocaleController(this);

  protected get locale(): Locale {
    return this.localeController.locale;
  }

  /** Sends `mutation` with `input`; on success tells the plan, on refusal shows why. */
  protected async save<TInput>(
    mutation: TypedOperation<Record<string, { id: string }>, { input: TInput }>,
    input: NoInfer<TInput>,
    kind: PlanChangeDetail['kind'],
  ): Promise<boolean> {
    this.busy = true;
    this.fieldErrors = {};
    this.formError = '';
    try {
      const data = await clientFor(this).request(mutation, { input });
      const id = Object.values(data)[0]?.id ?? '';
      emit<PlanChangeDetail>(this, 'helhed-plan-change', { planId: this.planId, kind, id });
      return true;
    } catch (error) {
      this.showRefusal(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private showRefusal(error: unknown): void {
    const entry = error instanceof HelhedApiError ? error.errors[0] : undefined;
    const field = typeof entry?.extensions?.field === 'string' ? entry.extensions.field : '';
    const code = errorCode(error);
    if (code === 'BAD_USER_INPUT' && field && this.hasField(field)) {
      this.fieldErrors = { [field]: entry?.message ?? '' };
      void this.updateComplete.then(() => this.focusField(field));
      return;
    }
    const known = code === 'FORBIDDEN' ? t('FORBIDDEN', undefined, this.locale) : '';
    this.formError = known || (entry?.message && code === 'BAD_USER_INPUT' ? entry.message : '');
    this.formError ||= t('other', { code }, this.locale);
  }

  /** Marks fields the form itself found empty; true when there were none. */
  protected requireFilled(values: Record<string, unknown>): boolean {
    const empty = Object.entries(values).filter(([, v]) => v === '' || Number.isNaN(v));
    if (empty.length === 0) return true;
    this.fieldErrors = Object.fromEntries(empty.map(([k]) => [k, '']));
    this.formError = '';
    void this.updateComplete.then(() => this.focusField(empty[0]?.[0] ?? ''));
    return false;
  }

  private hasField(name: string): boolean {
    return Boolean(this.renderRoot.querySelector(`[data-field="${name}"]`));
  }

  private focusField(name: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(
      `[data-field="${name}"] input, [data-field="${name}"] select, [data-field="${name}"] textarea`,
    );
    target?.focus();
  }

  /** `aria-invalid` of a control. */
  protected invalid(name: string): 'true' | 'false' {
    return name in this.fieldErrors ? 'true' : 'false';
  }

  /** `aria-describedby` of a control: its message, when there is one. */
  protected describedBy(name: string): string | undefined {
    return name in this.fieldErrors ? `error-${name}` : undefined;
  }

  /** The message under a field, when the API (or an empty required field) refused it. */
  protected fieldError(name: string) {
    if (!(name in this.fieldErrors)) return nothing;
    const apiMessage = this.fieldErrors[name] ?? '';
    const sentence = apiMessage
      ? t(`field${name}` as FormMessage, undefined, this.locale)
      : t('required', undefined, this.locale);
    const known = sentence !== `field${name}`;
    return html`<p class="field-error" id="error-${name}">
      <span aria-hidden="true">⚠</span> ${known ? sentence : apiMessage}
      ${known && apiMessage ? html`<span class="detail" lang="en">(${apiMessage})</span>` : nothing}
    </p>`;
  }

  /** Save and cancel, with the form-level refusal above them. */
  protected actions() {
    const { locale } = this;
    return html`${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${t(this.busy ? 'saving' : 'save', undefined, locale)}
        </button>
        <button type="button" @click=${() => emit(this, 'helhed-cancel', { planId: this.planId })}>
          ${t('cancel', undefined, locale)}
        </button>
      </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('input, textarea, select')?.focus(),
    );
  }
}
