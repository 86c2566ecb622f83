import {
  clientFor,
  emit,
  formatKroner,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  loadSection,
} from '@helhed/kit';
import { html } from 'lit';
import { t } from './cost-report.messages.js';
import { graphql } from './gql/gql.js';
import type { EconomyStatisticsQuery } from './gql/graphql.js';
import { styles } from './statistics.styles.js';

const COST_REPORT = graphql(`query EconomyStatistics { economyStatistics {
  asOf minCellSize
  comparison { targetGroup departmentKind n meanBaselineOre meanFirstYearOre meanChangeOre lowerCost withOutcome improved suppressed }
  spendShares { percent topCitizens perMille suppressed }
  followUp { quarter department { id name } n baselineOre actualOre differenceOre suppressed }
  csv } targetGroups { key name } }`);

/** The answer, as the generator types it from the schema. */
type Report = EconomyStatisticsQuery;

/**
 * @summary Anonymous cost figures for analysts and leaders (docs/economy.md): the year before each
 * plan against its first year per target group and department, the share of spend used by the
 * costliest 1 % and 3 %, and a quarterly budget follow-up per department; small cells hidden.
 * A CSV download holds the same three tables.
 *
 * @event helhed-load - The figures arrived. `detail: { asOf }`.
 * @event helhed-error - Loading failed. `detail: { code }`.
 * @event helhed-download - The CSV was made. `detail: { filename }`.
 */
export class HelhedCostReport extends HelhedApiElement {
  static override styles = styles;

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => [this.connection] as const,
    task: (_, signal) => clientFor(this).request(COST_REPORT, {}, { signal }),
    onReady: (report) => emit(this, 'helhed-load', { asOf: report.economyStatistics.asOf }),
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /** Reads the figures again. */
  fetchReport(): Promise<void> {
    return this.load.run();
  }

  /** Hands the API's CSV of the three tables to the browser as a download. */
  download(): void {
    const report = this.load.value;
    if (!report) return;
    const { asOf, csv } = report.economyStatistics;
    const filename = `${t('filename', undefined, this.locale)}-${asOf}.csv`;
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    emit(this, 'helhed-download', { filename });
  }

  protected override render() {
    const { locale } = this;
    return loadSection(this.load, {
      labelledBy: 'cost-heading',
      heading: html`<h2 id="cost-heading">${t('heading', undefined, locale)}</h2>`,
      ...loadFeedback(t, locale, () => this.fetchReport()),
      ready: (report) => this.renderReport(report),
    });
  }

  private renderReport(report: Report) {
    const { locale } = this;
    const { economyStatistics: s, targetGroups } = report;
    const groupName = new Map(targetGroups.map((g) => [g.key, g.name]));
    return html`<p class="as-of">${t('asOf', { date: s.asOf, min: String(s.minCellSize) }, locale)}</p>
      <button type="button" class="download" @click=${() => this.download()}>${t('download', undefined, locale)}</button>
      ${this.renderComparison(s.comparison, groupName)} ${this.renderShares(s.spendShares)} ${this.renderFollowUp(s.followUp)}`;
  }

  private money(ore: number | null): string {
    if (ore === null) return t('suppressed', undefined, this.locale);
    return formatKroner(ore, this.locale);
  }

  /** "3 af 5": of the citizens with a classified outcome, how many reliably improved. */
  private improvedShare(improved: number | null, withOutcome: number | null): string {
    if (improved === null || withOutcome === null) return t('suppressed', undefined, this.locale);
    if (withOutcome === 0) return t('noOutcome', undefined, this.locale);
    return t('improvedOf', { improved: String(improved), of: String(withOutcome) }, this.locale);
  }

  private count(n: number | null): string {
    return n === null ? t('suppressed', undefined, this.locale) : String(n);
  }

  private renderComparison(cells: Report['economyStatistics']['comparison'], groupName: Map<string, string>) {
    const { locale } = this;
    if (cells.length === 0) {
      return html`<h3>${t('comparison', undefined, locale)}</h3><p class="empty comparison">${t('noComparison', undefined, locale)}</p>`;
    }
    const head = [
      'targetGroup',
      'departmentKind',
      'n',
      'baseline',
      'firstYear',
      'change',
      'lowerCost',
      'improved',
    ] as const;
    return html`<h3 id="comparison-heading">${t('comparison', undefined, locale)}</h3>
      <div class="table-wrap" role="region" aria-labelledby="comparison-heading" tabindex="0"><table class="comparison" aria-labelledby="comparison-heading">
        <thead><tr>${head.map((h) => html`<th scope="col">${t(h, undefined, locale)}</th>`)}</tr></thead>
        <tbody>${cells.map(
          (
            c,
          ) => html`<tr data-suppressed=${String(c.suppressed)}><th scope="row">${groupName.get(c.targetGroup) ?? c.targetGroup}</th>
            <td>${t(c.departmentKind as 'OTHER', undefined, locale)}</td><td>${this.count(c.n)}</td>
            <td>${this.money(c.meanBaselineOre)}</td><td>${this.money(c.meanFirstYearOre)}</td>
            <td>${this.money(c.meanChangeOre)}</td><td>${this.count(c.lowerCost)}</td>
            <td>${this.improvedShare(c.improved, c.withOutcome)}</td></tr>`,
        )}</tbody></table></div>`;
  }

  private renderShares(shares: Report['economyStatistics']['spendShares']) {
    const { locale } = this;
    return html`<h3>${t('shares', undefined, locale)}</h3>
      <ul class="shares">${shares.map((s) =>
        s.suppressed || s.perMille === null
          ? html`<li data-suppressed="true">${t('shareSuppressed', { percent: String(s.percent) }, locale)}</li>`
          : html`<li>${t('share', { percent: String(s.percent), top: String(s.topCitizens), share: `${(s.perMille / 10).toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK')} %` }, locale)}</li>`,
      )}</ul>`;
  }

  private renderFollowUp(cells: Report['economyStatistics']['followUp']) {
    const { locale } = this;
    if (cells.length === 0) {
      return html`<h3>${t('followUp', undefined, locale)}</h3><p class="empty">${t('noFollowUp', undefined, locale)}</p>`;
    }
    const head = ['quarter', 'department', 'n', 'baselineShare', 'actual', 'change'] as const;
    return html`<h3 id="follow-up-heading">${t('followUp', undefined, locale)}</h3>
      <div class="table-wrap" role="region" aria-labelledby="follow-up-heading" tabindex="0"><table class="follow-up" aria-labelledby="follow-up-heading">
        <thead><tr>${head.map((h) => html`<th scope="col">${t(h, undefined, locale)}</th>`)}</tr></thead>
        <tbody>${cells.map(
          (
            c,
          ) => html`<tr data-suppressed=${String(c.suppressed)}><th scope="row">${c.quarter}</th><td>${c.department.name}</td>
            <td>${this.count(c.n)}</td><td>${this.money(c.baselineOre)}</td><td>${this.money(c.actualOre)}</td>
            <td>${this.money(c.differenceOre)}</td></tr>`,
        )}</tbody></table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-cost-report': HelhedCostReport;
  }
}
