import {
  claimsOf,
  clientFor,
  createOfflineQueue,
  emit,
  failureOf,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  newIdempotencyKey,
  type OfflineQueue,
  type QueueErrorDetail,
  type QueueRecordedDetail,
  reasonFor,
  type Subscription,
  subjectOf,
  subscribe,
  tokenOf,
} from '@helhed/kit';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ACCEPT,
  CLOSE,
  LIVE,
  lastClosed,
  MEETING_LIVE,
  openMeeting,
  PLAN_QUERY,
  type PlanData,
  RATE,
  type Role,
  START,
  suggestedParticipants,
} from './family-dialog.data.js';
import { renderGoals } from './family-dialog.goals.js';
import { INVITE, type InviteResult, inviteLanguageOf, renderInvite } from './family-dialog.invite.js';
import {
  type MeetingContext,
  type Person,
  renderAcceptance,
  renderClose,
  renderHistory,
  renderOpenMeeting,
  renderStart,
} from './family-dialog.meeting.js';
import { dialogErrors, t } from './family-dialog.messages.js';
import { styles } from './family-dialog.styles.js';

type Plan = PlanData['plan'];
type Note = { kind: 'saved' | 'pending' | 'refused' | 'missing'; text: string };

/** Detail of `helhed-rated`: a rating reached the API. */
export interface RatedDetail {
  goalId: string;
  value: number;
}
/** Detail of `helhed-error`. */
export interface ErrorDetail {
  code: string;
}

/**
 * @summary The family dialogue: the family's goals in their own words, grouped by child and
 * parent, rated 0–10 by each participant of a meeting, shown side by side with the spread, a
 * flag where views differ, and the change since the last meeting. A professional starts and
 * ends the meeting; a parent accepts the plan. Points from other phones appear live (SSE).
 * Points given offline wait on the device (kit's offline queue) and are sent exactly once.
 *
 * @event helhed-rated - A rating was stored. `detail: { goalId, value }`.
 * @event helhed-pending - A rating waits on the device. `detail: { goalId, value }`.
 * @event helhed-error - Loading or saving failed. `detail: { code }`.
 * @event helhed-meeting-change - A meeting was started or ended, or the plan accepted. `detail: { meetingId }`.
 *
 * @cssproperty --helhed-color-primary - Buttons and the marks on the lines.
 * @cssproperty --helhed-touch-target - Minimum height of buttons and choices (default 44px).
 */
export class HelhedFamilyDialog extends HelhedApiElement {
  static override styles = styles;

  /** The family's plan. */
  @property({ attribute: 'plan-id' }) planId = '';
  /** `parent` or `professional`; by default from the signed-in role. */
  @property() view: '' | 'parent' | 'professional' = '';

  @state() private roleView: 'parent' | 'professional' = 'professional';
  @state() private raterId = '';
  @state() private drafts: Record<string, number> = {};
  @state() private notes: Record<string, Note> = {};
  @state() private saving: string[] = [];
  @state() private people: Person[] = [];
  @state() private busy = false;
  @state() private actionError = '';

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => (this.planId ? ([this.planId, this.connection] as const) : undefined),
    task: async ([id], signal) => {
      const claims = claimsOf(await tokenOf(this));
      this.roleView = claims.role === 'PARENT' || claims.role === 'CITIZEN' ? 'parent' : 'professional';
      const { plan } = await clientFor(this).request(PLAN_QUERY, { id }, { signal });
      this.selfName = plan.goals.find((g) => g.subject?.id === claims.citizen)?.subject?.displayName ?? '';
      return plan;
    },
    onReady: (plan) => {
      this.afterLoad(plan);
      this.connectLive();
    },
    onError: ({ code }) => emit<ErrorDetail>(this, 'helhed-error', { code }),
    keepWhileLoading: true,
    // A live refresh while offline leaves the plan on screen; the queue keeps the ratings.
    keepValueOn: ({ code }) => code === 'NETWORK',
  });
  private selfName = '';
  private queue?: OfflineQueue;
  private queueFor = '';
  private live?: Subscription;
  private meetingLive?: Subscription;
  private liveFor = '';
  private liveOpened = false;
  private pendingKeys = new Map<string, string>();

  private get locale(): Locale {
    return this.localeController.locale;
  }

  private get isParent(): boolean {
    return (this.view || this.roleView) === 'parent';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue?.stop();
    this.queue = undefined;
    this.queueFor = '';
    this.live?.close();
    this.live = undefined;
    this.meetingLive?.close();
    this.meetingLive = undefined;
    this.liveFor = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.connectQueue();
    if (changed.has('planId')) this.resetMeetingState();
  }

  private resetMeetingState(): void {
    this.raterId = '';
    this.drafts = {};
    this.notes = {};
    this.people = [];
  }

  /** Loads the plan again (what a live event or a reconnection calls). */
  fetchPlan(): Promise<void> {
    return this.load.run();
  }

  /** Keeps the rater and the list of people in step with the meetings as they are now. */
  private afterLoad(plan: Plan): void {
    const open = openMeeting(plan.meetings);
    if (!open) {
      this.raterId = '';
      if (this.people.length === 0) {
        this.people = suggestedParticipants(plan).map((p) => ({ ...p, chosen: true }));
      }
      return;
    }
    if (open.participants.some((p) => p.id === this.raterId)) return;
    const parents = open.participants.filter((p) => p.role === 'PARENT');
    const me =
      parents.find((p) => p.displayName === this.selfName) ?? (parents.length === 1 ? parents[0] : undefined);
    this.raterId = this.isParent && me ? me.id : '';
  }

  private connectLive(): void {
    const key = `${this.api}|${this.planId}`;
    if (!this.isConnected || this.liveFor === key) return;
    this.live?.close();
    this.meetingLive?.close();
    this.liveFor = key;
    this.liveOpened = false;
    this.live = subscribe({
      endpoint: new URL(this.api, document.baseURI).href,
      tokenProvider: () => tokenOf(this),
      query: LIVE,
      variables: { planId: this.planId },
      onData: () => void this.fetchPlan(),
      // Ratings given while the stream was down are not replayed: reload once it is back.
      onOpen: () => {
        if (this.liveOpened) void this.fetchPlan();
        this.liveOpened = true;
      },
    });
    // Starting or closing the meeting on another screen shows here without a reload.
    this.meetingLive = subscribe({
      endpoint: new URL(this.api, document.baseURI).href,
      tokenProvider: () => tokenOf(this),
      query: MEETING_LIVE,
      variables: { planId: this.planId },
      onData: () => void this.fetchPlan(),
    });
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
      this.onQueued((e as CustomEvent<QueueRecordedDetail>).detail.key),
    );
    queue.addEventListener('helhed-error', (e) => {
      const detail = (e as CustomEvent<QueueErrorDetail>).detail;
      this.onQueued(detail.key, reasonFor(detail, this.locale, dialogErrors));
      emit<ErrorDetail>(this, 'helhed-error', { code: detail.code });
    });
    this.queue = queue;
    queue.start();
  }

  private onQueued(key: string, refusal?: string): void {
    const goalId = this.pendingKeys.get(key);
    this.pendingKeys.delete(key);
    if (goalId)
      this.setNote(
        goalId,
        refusal
          ? { kind: 'refused', text: refusal }
          : { kind: 'saved', text: t('saved', undefined, this.locale) },
      );
    void this.fetchPlan();
  }

  private setNote(goalId: string, note: Note): void {
    this.notes = { ...this.notes, [goalId]: note };
  }

  private async saveRating(goalId: string): Promise<void> {
    const meeting = (this.load.value && openMeeting(this.load.value.meetings)) || undefined;
    const rater = meeting?.participants.find((p) => p.id === this.raterId);
    if (!this.queue || !meeting || !rater || this.saving.includes(goalId)) return;
    const value = this.drafts[goalId];
    if (value === undefined)
      return this.setNote(goalId, { kind: 'missing', text: t('pickValue', undefined, this.locale) });
    const key = newIdempotencyKey();
    const input = {
      idempotencyKey: key,
      goalId,
      raterRole: rater.role,
      value,
      occurredAt: new Date().toISOString(),
      meetingId: meeting.id,
      participantId: rater.id,
    };
    this.saving = [...this.saving, goalId];
    try {
      const outcome = await this.queue.send(RATE, { input }, key);
      if (outcome.status === 'sent') {
        emit<RatedDetail>(this, 'helhed-rated', { goalId, value });
        await this.fetchPlan();
        this.setNote(goalId, { kind: 'saved', text: t('saved', undefined, this.locale) });
      } else {
        this.pendingKeys.set(key, goalId);
        this.setNote(goalId, { kind: 'pending', text: t('pending', undefined, this.locale) });
        emit<RatedDetail>(this, 'helhed-pending', { goalId, value });
      }
      // The line now shows the stored value, unless the next rater has already moved it.
      if (this.raterId === rater.id && this.drafts[goalId] === value) {
        const { [goalId]: _, ...rest } = this.drafts;
        this.drafts = rest;
      }
    } catch (error) {
      const failure = failureOf(error);
      this.setNote(goalId, { kind: 'refused', text: reasonFor(failure, this.locale, dialogErrors) });
      emit<ErrorDetail>(this, 'helhed-error', { code: failure.code });
    } finally {
      this.saving = this.saving.filter((id) => id !== goalId);
    }
  }

  @state() private inviting = false;
  @state() private invited: InviteResult | null = null;

  /** Issues an invitation link; e-mailed when an address is given, else shown once. */
  private async invite(form: HTMLFormElement): Promise<void> {
    if (this.inviting) return;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const plan = this.load.value;
    if (!plan) return;
    this.inviting = true;
    try {
      const { inviteToAnswer } = await clientFor(this).request(INVITE, {
        input: {
          inviteeId: String(data.get('inviteeId')),
          planId: plan.id,
          validDays: Number(data.get('validDays') || 7),
          language: inviteLanguageOf(data.get('language')),
          ...(email ? { email } : {}),
        },
      });
      this.invited = inviteToAnswer.link
        ? { kind: 'link', link: inviteToAnswer.link }
        : { kind: 'sent', to: email };
      if (email) form.reset();
    } catch (error) {
      this.invited = { kind: 'refused', reason: reasonFor(failureOf(error), this.locale, dialogErrors) };
    } finally {
      this.inviting = false;
    }
  }

  /**
   * Runs a meeting mutation (a typed request answering with the meeting); shows a plain reason
   * when it is refused. `next`: the heading to focus in the panel that takes the button's place.
   */
  private async act(write: () => Promise<{ id: string }>, next: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = '';
    try {
      const meeting = await write();
      emit(this, 'helhed-meeting-change', { meetingId: meeting.id });
      await this.fetchPlan();
      await this.updateComplete;
      // The panel whose button was pressed is gone: focus the heading of what took its place,
      // rather than losing focus to the page (WCAG 2.4.3).
      this.renderRoot.querySelector<HTMLElement>(next)?.focus();
      return true;
    } catch (error) {
      const failure = failureOf(error);
      this.actionError = t(
        'actionError',
        { reason: reasonFor(failure, this.locale, dialogErrors) },
        this.locale,
      );
      emit<ErrorDetail>(this, 'helhed-error', { code: failure.code });
      return false;
    } finally {
      this.busy = false;
    }
  }

  private meetingContext(): MeetingContext {
    return {
      locale: this.locale,
      busy: this.busy,
      error: this.actionError,
      people: this.people,
      raterId: this.raterId,
      onRater: (id) => {
        this.raterId = id;
        this.drafts = {};
        this.notes = {};
      },
      onToggle: (i) => {
        this.people = this.people.map((p, j) => (i === j ? { ...p, chosen: !p.chosen } : p));
      },
      onAdd: (form) => {
        const data = new FormData(form);
        const displayName = String(data.get('displayName') ?? '').trim();
        if (!displayName) return;
        this.people = [...this.people, { displayName, role: String(data.get('role')) as Role, chosen: true }];
        form.reset();
      },
      onStart: () => {
        const participants = this.people
          .filter((p) => p.chosen)
          .map(({ role, displayName }) => ({ role, displayName }));
        if (participants.length === 0) {
          this.actionError = t('needPeople', undefined, this.locale);
          return;
        }
        const input = { planId: this.planId, participants };
        void this.act(
          async () => (await clientFor(this).request(START, { input })).startMeeting,
          '#meeting-heading',
        );
      },
      onClose: (form) => {
        const data = new FormData(form);
        const agreements = String(data.get('agreements') ?? '').trim();
        if (!agreements) {
          this.actionError = t('needAgreements', undefined, this.locale);
          return;
        }
        // The close form shows only while a meeting is open.
        const meeting = this.load.value && openMeeting(this.load.value.meetings);
        if (!meeting) return;
        const nextMeetingOn = String(data.get('nextMeetingOn') ?? '') || null;
        const input = { meetingId: meeting.id, agreements, nextMeetingOn };
        void this.act(
          async () => (await clientFor(this).request(CLOSE, { input })).closeMeeting,
          '#accept-heading',
        );
      },
      onAccept: (form, meetingId) => {
        const comment = String(new FormData(form).get('comment') ?? '').trim() || null;
        const input = { meetingId, comment };
        void this.act(
          async () => (await clientFor(this).request(ACCEPT, { input })).acceptPlan,
          '#accept-heading',
        );
      },
    };
  }

  protected override render() {
    const { locale } = this;
    return this.load.render({
      missing: () => html`<p>${t('missingPlan', undefined, locale)}</p>`,
      loading: () => html`<p role="status">${t('loading', undefined, locale)}</p>`,
      error: (
        failure,
      ) => html`<div role="alert">${t('loadError', { reason: reasonFor(failure, locale, dialogErrors) }, locale)}</div>
          <button type="button" class="secondary" @click=${() => this.fetchPlan()}>${t('retry', undefined, locale)}</button>`,
      ready: (plan) => this.renderPlan(plan),
    });
  }

  private renderPlan(plan: Plan) {
    const { locale } = this;
    const open = openMeeting(plan.meetings);
    const last = lastClosed(plan.meetings);
    const ctx = this.meetingContext();
    const rater = open?.participants.find((p) => p.id === this.raterId);
    const contact = plan.coordinator;
    return html`<h2>${t('title', undefined, locale)}</h2>
      ${
        contact
          ? html`<p class="contact">
              ${t('contactPerson', { name: contact.displayName, title: contact.title }, locale)}
            </p>`
          : nothing
      }
      <p class="muted">${t('live', undefined, locale)}</p>
      ${open ? renderOpenMeeting(open, ctx) : html`<p class="panel muted">${t('noMeeting', undefined, locale)}</p>`}
      ${renderGoals(plan.goals, {
        locale,
        meetings: plan.meetings,
        timeline: plan.timeline,
        rater,
        draft: (id) => this.drafts[id] ?? null,
        note: (id) => this.notes[id],
        busy: (id) => this.saving.includes(id),
        onDraft: (id, value) => {
          this.drafts = { ...this.drafts, [id]: value };
        },
        onSave: (id) => void this.saveRating(id),
      })}
      ${this.isParent ? nothing : open ? renderClose(ctx) : renderStart(ctx)}
      ${last && !open ? renderAcceptance(last, this.isParent, ctx) : nothing}
      ${
        this.isParent
          ? nothing
          : renderInvite({
              locale,
              members: plan.members,
              busy: this.inviting,
              result: this.invited,
              onInvite: (form) => void this.invite(form),
            })
      }
      ${renderHistory(plan.meetings, plan.goals, locale)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-family-dialog': HelhedFamilyDialog;
  }
}
