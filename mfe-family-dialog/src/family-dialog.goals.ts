import { formatNumber, type Locale } from '@helhed/kit';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  type BetweenRating,
  betweenMeetings,
  changeSinceLastMeeting,
  type Goal,
  groupGoals,
  type Mark,
  type Meeting,
  marksFor,
  type Participant,
  type PlanData,
  ratingOf,
} from './family-dialog.data.js';
import { roleName, t } from './family-dialog.messages.js';

/** What a goal card needs from the element: the rater, drafts and notes, and what to do. */
export interface GoalsContext {
  locale: Locale;
  meetings: Meeting[];
  /** The plan's timeline, for ratings the family gave between meetings. */
  timeline: PlanData['plan']['timeline'];
  /** The participant giving points now, in the open meeting. */
  rater?: Participant;
  draft(goalId: string): number | null;
  note(goalId: string): { kind: string; text: string } | undefined;
  busy(goalId: string): boolean;
  onDraft(goalId: string, value: number): void;
  onSave(goalId: string): void;
}

const signed = (n: number, locale: Locale) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), { locale })}`;
const initial = (name: string) => name.trim().charAt(0).toUpperCase() || '?';

/** The goals grouped by child, parent and family, each with everyone's points side by side. */
export function renderGoals(goals: Goal[], ctx: GoalsContext) {
  if (goals.length === 0) return html`<p>${t('noGoals', undefined, ctx.locale)}</p>`;
  const colours = colourIndex(ctx.meetings);
  return groupGoals(goals).map(
    (group) => html`<section class="group" aria-labelledby="group-${group.key || 'family'}">
      <h3 id="group-${group.key || 'family'}">
        ${group.name ? t('goalsFor', { name: group.name }, ctx.locale) : t('familyGoals', undefined, ctx.locale)}
        ${group.role ? html`<span class="role">(${roleName(group.role, ctx.locale)})</span>` : nothing}
      </h3>
      ${group.goals.map((goal) => renderGoal(goal, ctx, colours))}
    </section>`,
  );
}

/** A stable colour per participant of the meeting shown, so a dot and its line mark match. */
function colourIndex(meetings: Meeting[]): Map<string, number> {
  const shown = meetings.find((m) => m.status === 'OPEN') ?? meetings[0];
  return new Map((shown?.participants ?? []).map((p, i) => [p.id, i % 6]));
}

function renderGoal(goal: Goal, ctx: GoalsContext, colours: Map<string, number>) {
  const { locale } = ctx;
  const marks = marksFor(goal.id, ctx.meetings);
  // Only once someone has rated the goal in this meeting is there a change to show.
  const since = marks.some((m) => !m.earlier) ? changeSinceLastMeeting(goal, ctx.meetings) : null;
  return html`<article class="goal" data-goal-id=${goal.id} aria-labelledby="goal-${goal.id}">
    <h4 id="goal-${goal.id}">${goal.text}</h4>
    ${marks.length === 0 ? html`<p class="muted">${t('noMarks', undefined, locale)}</p>` : renderMarks(marks, colours, locale)}
    ${renderBetween(betweenMeetings(goal.id, ctx.timeline, ctx.meetings), locale)}
    ${goal.spread === null ? nothing : html`<p class="spread">${t('spread', { spread: formatNumber(goal.spread, { locale }) }, locale)}</p>`}
    ${goal.disagreement ? html`<p class="flag"><span aria-hidden="true">⚠</span> ${t('disagreement', undefined, locale)}</p>` : nothing}
    ${since === null ? nothing : html`<p class="since">${t('sinceLast', { change: signed(since, locale) }, locale)}</p>`}
    ${
      goal.status === 'ACTIVE'
        ? renderRating(goal, ctx)
        : // A rating kept offline and refused because the goal closed meanwhile still says so here.
          html`<p class="muted">${t('goalDone', undefined, locale)}</p>${ctx.note(goal.id) ? renderNote(ctx.note(goal.id)) : nothing}`
    }
  </article>`;
}

/** "Givet mellem møderne: forælder 7 (2. dec.)": the family's own ratings since the last meeting. */
function renderBetween(ratings: BetweenRating[], locale: Locale) {
  if (ratings.length === 0) return nothing;
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  const items = ratings.map(
    (r) =>
      `${roleName(r.raterRole, locale)} ${formatNumber(r.value, { locale })} (${day.format(new Date(r.occurredAt))})`,
  );
  return html`<p class="between">${t('between', { ratings: items.join(', ') }, locale)}</p>`;
}

/** One 0–10 line with a lettered dot per participant (hidden from screen readers), then the numbers in text. */
function renderMarks(marks: Mark[], colours: Map<string, number>, locale: Locale) {
  const placed: number[] = [];
  return html`<div class="scale" aria-hidden="true">
      <div class="track"></div>
      ${marks.map((m) => {
        // Dots on (nearly) the same value stack upwards instead of hiding each other.
        const row = placed.filter((v) => Math.abs(v - m.value) < 0.8).length;
        placed.push(m.value);
        return html`<span
          class="dot c${colours.get(m.participant.id) ?? 0} ${m.earlier ? 'earlier' : ''}"
          style=${styleMap({ left: `${m.value * 10}%`, bottom: `${0.5 + row * 1.9}rem` })}
          >${initial(m.participant.displayName)}</span
        >`;
      })}
      <span class="end low">0</span><span class="end high">10</span>
    </div>
    <ul class="marks">
      ${marks.map(
        (m) => html`<li>
          <span class="dot small c${colours.get(m.participant.id) ?? 0} ${m.earlier ? 'earlier' : ''}" aria-hidden="true"
            >${initial(m.participant.displayName)}</span
          >
          <span
            >${t(
              'markText',
              {
                name: m.participant.displayName,
                role: roleName(m.participant.role, locale),
                value: formatNumber(m.value, { locale }),
              },
              locale,
            )}${m.earlier ? html` <span class="muted">(${t('earlier', undefined, locale)})</span>` : nothing}${
              m.change === null
                ? nothing
                : html` <span class="change">${t('changeOne', { change: signed(m.change, locale) }, locale)}</span>`
            }</span
          >
        </li>`,
      )}
    </ul>`;
}

function renderRating(goal: Goal, ctx: GoalsContext) {
  const { rater, locale } = ctx;
  if (!rater) return nothing;
  const child = rater.role === 'CHILD';
  const note = ctx.note(goal.id);
  return html`<div class="rate">
    <helhed-rating-line
      name=${goal.id}
      label=${t('yourPoints', { name: rater.displayName.split(' ')[0] ?? '' }, locale)}
      low-label=${t(child ? 'lowChild' : 'lowLabel', undefined, locale)}
      high-label=${t(child ? 'highChild' : 'highLabel', undefined, locale)}
      step="0.5"
      ?faces=${child}
      .value=${ctx.draft(goal.id) ?? ratingOf(rater, goal.id)}
      @helhed-change=${(e: CustomEvent<{ value: number }>) => ctx.onDraft(goal.id, e.detail.value)}
    ></helhed-rating-line>
    <button type="button" class="primary" aria-disabled=${ctx.busy(goal.id) ? 'true' : 'false'} @click=${() => ctx.onSave(goal.id)}>
      ${t(ctx.busy(goal.id) ? 'saving' : 'save', undefined, locale)}
    </button>
    ${renderNote(note)}
  </div>`;
}

/** What became of the rater's last rating of a goal: saved, kept on the device, or refused (an alert). */
function renderNote(note: { kind: string; text: string } | undefined) {
  return html`<p class="note ${note?.kind ?? ''}" role=${note?.kind === 'refused' ? 'alert' : 'status'}>${note?.text ?? ''}</p>`;
}
