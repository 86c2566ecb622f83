import { addMonths, copenhagenDate } from '@helhed/api/calendar';
import {
  clientFor,
  emit,
  formatDate,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  loadSection,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { graphql } from './gql/gql.js';
import type { ProgressionStatisticsQuery } from './gql/graphql.js';
import { statisticsChart } from './statistics.chart.js';
import { toCsv } from './statistics.csv.js';
import { type Filter, renderFilters } from './statistics.filters.js';
import { statisticsErrors, t } from './statistics.messages.js';
import { styles } from './statistics.styles.js';
import {
  cellLabel,
  type Dimension,
  dimensions,
  type GroupNames,
  type Period,
  type TableModel,
  tableModel,
} from './statistics.table.js';

const STATISTICS = graphql(`
  query ProgressionStatistics($filter: StatisticsFilter!, $lang: Language) {
    instruments { key name(lang: $lang) }
    departments { id kind name }
    targetGroups { key name }
    progressionStatistics(filter: $filter) {
      instrumentKey from to period groupBy minCellSize
      cells {
        departmentKind targetGroup interventionType period
        n improved noChange deteriorated recovered meanChange sdChange suppressed
      }
    }
  }
`);

/** The answer, as the generator types it from the schema. */
type Data = ProgressionStatisticsQuery;

/** What the filter form offers: the lists of the last answer, kept while the next one loads. */
type Choices = Pick<Data, 'instruments' | 'departments' | 'targetGroups'>;

/** Reads `group-by="DEPARTMENT_KIND PERIOD"` (spaces or commas); unknown names are dropped. */
const groupByConverter = {
  fromAttribute: (value: string | null): Dimension[] =>
    (value ?? '')
      .split(/[\s,]+/)
      .filter((d): d is Dimension => (dimensions as readonly string[]).includes(d)),
  toAttribute: (value: Dimension[]) => value.join(' '),
};

/** Target group names by key, so cells show a name where the API answers with a key. */
const groupNames = (data: Data): GroupNames => new Map(data.targetGroups.map((g) => [g.key, g.name]));

/**
 * @summary Anonymous progression statistics for leaders and analysts: filters for instrument,
 * department, target group, window, period and grouping; a bar chart of the shares improved,
 * unchanged and worse; the same numbers in a table; and a CSV download of exactly that table.
 * Suppressed cells are marked as suppressed, never drawn as zero. Target groups are named.
 *
 * @event helhed-load - The statistics arrived. `detail: { count }` (number of cells).
 * @event helhed-error - Loading failed. `detail: { code }`.
 * @event helhed-download - A CSV was made. `detail: { filename, rows }`.
 *
 * @csspart chart - The chart's SVG.
 * @csspart table - The table.
 *
 * @cssproperty --helhed-color-alert-green - Improved (likewise -grey for no change, -red for worse).
 */
export class HelhedStatistics extends HelhedApiElement {
  static override styles = styles;

  /** The instrument whose series are counted. */
  @property({ attribute: 'instrument-key' }) instrumentKey = 'outcome';
  /** Only this department (empty: the whole municipality). */
  @property({ attribute: 'department-id' }) departmentId = '';
  /** Only citizens in this target group (its key); the initial choice of the target group picker. */
  @property({ attribute: 'target-group' }) targetGroup = '';
  /** First day, YYYY-MM-DD; the API widens it to the start of its period. Default: a year ago. */
  @property() from = addMonths(copenhagenDate(Date.now()), -12);
  /** Last day, YYYY-MM-DD; the API widens it to the end of its period. Default: today in Copenhagen. */
  @property() to = copenhagenDate(Date.now());
  /** Calendar period for the window and for grouping by period. */
  @property() period: Period = 'MONTH';
  /** What the cells are grouped by; empty gives one cell for everyone. */
  @property({ attribute: 'group-by', converter: groupByConverter }) groupBy: Dimension[] = [
    'DEPARTMENT_KIND',
  ];

  @state() private draft: Filter = this.filter();
  @state() private width = 560;

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => [JSON.stringify(this.filter()), this.locale, this.connection] as const,
    task: (_, signal) => clientFor(this).request(STATISTICS, this.variables(), { signal }),
    onReady: (data) => {
      this.choices = data;
      emit(this, 'helhed-load', { count: data.progressionStatistics.cells.length });
    },
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
  });
  /** The filter the form was last reset to. */
  private draftFor = '';
  /** The lists of the last answer for the same connection and language, and which that was. */
  private choices: Choices | null = null;
  private choicesFor = '';
  private readonly resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width <= 0 || Math.abs(width - this.width) <= 4) return;
    // Next frame: redrawing inside the callback can end in a "ResizeObserver loop" error.
    requestAnimationFrame(() => {
      this.width = width;
    });
  });

  private get locale(): Locale {
    return this.localeController.locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  private filter(): Filter {
    const { instrumentKey, departmentId, targetGroup, from, to, period, groupBy } = this;
    return { instrumentKey, departmentId, targetGroup, from, to, period, groupBy: [...groupBy] };
  }

  protected override willUpdate(): void {
    const filter = this.filter();
    const connection = JSON.stringify([this.connection, this.locale]);
    // Another caller or language: the previous lists are not theirs to see while loading.
    if (connection !== this.choicesFor) {
      this.choices = null;
      this.choicesFor = connection;
    }
    if (JSON.stringify(filter) !== this.draftFor) {
      this.draftFor = JSON.stringify(filter);
      this.draft = filter;
    }
  }

  private variables() {
    return {
      lang: this.locale,
      filter: {
        instrumentKey: this.instrumentKey,
        departmentId: this.departmentId || null,
        targetGroup: this.targetGroup || null,
        from: this.from,
        to: this.to,
        period: this.period,
        groupBy: this.groupBy,
      },
    };
  }

  /** Reads the statistics for the current filter again. */
  fetchStatistics(): Promise<void> {
    return this.load.run();
  }

  private apply(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const { instrumentKey, departmentId, targetGroup, from, to, period, groupBy } = this.draft;
    Object.assign(this, {
      instrumentKey,
      departmentId,
      targetGroup,
      from,
      to,
      period,
      groupBy: [...groupBy],
    });
  }

  private edit<K extends keyof Filter>(key: K, value: Filter[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private toggleDimension(dimension: Dimension, on: boolean): void {
    const chosen = new Set(this.draft.groupBy);
    if (on) chosen.add(dimension);
    else chosen.delete(dimension);
    this.edit(
      'groupBy',
      dimensions.filter((d) => chosen.has(d)),
    );
  }

  private model(data: Data): TableModel {
    const name =
      data.instruments.find((i) => i.key === data.progressionStatistics.instrumentKey)?.name ??
      data.progressionStatistics.instrumentKey;
    return tableModel(data.progressionStatistics, name, this.locale, groupNames(data));
  }

  /** Builds the CSV of the table shown and hands it to the browser as a download. */
  download(): void {
    const data = this.load.value;
    if (!data) return;
    const { locale } = this;
    const result = data.progressionStatistics;
    const csv = toCsv(this.model(data), locale);
    const filename = `${t('filename', undefined, locale)}-${result.instrumentKey}-${result.from}-${result.to}.csv`;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    emit(this, 'helhed-download', { filename, rows: result.cells.length });
  }

  protected override render() {
    const { locale } = this;
    return loadSection(this.load, {
      labelledBy: 'heading',
      heading: html`<h2 id="heading">${t('heading', undefined, locale)}</h2>`,
      layout: (body) => html`${this.renderForm()}<div class="results">${body}</div>`,
      ...loadFeedback(t, locale, () => this.fetchStatistics(), statisticsErrors),
      ready: (data) => this.renderResult(data),
    });
  }

  private renderForm() {
    const { draft } = this;
    const data = this.load.value ?? this.choices;
    // Until the first answer, the chosen keys stand in for their names, so no choice is lost.
    const targetGroups = data?.targetGroups ?? [];
    return renderFilters({
      locale: this.locale,
      draft,
      instruments: data?.instruments ?? [{ key: draft.instrumentKey, name: draft.instrumentKey }],
      departments: data?.departments ?? [],
      targetGroups:
        draft.targetGroup && !targetGroups.some((g) => g.key === draft.targetGroup)
          ? [...targetGroups, { key: draft.targetGroup, name: draft.targetGroup }]
          : targetGroups,
      onEdit: (key, value) => this.edit(key, value),
      onToggle: (d, on) => this.toggleDimension(d, on),
      onApply: (e) => this.apply(e),
    });
  }

  private renderResult(data: Data) {
    const { locale } = this;
    const result = data.progressionStatistics;
    const span = t(
      'window',
      {
        from: formatDate(result.from, { locale }),
        to: formatDate(result.to, { locale }),
        unit: t(`unit${result.period}`, undefined, locale),
      },
      locale,
    );
    const intro = html`<p class="intro">${t('intro', { min: String(result.minCellSize) }, locale)}</p>
      <p class="window" role="status">${span}</p>`;
    if (result.cells.length === 0) return html`${intro}<p class="empty">${t('empty', undefined, locale)}</p>`;
    const model = this.model(data);
    const names = groupNames(data);
    const rows = result.cells.map((cell) => ({ label: cellLabel(result, cell, locale, names), cell }));
    return html`${intro}
      <figure class="chart-figure">
        ${statisticsChart(rows, this.width, locale)}
        ${this.renderLegend()}
      </figure>
      ${this.renderTable(model)}
      <p class="download">
        <button type="button" class="download-button" @click=${() => this.download()}>${t('download', undefined, locale)}</button>
        <span class="note">${t('downloadNote', undefined, locale)}</span>
      </p>`;
  }

  private renderLegend() {
    const { locale } = this;
    return html`<ul class="legend">
      <li><span class="swatch improved" aria-hidden="true"></span>${t('legendImproved', undefined, locale)}</li>
      <li><span class="swatch no-change" aria-hidden="true"></span>${t('legendNoChange', undefined, locale)}</li>
      <li><span class="swatch deteriorated" aria-hidden="true"></span>${t('legendDeteriorated', undefined, locale)}</li>
      <li><span class="swatch suppressed" aria-hidden="true"></span>${t('legendSuppressed', undefined, locale)}</li>
    </ul>`;
  }

  private renderTable(model: TableModel) {
    return html`<div class="table-wrap" role="region" aria-labelledby="table-caption" tabindex="0">
      <table part="table">
        <caption id="table-caption">${model.caption}</caption>
        <thead>
          <tr>${model.head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
        </thead>
        <tbody>
          ${model.rows.map(
            (row) => html`<tr data-suppressed=${row.suppressed ? 'true' : 'false'}>
              ${row.cells.map((c, i) =>
                i < model.keyColumns
                  ? html`<th scope="row">${c}</th>`
                  : html`<td class=${row.suppressed ? 'suppressed' : nothing}>${c}</td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-statistics': HelhedStatistics;
  }
}
