import type { Locale } from '@helhed/kit';
import { html, nothing } from 'lit';
import type { PlanData } from './family-dialog.data.js';
import { roleName, t } from './family-dialog.messages.js';
import { graphql } from './gql/gql.js';
import type { Language } from './gql/graphql.js';

export const INVITE = graphql(`
  mutation InviteToAnswer($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) {
    link invitation { id delivery expiresAt } } }
`);

/** What the last invitation gave: a link to hand over, or the address it was sent to; or why not. */
export type InviteResult =
  | { kind: 'link'; link: string }
  | { kind: 'sent'; to: string }
  | { kind: 'refused'; reason: string };

export interface InviteContext {
  locale: Locale;
  members: PlanData['plan']['members'];
  busy: boolean;
  result: InviteResult | null;
  onInvite(form: HTMLFormElement): void;
}

const languages = [
  ['da', 'Dansk'],
  ['en', 'English'],
  ['ar', 'العربية'],
  ['uk', 'Українська'],
] as const satisfies readonly (readonly [Language, string])[];

/** The language the form sent: the select offers only `languages`, so anything else is Danish. */
export function inviteLanguageOf(value: FormDataEntryValue | null): Language {
  return languages.find(([code]) => code === value)?.[0] ?? 'da';
}

/**
 * A professional invites a parent (or the plan's citizen) to rate the plan's goals from their
 * own phone (docs/family.md): by e-mail, or a link shown once to hand over.
 */
export function renderInvite(ctx: InviteContext) {
  const { locale } = ctx;
  const invitees = ctx.members.filter((m) => m.familyRole === 'PARENT' || m.familyRole === null);
  if (invitees.length === 0) return nothing;
  return html`<section class="panel invite" aria-labelledby="invite-heading">
    <h3 id="invite-heading">${t('inviteHeading', undefined, locale)}</h3>
    <p class="muted">${t('inviteIntro', undefined, locale)}</p>
    <form
      class="add"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        ctx.onInvite(e.target as HTMLFormElement);
      }}
    >
      <label>${t('inviteWho', undefined, locale)}
        <select name="inviteeId">
          ${invitees.map((m) => html`<option value=${m.id}>${m.displayName}${m.familyRole ? ` (${roleName(m.familyRole, locale)})` : ''}</option>`)}
        </select>
      </label>
      <label>${t('inviteEmail', undefined, locale)}
        <input name="email" type="email" autocomplete="off" inputmode="email" />
      </label>
      <label>${t('inviteDays', undefined, locale)}
        <input name="validDays" type="number" min="1" max="30" value="7" />
      </label>
      <label>${t('inviteLanguage', undefined, locale)}
        <select name="language">
          ${languages.map(([code, name]) => html`<option value=${code} lang=${code}>${name}</option>`)}
        </select>
      </label>
      <button type="submit" class="primary" aria-disabled=${ctx.busy ? 'true' : 'false'}>
        ${t('inviteSend', undefined, locale)}
      </button>
    </form>
    ${renderResult(ctx.result, locale)}
  </section>`;
}

function renderResult(result: InviteResult | null, locale: Locale) {
  if (!result) return nothing;
  switch (result.kind) {
    case 'sent':
      return html`<p role="status" class="invite-result">${t('inviteSent', { to: result.to }, locale)}</p>`;
    case 'link':
      return html`<div role="status" class="invite-result">
        <p>${t('inviteLink', undefined, locale)}</p>
        <input class="link" readonly .value=${result.link} aria-label=${t('inviteLinkLabel', undefined, locale)} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
      </div>`;
    case 'refused':
      return html`<p role="alert" class="error">${result.reason}</p>`;
  }
}
