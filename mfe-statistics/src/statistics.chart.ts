import { type Locale, numberFormat } from '@helhed/kit';
import { nothing, svg } from 'lit';
import { t } from './statistics.messages.js';
import type { StatisticsCell } from './statistics.table.js';

/** One bar of the chart: a cell and its name. */
export interface ChartRow {
  label: string;
  cell: StatisticsCell;
}

const ROW = 58;
const BAR = 22;
const PAD = 4;

/** Shares of improved, no change and worse, in percent of n (0 when n is 0). */
export function shares(cell: StatisticsCell): [number, number, number] {
  const n = cell.n ?? 0;
  if (n === 0) return [0, 0, 0];
  return [cell.improved ?? 0, cell.noChange ?? 0, cell.deteriorated ?? 0].map((v) => (100 * v) / n) as [
    number,
    number,
    number,
  ];
}

const kinds = ['improved', 'no-change', 'deteriorated'] as const;

/**
 * The cells as horizontal 100 % bars: improved, no change, worse, each with its own fill pattern
 * so colour is never the only difference. A suppressed cell is a dashed, hatched box with the
 * word "suppressed" — never a bar of zero. One `role="img"` with a summary; the table has the
 * numbers.
 */
export function statisticsChart(rows: ChartRow[], width: number, locale: Locale) {
  const w = Math.max(240, width);
  const inner = w - 2 * PAD;
  const height = rows.length * ROW + PAD;
  const percent = numberFormat(locale, { maximumFractionDigits: 0 });
  const count = numberFormat(locale, { useGrouping: false });
  const suppressedCount = rows.filter((r) => r.cell.suppressed).length;
  const label = t('chartLabel', { count: String(rows.length), suppressed: String(suppressedCount) }, locale);
  return svg`<svg class="chart" part="chart" role="img" aria-label=${label} width=${w} height=${height}
      viewBox="0 0 ${w} ${height}" focusable="false">
    <defs>
      <pattern id="p-no-change" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" class="fill-no-change"></rect>
        <circle cx="3" cy="3" r="1" class="dot"></circle>
      </pattern>
      <pattern id="p-deteriorated" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="fill-deteriorated"></rect>
        <line x1="0" y1="0" x2="0" y2="6" class="hatch"></line>
      </pattern>
      <pattern id="p-suppressed" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="8" class="hatch-muted"></line>
      </pattern>
    </defs>
    ${rows.map((row, i) => {
      const top = PAD + i * ROW;
      const barY = top + 24;
      if (row.cell.suppressed)
        return svg`<g class="row suppressed" data-suppressed="true">
          <text class="label" x=${PAD} y=${top + 16}>${row.label}</text>
          <rect class="suppressed-box" x=${PAD} y=${barY} width=${inner} height=${BAR} fill="url(#p-suppressed)"></rect>
          <text class="suppressed-text" x=${PAD + inner / 2} y=${barY + 15} text-anchor="middle">${t('suppressed', undefined, locale)}</text>
        </g>`;
      let x = PAD;
      const segments = shares(row.cell).map((share, k) => {
        const segment = { kind: kinds[k], x, width: (inner * share) / 100, share };
        x += segment.width;
        return segment;
      });
      return svg`<g class="row" data-suppressed="false">
        <text class="label" x=${PAD} y=${top + 16}>${t('barLabel', { label: row.label, n: count.format(row.cell.n ?? 0) }, locale)}</text>
        ${segments.map(
          (
            s,
          ) => svg`<rect class="segment ${s.kind}" x=${s.x} y=${barY} width=${Math.max(0, s.width)} height=${BAR}
              fill=${s.kind === 'improved' ? nothing : `url(#p-${s.kind})`}></rect>
            ${
              s.width >= 40
                ? svg`<text class="share ${s.kind}" x=${s.x + s.width / 2} y=${barY + 15} text-anchor="middle">${percent.format(s.share)} %</text>`
                : null
            }`,
        )}
      </g>`;
    })}
  </svg>`;
}
