import { html, nothing, type TemplateResult } from 'lit';
import type { AccessLogEntry, AnswerRow, Consent, Department, GoalView, Scale } from './family.data.js';
import { purposeKey } from './family.data.js';
import {
  type Catalog,
  formatDateTime,
  formatNumber,
  type MessageKey,
  type MessageParams,
} from './i18n/languages.js';

/** What the section templates need from the element: the language and the handlers. */
export interface ViewContext {
  catalog: Catalog;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export interface GoalsContext extends ViewContext {
  goals: GoalView[];
  scales: Map<string, Scale>;
  raterRole: string;
  draft: (goalId: string) => number | undefined;
  note: (goalId: string) => { ok: boolean; text: string } | undefined;
  saving: (goalId: string) => boolean;
  onDraft: (goalId: string, value: number) => void;
  onRate: (goal: GoalView) => void;
}

const roleKey = (role: string) => `role_${role}` as MessageKey;

export function goalsSection(ctx: GoalsContext): TemplateResult {
  const { t } = ctx;
  return html`<h3 id="goals-heading">${t('goalsHeading')}</h3>
    <p class="muted">${t('rateNowHint')}</p>
    ${
      ctx.goals.length === 0
        ? html`<p class="empty">${t('goalsEmpty')}</p>`
        : ctx.goals.map((g) => goalCard(ctx, g))
    }`;
}

function goalCard(ctx: GoalsContext, goal: GoalView): TemplateResult {
  const { t } = ctx;
  const scale = ctx.scales.get(goal.instrumentKey) ?? { key: '', name: '', min: 0, max: 10, step: 0.1 };
  const own = goal.latestByRole.find((r) => r.raterRole === ctx.raterRole);
  const value = ctx.draft(goal.id) ?? own?.value ?? (scale.min + scale.max) / 2;
  const id = `rate-${goal.id}`;
  const note = ctx.note(goal.id);
  return html`<article class="card goal" data-goal-id=${goal.id} aria-labelledby="title-${goal.id}">
    <h4 id="title-${goal.id}">${goal.text}</h4>
    <p class="about">
      ${goal.subject ? t('goalAbout', { name: firstName(goal.subject.displayName) }) : t('goalFamily')} ·
      ${t('scale', { min: scale.min, max: scale.max })}
    </p>
    ${
      goal.latestByRole.length === 0
        ? html`<p class="muted">${t('notRated')}</p>`
        : html`<ul class="roles" aria-label=${t('ratingsLabel')}>
          ${goal.latestByRole.map(
            (r) => html`<li>
              ${t('roleLine', { role: t(roleKey(r.raterRole)), value: r.value })}${
                r.outsideMeeting ? html`<span class="badge">${t('betweenMeetings')}</span>` : nothing
              }
            </li>`,
          )}
        </ul>`
    }
    ${goal.spread === null ? nothing : html`<p class="spread">${t('spread', { value: goal.spread })}</p>`}
    ${goal.disagreement ? html`<p class="flag">${t('spreadLarge')}</p>` : nothing}
    <div class="rate">
      <label for=${id}>${t('yourValue', { goal: goal.text })}</label>
      <div class="rate-line">
        <input
          id=${id}
          type="range"
          min=${scale.min}
          max=${scale.max}
          step=${scale.step}
          .value=${String(value)}
          aria-valuetext=${formatNumber(ctx.catalog, value)}
          @input=${(e: Event) => ctx.onDraft(goal.id, Number((e.target as HTMLInputElement).value))}
        />
        <output for=${id}>${formatNumber(ctx.catalog, value)}</output>
      </div>
      <div class="actions">
        <button class="primary" ?disabled=${ctx.saving(goal.id)} @click=${() => ctx.onRate(goal)}>
          ${ctx.saving(goal.id) ? t('saving') : t('save')}
        </button>
      </div>
      <p class="note ${note && !note.ok ? 'error' : ''}" role="status">${note?.text ?? ''}</p>
    </div>
  </article>`;
}

export function answersSection(ctx: ViewContext, rows: AnswerRow[]): TemplateResult {
  const { t } = ctx;
  return html`<h3 id="answers-heading">${t('answersHeading')}</h3>
    ${
      rows.length === 0
        ? html`<p class="empty">${t('answersEmpty')}</p>`
        : html`<ul class="rows answers">
          ${rows.map(
            (r) => html`<li data-id=${r.id}>
              <div><strong>${r.about}</strong>: ${t('answerValue', { value: r.value })}${
                r.outsideMeeting ? html`<span class="badge">${t('betweenMeetings')}</span>` : nothing
              }</div>
              <div class="muted">
                <time datetime=${r.at}>${formatDateTime(ctx.catalog, r.at)}</time> ·
                ${t('answerBy', { role: t(roleKey(r.role)) })}
              </div>
            </li>`,
          )}
        </ul>`
    }`;
}

export interface ConsentsContext extends ViewContext {
  consents: Consent[];
  departments: Department[];
  /** The person's first name, or null when the page is the signed-in person's own. */
  otherName: string | null;
  from: string;
  to: string;
  fieldError: { field: string; text: string } | null;
  note: string;
  busy: boolean;
  onFrom: (id: string) => void;
  onTo: (id: string) => void;
  onGrant: () => void;
  onRevoke: (consent: Consent) => void;
}

export function consentsSection(ctx: ConsentsContext): TemplateResult {
  const { t } = ctx;
  return html`<h3 id="consents-heading">${t('consentsHeading')}</h3>
    <p>${t('consentsIntro')}</p>
    ${
      ctx.consents.length === 0
        ? html`<p class="empty">${t('consentsEmpty')}</p>`
        : html`<ul class="consent-list">
          ${ctx.consents.map((c) => consentCard(ctx, c))}
        </ul>`
    }
    <form class="card new-consent" @submit=${(e: Event) => {
      e.preventDefault();
      ctx.onGrant();
    }} novalidate>
      <h4>${t('newConsent')}</h4>
      ${departmentField(ctx, 'fromDepartmentId', t('consentFrom'), ctx.from, ctx.onFrom)}
      ${departmentField(ctx, 'toDepartmentId', t('consentTo'), ctx.to, ctx.onTo)}
      ${
        ctx.from && ctx.to && ctx.from !== ctx.to
          ? html`<p class="preview">${sentence(ctx, nameOf(ctx.departments, ctx.from), nameOf(ctx.departments, ctx.to), t('consentPurpose'))}</p>`
          : nothing
      }
      <button class="primary" type="submit" ?disabled=${ctx.busy}>${t('grant')}</button>
      <p class="note" role="status">${ctx.note}</p>
    </form>`;
}

function consentCard(ctx: ConsentsContext, c: Consent): TemplateResult {
  const { t } = ctx;
  return html`<li class="card consent" data-consent-id=${c.id} data-status=${c.status}>
    <p id="consent-${c.id}">${sentence(ctx, c.fromDepartment.name, c.toDepartment.name, c.purpose)}</p>
    <p class="muted">
      ${t(`consentStatus_${c.status}` as MessageKey)} ·
      ${t('consentSince', { date: formatDateTime(ctx.catalog, c.grantedAt, false) })}
    </p>
    ${
      c.status === 'ACTIVE'
        ? html`<button ?disabled=${ctx.busy} @click=${() => ctx.onRevoke(c)}
          aria-describedby="consent-${c.id}">
          ${t('revoke')}
        </button>`
        : nothing
    }
  </li>`;
}

function sentence(ctx: ConsentsContext, from: string, to: string, purpose: string): string {
  return ctx.otherName
    ? ctx.t('consentSentenceOther', { from, to, purpose, name: ctx.otherName })
    : ctx.t('consentSentenceSelf', { from, to, purpose });
}

function departmentField(
  ctx: ConsentsContext,
  field: string,
  label: string,
  value: string,
  onPick: (id: string) => void,
): TemplateResult {
  const error = ctx.fieldError?.field === field ? ctx.fieldError.text : '';
  return html`<label class="field"
    >${label}
    <select
      name=${field}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${field}-error` : nothing}
      @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!value}>${ctx.t('choose')}</option>
      ${ctx.departments.map((d) => html`<option value=${d.id} ?selected=${d.id === value}>${d.name}</option>`)}
    </select>
    ${error ? html`<span class="field-error" id="${field}-error">${error}</span>` : nothing}
  </label>`;
}

export function accessSection(ctx: ViewContext, entries: AccessLogEntry[] | null): TemplateResult {
  const { t } = ctx;
  return html`<h3 id="access-heading">${t('accessHeading')}</h3>
    <p>${t('accessIntro')}</p>
    ${
      entries === null
        ? html`<p role="status">${t('loading')}</p>`
        : entries.length === 0
          ? html`<p class="empty">${t('accessEmpty')}</p>`
          : html`<ul class="rows access">
            ${entries.map(
              (e) => html`<li>
                <div><strong>${e.department ?? t(roleKey(e.actorRole))}</strong> ·
                  ${t(purposeKey(e.purpose) as MessageKey)}</div>
                <div class="muted">
                  <time datetime=${e.at}>${formatDateTime(ctx.catalog, e.at)}</time>
                  ${e.outcome === 'DENIED' ? html` · <span class="error">${t('accessDenied')}</span>` : nothing}
                </div>
              </li>`,
            )}
          </ul>`
    }`;
}

const nameOf = (departments: Department[], id: string) => departments.find((d) => d.id === id)?.name ?? '';

export const firstName = (displayName: string) => displayName.split(' ')[0] ?? displayName;
