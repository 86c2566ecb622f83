import {
  clientFor,
  createOfflineQueue,
  emit,
  type Failure,
  failureOf,
  formatNumber,
  HelhedApiElement,
  HelhedApiError,
  type HelhedRatingLine,
  LoadController,
  type Locale,
  LocaleController,
  newIdempotencyKey,
  type OfflineQueue,
  type QueueErrorDetail,
  type QueueRecordedDetail,
  type RatingValueEvent,
  reasonFor,
  subjectOf,
} from '@helhed/kit';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { progressErrors } from './api-errors.messages.js';
import type { RecordMeasurementInput } from './gql/graphql.js';
import {
  type ErrorDetail,
  FORM_DATA,
  type FormInstrument,
  type FormSetup,
  formSetup,
  type PendingDetail,
  RECORD,
  type RecordedDetail,
  type RecordedMeasurement,
} from './session-feedback.data.js';
import { t } from './session-feedback.messages.js';
import { styles } from './session-feedback.styles.js';

export type { ErrorDetail, FormInstrument, PendingDetail, RecordedDetail };

type Part = 'outcome' | 'session';
type Stage = Part | 'between' | 'done';
type Result = { status: 'sent'; total: number } | { status: 'pending' } | ({ status: 'refused' } & Failure);

/** The municipality lacks the outcome or session instrument for the citizen's age. */
const NO_INSTRUMENT = 'NO_INSTRUMENT';

/**
 * @summary FIT-style session feedback: the citizen rates how things are going on four lines at
 * the start of a session, and the session itself on four lines at the end. Children (up to 12)
 * get the child wording with faces. Answers go to the API with an idempotency key; without a
 * connection they wait on the device (kit's offline queue) and are sent later, exactly once.
 *
 * @event helhed-recorded - The API stored a measurement. `detail: { measurementId, instrumentKey, total, citizenId }`.
 * @event helhed-pending - A measurement was kept on the device. `detail: { idempotencyKey, instrumentKey, citizenId }`.
 * @event helhed-error - Loading or saving failed. `detail: { code }` (e.g. `FORBIDDEN`, `NETWORK`).
 *
 * @csspart form - The form of the current part.
 * @csspart submit - The send button.
 *
 * @cssproperty --helhed-color-primary - Buttons and the marks on the lines.
 * @cssproperty --helhed-touch-target - Minimum height of buttons and lines (default 44px).
 */
export class HelhedSessionFeedback extends HelhedApiElement {
  static override styles = styles;

  /** The citizen who answers. */
  @property({ attribute: 'citizen-id' }) citizenId = '';
  /** The department the session belongs to (the professional's own). */
  @property({ attribute: 'department-id' }) departmentId = '';
  /** Session number; by default the one after the latest this department recorded. */
  @property({ type: Number }) session?: number;

  @state() private stage: Stage = 'outcome';
  @state() private values: Record<Part, (number | null)[]> = { outcome: [], session: [] };
  @state() private missing: string[] = [];
  @state() private saveError = '';
  @state() private saving = false;
  @state() private results: Partial<Record<Part, Result>> = {};
  /** Fixed when the outcome is sent, so both parts carry the same session number. */
  @state() private sessionNumber?: number;

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () =>
      this.citizenId && this.departmentId
        ? ([this.citizenId, this.departmentId, this.locale, this.connection] as const)
        : undefined,
    task: async ([id, departmentId, lang], signal) => {
      const data = await clientFor(this).request(FORM_DATA, { id, lang }, { signal });
      const setup = formSetup(data, departmentId);
      if (!setup) throw new HelhedApiError(NO_INSTRUMENT, 'The instruments for this age are missing');
      return setup;
    },
    onError: ({ code }) => {
      if (code !== NO_INSTRUMENT) emit<ErrorDetail>(this, 'helhed-error', { code });
    },
    keepWhileLoading: true,
  });
  private keys: Record<Part, string> = { outcome: newIdempotencyKey(), session: newIdempotencyKey() };
  private queue?: OfflineQueue;
  private queueFor = '';
  private focusHeading = false;

  private get locale(): Locale {
    return this.localeController.locale;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue?.stop();
    this.queue = undefined;
    this.queueFor = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('citizenId') && changed.get('citizenId') !== undefined) this.restart();
    this.connectQueue();
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Starts again with an empty outcome form (e.g. for the next session). */
  restart(): void {
    this.stage = 'outcome';
    this.values = { outcome: [], session: [] };
    this.results = {};
    this.missing = [];
    this.saveError = '';
    this.keys = { outcome: newIdempotencyKey(), session: newIdempotencyKey() };
    this.sessionNumber = undefined;
  }

  /** Loads the questions again, e.g. after a failure. */
  fetchForm(): Promise<void> {
    return this.load.run();
  }

  private connectQueue(): void {
    const endpoint = new URL(this.api, document.baseURI).href;
    if (!this.isConnected || this.queueFor === endpoint) return;
    this.queue?.stop();
    this.queueFor = endpoint;
    const queue = createOfflineQueue({
      client: clientFor(this),
      name: `helhed-offline:${endpoint}`,
      owner: () => subjectOf(this),
    });
    queue.addEventListener('helhed-recorded', (e) =>
      this.onQueueRecorded(e as CustomEvent<QueueRecordedDetail>),
    );
    queue.addEventListener('helhed-error', (e) => this.onQueueError(e as CustomEvent<QueueErrorDetail>));
    this.queue = queue;
    queue.start();
  }

  private partOfKey(key: string): Part | undefined {
    return (['outcome', 'session'] as const).find((part) => this.keys[part] === key);
  }

  private onQueueRecorded(event: CustomEvent<QueueRecordedDetail>): void {
    const measurement = (event.detail.data as { recordMeasurement: RecordedMeasurement }).recordMeasurement;
    const part = this.partOfKey(event.detail.key);
    if (part) this.results = { ...this.results, [part]: { status: 'sent', total: measurement.total } };
    this.announceRecorded(measurement);
  }

  private onQueueError(event: CustomEvent<QueueErrorDetail>): void {
    const part = this.partOfKey(event.detail.key);
    const { code, field } = event.detail;
    if (part) this.results = { ...this.results, [part]: { status: 'refused', code, field } };
    emit<ErrorDetail>(this, 'helhed-error', { code: event.detail.code });
  }

  private announceRecorded(m: RecordedMeasurement): void {
    emit<RecordedDetail>(this, 'helhed-recorded', {
      measurementId: m.id,
      instrumentKey: m.instrumentKey,
      total: m.total,
      citizenId: m.citizenId,
    });
  }

  private lines(): HelhedRatingLine[] {
    return [...this.renderRoot.querySelectorAll('helhed-rating-line')];
  }

  private onRate(part: Part, index: number, event: RatingValueEvent): void {
    const next = [...this.values[part]];
    next[index] = event.detail.value;
    this.values = { ...this.values, [part]: next };
    const key = (event.target as HelhedRatingLine).name;
    if (this.missing.includes(key)) this.missing = this.missing.filter((k) => k !== key);
  }

  private async submit(event: SubmitEvent, part: Part, instrument: FormInstrument, sessionNumber: number) {
    event.preventDefault();
    if (this.saving || !this.queue) return;
    const marks = instrument.items.map((_, i) => this.values[part][i] ?? null);
    const values = marks.filter((v): v is number => v !== null);
    this.missing = instrument.items.filter((_, i) => marks[i] === null).map((item) => item.key);
    this.saveError = '';
    if (values.length < marks.length) {
      await this.updateComplete;
      this.lines()
        .find((line) => line.value === null)
        ?.focus();
      return;
    }
    const ready = this.load.value;
    if (!ready) return;
    const idempotencyKey = this.keys[part];
    const input: RecordMeasurementInput = {
      idempotencyKey,
      citizenId: this.citizenId,
      departmentId: this.departmentId,
      instrumentKey: instrument.key,
      respondentRole: ready.child ? 'CHILD' : 'CITIZEN',
      occurredAt: new Date().toISOString(),
      session: sessionNumber,
      values,
    };
    this.saving = true;
    this.sessionNumber = sessionNumber;
    try {
      const outcome = await this.queue.send(RECORD, { input }, idempotencyKey);
      if (outcome.status === 'sent') {
        this.results = {
          ...this.results,
          [part]: { status: 'sent', total: outcome.data.recordMeasurement.total },
        };
        this.announceRecorded(outcome.data.recordMeasurement);
      } else {
        this.results = { ...this.results, [part]: { status: 'pending' } };
        emit<PendingDetail>(this, 'helhed-pending', {
          idempotencyKey,
          instrumentKey: instrument.key,
          citizenId: this.citizenId,
        });
      }
      this.goTo(part === 'outcome' ? 'between' : 'done');
    } catch (error) {
      const failure = failureOf(error);
      this.saveError = t(
        'saveError',
        { reason: reasonFor(failure, this.locale, progressErrors) },
        this.locale,
      );
      emit<ErrorDetail>(this, 'helhed-error', { code: failure.code });
    } finally {
      this.saving = false;
    }
  }

  private goTo(stage: Stage): void {
    this.stage = stage;
    this.missing = [];
    this.focusHeading = true;
  }

  protected override render() {
    const { locale } = this;
    return this.load.render({
      missing: () => html`<p>${t('missingIds', undefined, locale)}</p>`,
      loading: () => html`<p role="status">${t('loading', undefined, locale)}</p>`,
      error: (failure) => {
        const reason =
          failure.code === NO_INSTRUMENT
            ? t('noInstrument', undefined, locale)
            : reasonFor(failure, locale, progressErrors);
        return html`<div role="alert">${t('loadError', { reason }, locale)}</div>
          <button type="button" class="secondary" @click=${() => this.fetchForm()}>${t('retry', undefined, locale)}</button>`;
      },
      ready: (setup) => this.renderStage(setup),
    });
  }

  private renderStage(ready: FormSetup) {
    const sessionNumber = this.session ?? this.sessionNumber ?? ready.nextSession;
    switch (this.stage) {
      case 'outcome':
        return this.renderForm('outcome', ready.outcome, ready.child, sessionNumber);
      case 'session':
        return this.renderForm('session', ready.session, ready.child, sessionNumber);
      case 'between':
        return html`<section aria-labelledby="heading">
          <h2 id="heading" tabindex="-1">${t('betweenHeading', undefined, this.locale)}</h2>
          ${this.renderResult('outcome', ready.outcome)}
          <p>${t('betweenText', undefined, this.locale)}</p>
          <button type="button" class="primary" @click=${() => this.goTo('session')}>
            ${t('toSession', undefined, this.locale)}
          </button>
        </section>`;
      case 'done':
        return html`<section aria-labelledby="heading">
          <h2 id="heading" tabindex="-1">${t('doneHeading', undefined, this.locale)}</h2>
          <p>${t('doneText', undefined, this.locale)}</p>
          <div class="results">
            ${this.renderResult('outcome', ready.outcome)} ${this.renderResult('session', ready.session)}
          </div>
        </section>`;
    }
  }

  private renderResult(part: Part, instrument: FormInstrument) {
    const result = this.results[part];
    const { locale } = this;
    if (!result) return nothing;
    let text: string;
    let icon: string;
    if (result.status === 'sent') {
      const total = formatNumber(result.total, { locale });
      const max = formatNumber(instrument.totalMax, { locale });
      text = `${t('summary', { name: instrument.name, total, max }, locale)} · ${t('sent', undefined, locale)}`;
      icon = '✓';
    } else if (result.status === 'pending') {
      text = `${instrument.name}: ${t('pending', undefined, locale)}`;
      icon = '⏳';
    } else {
      text = `${instrument.name}: ${t('refused', { reason: reasonFor(result, locale, progressErrors) }, locale)}`;
      icon = '⚠';
    }
    return html`<p class="result ${result.status}" data-part=${part} role="status">
      <span class="icon" aria-hidden="true">${icon}</span> ${text}
    </p>`;
  }

  private renderForm(part: Part, instrument: FormInstrument, child: boolean, sessionNumber: number) {
    const { locale } = this;
    const variant = `${child ? 'Child' : ''}${part === 'outcome' ? 'Outcome' : 'Session'}` as const;
    const missingLabels = instrument.items.filter((i) => this.missing.includes(i.key)).map((i) => i.label);
    const missingText =
      missingLabels.length === 0
        ? ''
        : t(
            missingLabels.length === 1 ? 'missingOne' : 'missingMany',
            { count: missingLabels.length, labels: missingLabels.join(', ') },
            locale,
          );
    return html`<section aria-labelledby="heading" aria-describedby="intro">
      <p class="meta">
        ${t('step', { step: part === 'outcome' ? 1 : 2 }, locale)} ·
        ${t('sessionNumber', { session: sessionNumber }, locale)}
      </p>
      <h2 id="heading" tabindex="-1">${instrument.name}</h2>
      <p id="intro">${t(`intro${variant}`, undefined, locale)}</p>
      <form part="form" novalidate @submit=${(e: SubmitEvent) => this.submit(e, part, instrument, sessionNumber)}>
        <ol class="lines">
          ${instrument.items.map((item, i) => {
            const isMissing = this.missing.includes(item.key);
            return html`<li class=${isMissing ? 'missing' : ''}>
              <helhed-rating-line
                name=${item.key}
                label=${item.label}
                low-label=${t(`low${variant}`, undefined, locale)}
                high-label=${t(`high${variant}`, undefined, locale)}
                min=${instrument.min}
                max=${instrument.max}
                step=${instrument.step}
                ?faces=${instrument.faces}
                required
                .value=${this.values[part][i] ?? null}
                @helhed-change=${(e: RatingValueEvent) => this.onRate(part, i, e)}
              ></helhed-rating-line>
              ${isMissing ? html`<p class="line-missing"><span aria-hidden="true">⚠</span> ${t('lineMissing', undefined, locale)}</p>` : nothing}
            </li>`;
          })}
        </ol>
        <div class="error" role="alert">${missingText || this.saveError}</div>
        <button type="submit" class="primary" part="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${t(this.saving ? 'sending' : 'submit', undefined, locale)}
        </button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-session-feedback': HelhedSessionFeedback;
  }
}
