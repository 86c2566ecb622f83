import {
  clientFor,
  emit,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  loadSection,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  departmentRows,
  kroner,
  monthName,
  monthRows,
  PLAN_ECONOMY_QUERY,
  type PlanEconomyData,
} from './plan-economy.data.js';
import { t } from './plan-economy.messages.js';
import { styles } from './plan-economy.styles.js';

type Economy = PlanEconomyData['plan']['economy'];

/**
 * @summary What a plan's help costs (docs/economy.md): the year before the plan against its first
 * year as agreed and what has been spent since, per paying department and per month. Shown
 * beside the progression to those the API lets see it (the coordinator, departments with a case
 * or consent); a professional sees only their scope, and the element says so.
 *
 * @event helhed-load - The cost arrived. `detail: { planId, totalOre }` (running cost).
 * @event helhed-error - Loading failed. `detail: { code }`.
 */
export class HelhedPlanEconomy extends HelhedApiElement {
  static override styles = styles;

  /** The plan whose cost is shown. */
  @property({ attribute: 'plan-id' }) planId = '';

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => (this.planId ? ([this.planId, this.connection] as const) : undefined),
    task: async ([id], signal) =>
      (await clientFor(this).request(PLAN_ECONOMY_QUERY, { id }, { signal })).plan.economy,
    onReady: (economy) =>
      emit(this, 'helhed-load', { planId: this.planId, totalOre: economy.running.totalOre }),
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /** Reads the plan's cost again. */
  fetchEconomy(): Promise<void> {
    return this.load.run();
  }

  protected override render() {
    const { locale } = this;
    return loadSection(this.load, {
      labelledBy: 'economy-heading',
      heading: html`<h3 id="economy-heading">${t('heading', undefined, locale)}</h3>`,
      ...loadFeedback(t, locale, () => this.fetchEconomy()),
      ready: (economy) => this.renderEconomy(economy),
    });
  }

  private renderEconomy(economy: Economy) {
    const { locale } = this;
    const rows = departmentRows(economy);
    if (rows.length === 0) return html`<p class="empty">${t('empty', undefined, locale)}</p>`;
    const money = (ore: number) => kroner(ore, locale);
    const change = economy.expected.totalOre - economy.baseline.totalOre;
    return html`<p class="summary">${t(
      'summary',
      {
        baseline: money(economy.baseline.totalOre),
        expected: money(economy.expected.totalOre),
        change: `${change > 0 ? '+' : ''}${money(change)}`,
        start: economy.startedOn,
        running: money(economy.running.totalOre),
      },
      locale,
    )}</p>
      ${economy.baselineEstimated ? html`<p class="note estimated">${t('estimated', undefined, locale)}</p>` : nothing}
      ${economy.restricted ? html`<p class="note restricted">${t('restricted', undefined, locale)}</p>` : nothing}
      <h4 id="by-department">${t('byDepartment', undefined, locale)}</h4>
      <div class="scroll" role="region" aria-labelledby="by-department" tabindex="0"><table class="departments" aria-labelledby="by-department">
        <thead><tr><th scope="col">${t('department', undefined, locale)}</th>
          ${(['baseline', 'expected', 'running', 'change'] as const).map((k) => html`<th scope="col" class="money">${t(k, undefined, locale)}</th>`)}</tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr data-department=${r.department.id}><th scope="row">${r.department.name}</th>
            <td class="money">${money(r.baselineOre)}</td><td class="money">${money(r.expectedOre)}</td>
            <td class="money">${money(r.runningOre)}</td><td class="money">${money(r.changeOre)}</td></tr>`,
        )}</tbody>
        <tfoot><tr><th scope="row">${t('total', undefined, locale)}</th>
          <td class="money">${money(economy.baseline.totalOre)}</td><td class="money">${money(economy.expected.totalOre)}</td>
          <td class="money">${money(economy.running.totalOre)}</td><td class="money">${money(change)}</td></tr></tfoot>
      </table></div>
      ${this.renderMonths(
        economy,
        rows.map((r) => r.department),
      )}`;
  }

  private renderMonths(economy: Economy, departments: { id: string; name: string }[]) {
    const { locale } = this;
    const months = monthRows(economy, departments);
    if (months.length === 0) return nothing;
    return html`<h4 id="by-month">${t('byMonth', undefined, locale)}</h4>
      <div class="scroll" role="region" aria-labelledby="by-month" tabindex="0"><table class="months" aria-labelledby="by-month">
        <thead><tr><th scope="col">${t('month', undefined, locale)}</th>
          ${departments.map((d) => html`<th scope="col" class="money">${d.name}</th>`)}
          <th scope="col" class="money">${t('total', undefined, locale)}</th></tr></thead>
        <tbody>${months.map(
          (m) => html`<tr data-month=${m.month}><th scope="row">${monthName(m.month, locale)}</th>
            ${m.amounts.map((a) => html`<td class="money">${kroner(a, locale)}</td>`)}
            <td class="money">${kroner(m.totalOre, locale)}</td></tr>`,
        )}</tbody>
      </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-plan-economy': HelhedPlanEconomy;
  }
}
