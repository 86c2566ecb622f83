import {
  afterNextPaint,
  clientFor,
  emit,
  formatNumber,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  loadFeedback,
  loadSection,
  numberFormat,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { progressErrors } from './api-errors.messages.js';
import { graphql } from './gql/gql.js';
import type { ProgressChartQuery } from './gql/graphql.js';
import { forCode, t } from './progress-chart.messages.js';
import { normalisedTotal, type Plot, plotSeries } from './progress-chart.plot.js';
import { styles } from './progress-chart.styles.js';
import { seriesTable } from './progress-chart.table.js';

const PROGRESSION = graphql(`
  query ProgressChart($id: ID!, $lang: Language) {
    instruments { key kind direction totalMin totalMax name(lang: $lang) }
    citizen(id: $id) {
      progression {
        divergent
        series {
          instrumentKey respondentRole department { id name }
          points { occurredAt total normalized session }
          first latest change classification recovered alert alertReasons cutoff reliableChange
        }
      }
    }
  }
`);

/** The answer, as the generator types it from the schema. */
type Data = ProgressChartQuery;
/** One series as the `citizen.progression` query returns it. */
export type ProgressSeries = Data['citizen']['progression']['series'][number];
/** An instrument as the chart needs it; `kind` is unknown when the instrument is not listed. */
type ChartInstrument = Omit<Data['instruments'][number], 'kind'> & {
  kind: Data['instruments'][number]['kind'] | '';
};

const alertIcon = { GREEN: '✓', ORANGE: '!', RED: '!!', GREY: '…' } as const;

/**
 * @summary A citizen's progression: one line chart per series (instrument × department ×
 * respondent) with the clinical cutoff, the band of reliable change around the first
 * measurement, the alert colour and its reasons in words, and the same numbers as a table.
 * Re-reads the API when a `helhed-recorded` event for the same citizen reaches the document.
 *
 * @event helhed-load - The progression arrived. `detail: { count }` (number of series).
 * @event helhed-error - Loading failed. `detail: { code }`.
 *
 * @csspart series - One series' figure.
 * @csspart table - One series' table.
 *
 * @cssproperty --helhed-color-primary - The line and its points.
 * @cssproperty --helhed-color-alert-red - The red alert (likewise -green, -orange, -grey).
 */
export class HelhedProgressChart extends HelhedApiElement {
  static override styles = styles;

  /** The citizen whose progression is shown. */
  @property({ attribute: 'citizen-id' }) citizenId = '';
  /** `raw` shows the instrument's points, `normalized` the common 0–1 scale. */
  @property({ reflect: true }) scale: 'raw' | 'normalized' = 'raw';
  /** Shows the data tables (they are always there for screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  @state() private width = 560;
  /**
   * The hidden tables come a frame after the chart: laying out their rows with the chart's first
   * picture made one task of 50–100 ms (BENCHMARKS.md). Shown tables are drawn at once.
   */
  @state() private tablesDrawn = false;
  private tablesQueued = false;

  private readonly localeController = new LocaleController(this);
  private readonly load = new LoadController(this, {
    args: () => (this.citizenId ? ([this.citizenId, this.locale, this.connection] as const) : undefined),
    task: ([id, lang], signal) => clientFor(this).request(PROGRESSION, { id, lang }, { signal }),
    onReady: (data) => emit(this, 'helhed-load', { count: data.citizen.progression.series.length }),
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
    keepWhileLoading: true,
  });
  // The new width is applied in the next frame: redrawing inside the observer's callback can
  // resize the host again and end in a "ResizeObserver loop" error on the page.
  private readonly resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width <= 0 || Math.abs(width - this.width) <= 4) return;
    requestAnimationFrame(() => {
      this.width = width;
    });
  });
  private readonly onRecorded = (event: Event) => {
    if ((event as CustomEvent<{ citizenId?: string }>).detail?.citizenId === this.citizenId)
      void this.fetchProgression();
  };

  private get locale(): Locale {
    return this.localeController.locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    document.addEventListener('helhed-recorded', this.onRecorded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    document.removeEventListener('helhed-recorded', this.onRecorded);
  }

  protected override updated(): void {
    if (this.tablesQueued || !this.load.value) return;
    this.tablesQueued = true;
    void afterNextPaint().then(() => {
      this.tablesDrawn = true;
    });
  }

  /** Reads the progression again, e.g. after a measurement was recorded elsewhere. */
  fetchProgression(): Promise<void> {
    return this.load.run();
  }

  protected override render() {
    const { locale } = this;
    return loadSection(this.load, {
      labelledBy: 'heading',
      heading: html`<h2 id="heading">${t('heading', undefined, locale)}</h2>`,
      missing: () => html`<p>${t('missingId', undefined, locale)}</p>`,
      ...loadFeedback(t, locale, () => this.fetchProgression(), progressErrors),
      ready: ({ citizen }) => {
        const { series, divergent } = citizen.progression;
        if (series.length === 0) return html`<p class="empty">${t('empty', undefined, locale)}</p>`;
        return html`${divergent ? html`<p class="divergent"><span class="icon" aria-hidden="true">⇅</span> ${t('divergent', undefined, locale)}</p>` : nothing}
          ${this.renderControls()}
          ${series.map((s) => this.renderSeries(s))}`;
      },
    });
  }

  private renderControls() {
    const { locale } = this;
    const option = (scale: 'raw' | 'normalized', label: string) =>
      html`<button type="button" aria-pressed=${this.scale === scale ? 'true' : 'false'} data-scale=${scale}
        @click=${() => {
          this.scale = scale;
        }}>${label}</button>`;
    return html`<div class="controls">
      <div role="group" aria-labelledby="scale-label" class="segmented">
        <span id="scale-label">${t('scaleLabel', undefined, locale)}</span>
        ${option('raw', t('scaleRaw', undefined, locale))} ${option('normalized', t('scaleNormalized', undefined, locale))}
      </div>
      <button type="button" class="table-toggle" aria-expanded=${this.showTable ? 'true' : 'false'}
        @click=${() => {
          this.showTable = !this.showTable;
        }}>${t(this.showTable ? 'hideTable' : 'showTable', undefined, locale)}</button>
    </div>`;
  }

  private instrumentOf(s: ProgressSeries): ChartInstrument {
    const found = this.load.value?.instruments.find((i) => i.key === s.instrumentKey);
    const fallbackMax = Math.max(...s.points.map((p) => p.total), 1);
    return (
      found || {
        key: s.instrumentKey,
        kind: '',
        name: s.instrumentKey,
        direction: 'HIGHER_IS_BETTER',
        totalMin: 0,
        totalMax: fallbackMax,
      }
    );
  }

  private plotFor(s: ProgressSeries, instrument: ChartInstrument): Plot {
    const { locale } = this;
    const normalized = this.scale === 'normalized';
    const at = (total: number) => (normalized ? normalisedTotal(instrument, total) : total);
    const rc = s.reliableChange;
    const band: [number, number] | null =
      rc !== null && s.first !== null
        ? ([at(s.first - rc), at(s.first + rc)].sort((a, b) => a - b) as [number, number])
        : null;
    const n = (v: number) => formatNumber(v, { locale });
    const label = [
      t(
        'chartLabel',
        {
          name: instrument.name,
          count: s.points.length,
          latest: n(s.latest ?? 0),
          max: n(instrument.totalMax),
        },
        locale,
      ),
      s.cutoff === null ? '' : t('chartCutoff', { cutoff: n(s.cutoff) }, locale),
    ].join(' ');
    return {
      lo: normalized ? 0 : instrument.totalMin,
      hi: normalized ? 1 : instrument.totalMax,
      points: s.points.map((p, i) => ({
        session: p.session ?? i + 1,
        occurredAt: p.occurredAt,
        value: normalized ? p.normalized : p.total,
      })),
      cutoff: s.cutoff === null ? null : at(s.cutoff),
      band,
      label: label.trim(),
      sessionAxis: t('axisSession', undefined, locale),
    };
  }

  private renderSeries(s: ProgressSeries) {
    const { locale } = this;
    const instrument = this.instrumentOf(s);
    const caption = t(
      'caption',
      {
        name: instrument.name,
        department: s.department.name,
        role: forCode('role', s.respondentRole, locale),
      },
      locale,
    );
    const latestSession = s.points.at(-1)?.session ?? s.points.length;
    return html`<figure class="series" part="series" data-instrument=${s.instrumentKey} data-department=${s.department.id}
        data-alert=${s.alert} data-classification=${s.classification}>
      <h3>${instrument.name} <span class="sub">${s.department.name} · ${forCode('role', s.respondentRole, locale)}</span></h3>
      <div class="alert alert-${s.alert.toLowerCase()}">
        <span class="badge"><span class="icon" aria-hidden="true">${alertIcon[s.alert]}</span> ${forCode('colour', s.alert, locale)}</span>
        <ul class="reasons">
          ${this.reasonTexts(s, instrument, latestSession).map((text) => html`<li>${text}</li>`)}
        </ul>
      </div>
      ${this.renderChange(s, instrument)}
      ${plotSeries(this.plotFor(s, instrument), this.width, locale)}
      ${this.renderLegend(s)}
      ${this.showTable || this.tablesDrawn ? seriesTable(s, instrument.totalMax, caption, this.showTable, locale) : nothing}
    </figure>`;
  }

  private reasonTexts(s: ProgressSeries, instrument: ChartInstrument, session: number): string[] {
    const { locale } = this;
    if (s.alertReasons.length > 0)
      return s.alertReasons.map((code) => forCode('', code, locale, { session }));
    if (instrument.kind === 'SESSION') return [t('greenAlliance', undefined, locale)];
    return [t(s.classification === 'IMPROVED' ? 'greenImproved' : 'greenEarly', undefined, locale)];
  }

  private renderChange(s: ProgressSeries, instrument: ChartInstrument) {
    const { locale } = this;
    if (
      s.change === null ||
      s.first === null ||
      s.latest === null ||
      s.classification === 'INSUFFICIENT_DATA'
    )
      return nothing;
    const signed = numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const n = (v: number) => formatNumber(v, { locale });
    return html`<p class="change">
      ${t('change', { label: forCode('', s.classification, locale), change: signed.format(s.change), first: n(s.first), latest: n(s.latest), max: n(instrument.totalMax) }, locale)}
      ${s.recovered ? html`<br /><strong>${t('recovered', undefined, locale)}</strong>` : nothing}
    </p>`;
  }

  private renderLegend(s: ProgressSeries) {
    const { locale } = this;
    const n = (v: number) => formatNumber(v, { locale });
    return html`<ul class="legend" aria-hidden="true">
      <li><span class="swatch line"></span>${t('legendLine', undefined, locale)}</li>
      ${s.cutoff === null ? nothing : html`<li><span class="swatch cutoff"></span>${t('legendCutoff', { cutoff: n(s.cutoff) }, locale)}</li>`}
      ${s.reliableChange === null ? nothing : html`<li><span class="swatch band"></span>${t('legendBand', { rc: n(s.reliableChange) }, locale)}</li>`}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-progress-chart': HelhedProgressChart;
  }
}
