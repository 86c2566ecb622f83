import { formatDate, formatNumber, type Locale } from '@helhed/kit';
import { html, nothing } from 'lit';
import { type Goal, type Meeting, type Participant, type Role, ratingOf } from './family-dialog.data.js';
import { roleName, t } from './family-dialog.messages.js';

export interface Person {
  role: Role;
  displayName: string;
  chosen: boolean;
}

/** What the meeting panels need from the element. */
export interface MeetingContext {
  locale: Locale;
  busy: boolean;
  error: string;
  people: Person[];
  onToggle(index: number): void;
  onAdd(form: HTMLFormElement): void;
  onStart(): void;
  onClose(form: HTMLFormElement): void;
  onAccept(form: HTMLFormElement, meetingId: string): void;
  onRater(participantId: string): void;
  raterId: string;
}

const day = (iso: string, locale: Locale) => formatDate(iso, { style: 'long', locale });
const who = (p: Participant, locale: Locale) => `${p.displayName} (${roleName(p.role, locale)})`;
/** A submit handler that keeps the page and hands over the form. */
const submitted = (then: (form: HTMLFormElement) => void) => (e: SubmitEvent) => {
  e.preventDefault();
  then(e.target as HTMLFormElement);
};
const errorLine = (ctx: MeetingContext) => html`<p class="error" role="alert">${ctx.error}</p>`;

/** The open meeting: who is there, and the choice of who gives points now. */
export function renderOpenMeeting(meeting: Meeting, ctx: MeetingContext) {
  const { locale } = ctx;
  return html`<section class="panel meeting" aria-labelledby="meeting-heading">
    <h3 id="meeting-heading" tabindex="-1">${t('meetingOpen', undefined, locale)}</h3>
    <p>${t('meetingOpenSince', { date: day(meeting.heldAt, locale), people: meeting.participants.map((p) => p.displayName).join(', ') }, locale)}</p>
    <fieldset class="raters">
      <legend>${t('whoRates', undefined, locale)}</legend>
      ${meeting.participants.map(
        (p) => html`<label class="choice">
          <input type="radio" name="rater" .value=${p.id} .checked=${ctx.raterId === p.id} @change=${() => ctx.onRater(p.id)} />
          ${who(p, locale)}
        </label>`,
      )}
    </fieldset>
    ${ctx.raterId ? nothing : html`<p class="muted">${t('pickYou', undefined, locale)}</p>`}
  </section>`;
}

/** A professional starts a meeting: tick who takes part, add anyone missing. */
export function renderStart(ctx: MeetingContext) {
  const { locale } = ctx;
  const roles: Role[] = ['PARENT', 'CHILD', 'PROFESSIONAL', 'OTHER'];
  return html`<section class="panel" aria-labelledby="start-heading">
    <h3 id="start-heading">${t('startHeading', undefined, locale)}</h3>
    <fieldset>
      <legend>${t('whoTakesPart', undefined, locale)}</legend>
      ${ctx.people.map(
        (p, i) => html`<label class="choice">
          <input type="checkbox" .checked=${p.chosen} @change=${() => ctx.onToggle(i)} />
          ${p.displayName} (${roleName(p.role, locale)})
        </label>`,
      )}
    </fieldset>
    <form class="add" @submit=${submitted((form) => ctx.onAdd(form))}>
      <p class="label">${t('addPerson', undefined, locale)}</p>
      <label>${t('name', undefined, locale)} <input name="displayName" autocomplete="off" /></label>
      <label
        >${t('role', undefined, locale)}
        <select name="role">
          ${roles.map((r) => html`<option value=${r}>${roleName(r, locale)}</option>`)}
        </select>
      </label>
      <button type="submit" class="secondary">${t('add', undefined, locale)}</button>
    </form>
    ${errorLine(ctx)}
    <button type="button" class="primary" aria-disabled=${ctx.busy ? 'true' : 'false'} @click=${ctx.onStart}>
      ${t('start', undefined, locale)}
    </button>
  </section>`;
}

/** A professional writes down the agreements and the next date, and ends the meeting. */
export function renderClose(ctx: MeetingContext) {
  const { locale } = ctx;
  return html`<section class="panel" aria-labelledby="close-heading">
    <h3 id="close-heading">${t('closeHeading', undefined, locale)}</h3>
    <form @submit=${submitted((form) => ctx.onClose(form))}>
      <label class="block">${t('agreements', undefined, locale)} <textarea name="agreements" rows="4"></textarea></label>
      <label class="block">${t('nextMeeting', undefined, locale)} <input type="date" name="nextMeetingOn" /></label>
      ${errorLine(ctx)}
      <button type="submit" class="primary" aria-disabled=${ctx.busy ? 'true' : 'false'}>${t('close', undefined, locale)}</button>
    </form>
  </section>`;
}

/** Acceptance of the last meeting's plan: a parent accepts (with a comment); others see whether they did. */
export function renderAcceptance(meeting: Meeting, parent: boolean, ctx: MeetingContext) {
  const { locale } = ctx;
  const accepted = meeting.acceptedByParentAt;
  if (accepted || !parent) {
    return html`<section class="panel" aria-labelledby="accept-heading">
      <h3 id="accept-heading" tabindex="-1">${t('acceptHeading', undefined, locale)}</h3>
      <p class=${accepted ? 'accepted' : 'muted'}>
        ${accepted ? t('accepted', { date: day(accepted, locale) }, locale) : t('notAccepted', undefined, locale)}
      </p>
      ${meeting.parentComment ? html`<p>${t('parentComment', { comment: meeting.parentComment }, locale)}</p>` : nothing}
    </section>`;
  }
  return html`<section class="panel" aria-labelledby="accept-heading">
    <h3 id="accept-heading" tabindex="-1">${t('acceptHeading', undefined, locale)}</h3>
    <p>${t('acceptText', { date: day(meeting.heldAt, locale) }, locale)}</p>
    <blockquote class="agreements">${meeting.agreements}</blockquote>
    <form @submit=${submitted((form) => ctx.onAccept(form, meeting.id))}>
      <label class="block">${t('comment', undefined, locale)} <textarea name="comment" rows="3"></textarea></label>
      ${errorLine(ctx)}
      <button type="submit" class="primary" aria-disabled=${ctx.busy ? 'true' : 'false'}>${t('accept', undefined, locale)}</button>
    </form>
  </section>`;
}

/** Earlier meetings: date, who took part, what was agreed, and each person's points. */
export function renderHistory(meetings: Meeting[], goals: Goal[], locale: Locale) {
  const closed = meetings.filter((m) => m.status === 'CLOSED');
  return html`<section class="panel history" aria-labelledby="history-heading">
    <h3 id="history-heading">${t('history', undefined, locale)}</h3>
    ${closed.length === 0 ? html`<p class="muted">${t('noHistory', undefined, locale)}</p>` : nothing}
    ${closed.map(
      (m) => html`<details data-meeting-id=${m.id}>
        <summary>${t('meetingSummary', { date: day(m.heldAt, locale), count: m.participants.length }, locale)}</summary>
        <h4>${t('people', undefined, locale)}</h4>
        <ul>
          ${m.participants.map((p) => html`<li>${who(p, locale)}</li>`)}
        </ul>
        <h4>${t('agreed', undefined, locale)}</h4>
        <p>${m.agreements}</p>
        ${m.nextMeetingOn ? html`<p>${t('nextOn', { date: day(m.nextMeetingOn, locale) }, locale)}</p>` : nothing}
        ${m.acceptedByParentAt ? html`<p>${t('accepted', { date: day(m.acceptedByParentAt, locale) }, locale)}</p>` : nothing}
        <h4>${t('points', undefined, locale)}</h4>
        <ul class="history-points">
          ${goals.map((g) => {
            const given = m.participants
              .map((p) => [p.displayName.split(' ')[0], ratingOf(p, g.id)] as const)
              .filter(([, v]) => v !== null)
              .map(([name, v]) => `${name} ${formatNumber(v ?? 0, { locale })}`);
            return given.length === 0
              ? nothing
              : html`<li><span class="goal-text">${g.text}:</span> ${given.join(' · ')}</li>`;
          })}
        </ul>
      </details>`,
    )}
  </section>`;
}
