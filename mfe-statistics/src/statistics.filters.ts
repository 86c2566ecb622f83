import type { Locale } from '@helhed/kit';
import { html } from 'lit';
import { t } from './statistics.messages.js';
import { type Dimension, dimensions, type Period, periods } from './statistics.table.js';

/** What the filter form edits before it is applied. */
export interface Filter {
  instrumentKey: string;
  departmentId: string;
  /** A target group's key; empty for all. */
  targetGroup: string;
  from: string;
  to: string;
  period: Period;
  groupBy: Dimension[];
}

/** What the form needs from the element: the draft, the choices and what to do. */
export interface FiltersContext {
  locale: Locale;
  draft: Filter;
  instruments: { key: string; name: string }[];
  departments: { id: string; name: string }[];
  targetGroups: { key: string; name: string }[];
  onEdit<K extends keyof Filter>(key: K, value: Filter[K]): void;
  onToggle(dimension: Dimension, on: boolean): void;
  onApply(event: SubmitEvent): void;
}

/**
 * The filters the API offers, as one form: instrument, department, target group, window, period
 * and what to group by. Nothing is asked until the form is submitted (a select's change is no
 * surprise).
 */
export function renderFilters(ctx: FiltersContext) {
  const { locale, draft } = ctx;
  return html`<form class="filters" aria-labelledby="filters-heading" @submit=${ctx.onApply}>
      <h3 id="filters-heading" class="visually-hidden">${t('filters', undefined, locale)}</h3>
      <div class="fields">
        <label>${t('instrument', undefined, locale)}
          <select id="instrument" .value=${draft.instrumentKey}
            @change=${(e: Event) => ctx.onEdit('instrumentKey', (e.target as HTMLSelectElement).value)}>
            ${ctx.instruments.map((i) => html`<option value=${i.key} ?selected=${i.key === draft.instrumentKey}>${i.name}</option>`)}
          </select>
        </label>
        <label>${t('department', undefined, locale)}
          <select id="department" .value=${draft.departmentId}
            @change=${(e: Event) => ctx.onEdit('departmentId', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${draft.departmentId === ''}>${t('allDepartments', undefined, locale)}</option>
            ${ctx.departments.map((d) => html`<option value=${d.id} ?selected=${d.id === draft.departmentId}>${d.name}</option>`)}
          </select>
        </label>
        <label>${t('targetGroup', undefined, locale)}
          <select id="target-group" .value=${draft.targetGroup}
            @change=${(e: Event) => ctx.onEdit('targetGroup', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${draft.targetGroup === ''}>${t('allTargetGroups', undefined, locale)}</option>
            ${ctx.targetGroups.map((g) => html`<option value=${g.key} ?selected=${g.key === draft.targetGroup}>${g.name}</option>`)}
          </select>
        </label>
        <label>${t('from', undefined, locale)}
          <input id="from" type="date" required .value=${draft.from}
            @change=${(e: Event) => ctx.onEdit('from', (e.target as HTMLInputElement).value)} />
        </label>
        <label>${t('to', undefined, locale)}
          <input id="to" type="date" required .value=${draft.to}
            @change=${(e: Event) => ctx.onEdit('to', (e.target as HTMLInputElement).value)} />
        </label>
        <label>${t('period', undefined, locale)}
          <select id="period" .value=${draft.period}
            @change=${(e: Event) => ctx.onEdit('period', (e.target as HTMLSelectElement).value as Period)}>
            ${periods.map((p) => html`<option value=${p} ?selected=${p === draft.period}>${t(p, undefined, locale)}</option>`)}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>${t('groupBy', undefined, locale)}</legend>
        ${dimensions.map(
          (d) => html`<label class="check">
            <input type="checkbox" name="groupBy" value=${d} .checked=${draft.groupBy.includes(d)}
              @change=${(e: Event) => ctx.onToggle(d, (e.target as HTMLInputElement).checked)} />
            ${t(d, undefined, locale)}
          </label>`,
        )}
      </fieldset>
      <button type="submit" class="primary">${t('apply', undefined, locale)}</button>
    </form>`;
}
