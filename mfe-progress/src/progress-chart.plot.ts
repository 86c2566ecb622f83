import type { InstrumentDefinition } from '@helhed/api/instruments';
import { normalise, toTenths } from '@helhed/api/scoring';
import { formatDate, formatNumber, type Locale } from '@helhed/kit';
import { svg } from 'lit';

/** A total's range and direction, as the `instruments` query gives it. */
export interface TotalScale {
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  totalMin: number;
  totalMax: number;
}

/** One measurement as the chart draws it, in the axis' units. */
export interface PlotPoint {
  session: number;
  occurredAt: string;
  value: number;
}

/** Everything one series' chart needs, already in the chosen units (points or 0–1). */
export interface Plot {
  lo: number;
  hi: number;
  points: PlotPoint[];
  cutoff: number | null;
  band: [number, number] | null;
  label: string;
  sessionAxis: string;
}

/**
 * A total (human units) on the common 0–1 scale, through scoring's own `normalise` so the chart
 * and the API never disagree. `normalise` reads only the total's range and direction, so the
 * total is described to it as one line spanning that range.
 */
export function normalisedTotal(scale: TotalScale, total: number): number {
  const asOneLine = {
    direction: scale.direction,
    total: 'SINGLE',
    scale: { min: scale.totalMin, max: scale.totalMax, step: 0.1 },
    items: [{ key: 'total', label: { da: 'I alt', en: 'Total' } }],
  } satisfies Pick<InstrumentDefinition, 'direction' | 'total' | 'scale' | 'items'>;
  return normalise(asOneLine as InstrumentDefinition, toTenths(total));
}

const HEIGHT = 240;
const M = { top: 14, right: 14, bottom: 46, left: 40 };

/** Five evenly spaced ticks from lo to hi. */
function ticks(lo: number, hi: number): number[] {
  return [0, 1, 2, 3, 4].map((i) => lo + ((hi - lo) * i) / 4);
}

/** Short day.month for the axis; the table has the full date. */
function shortDate(iso: string, locale: Locale): string {
  return formatDate(iso, { locale }).replace(/[./-]\d{4}$/, '');
}

/**
 * Draws one series as an inline SVG line chart `width` pixels wide: grid and axis, the band of
 * reliable change around the first point, the clinical cutoff (dashed), the line and its points
 * with session numbers, and dates where there is room. Text, not colour, carries the meaning.
 */
export function plotSeries(plot: Plot, width: number, locale: Locale) {
  const w = Math.max(240, width);
  const innerW = w - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const y = (v: number) => M.top + innerH * (1 - (v - plot.lo) / (plot.hi - plot.lo || 1));
  const n = plot.points.length;
  const pad = Math.min(24, innerW / 8);
  const x = (i: number) =>
    M.left + pad + (n <= 1 ? (innerW - 2 * pad) / 2 : ((innerW - 2 * pad) * i) / (n - 1));
  const spacing = n <= 1 ? innerW : (innerW - 2 * pad) / (n - 1);
  const showDate = (i: number) => spacing >= 64 || i === 0 || i === n - 1;
  const fmt = (v: number) => formatNumber(v, { locale, maximumFractionDigits: 2 });
  const line = plot.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const band = plot.band;
  return svg`<svg class="plot" role="img" aria-label=${plot.label} width=${w} height=${HEIGHT}
      viewBox="0 0 ${w} ${HEIGHT}" focusable="false">
    <g class="grid" aria-hidden="true">
      ${ticks(plot.lo, plot.hi).map(
        (v) => svg`<line x1=${M.left} x2=${w - M.right} y1=${y(v)} y2=${y(v)}></line>
          <text class="tick" x=${M.left - 6} y=${y(v) + 4} text-anchor="end">${fmt(v)}</text>`,
      )}
    </g>
    ${
      band
        ? svg`<rect class="band" x=${M.left} width=${innerW} y=${y(Math.min(plot.hi, band[1]))}
            height=${Math.max(0, y(Math.max(plot.lo, band[0])) - y(Math.min(plot.hi, band[1])))}></rect>`
        : null
    }
    ${
      plot.cutoff === null
        ? null
        : svg`<line class="cutoff" x1=${M.left} x2=${w - M.right} y1=${y(plot.cutoff)} y2=${y(plot.cutoff)}></line>`
    }
    <polyline class="line" points=${line}></polyline>
    ${plot.points.map(
      (p, i) => svg`<g class="point">
        <circle cx=${x(i)} cy=${y(p.value)} r="5"></circle>
        <text class="session" x=${x(i)} y=${HEIGHT - M.bottom + 18} text-anchor="middle">${p.session}</text>
        ${
          showDate(i)
            ? svg`<text class="date" x=${x(i)} y=${HEIGHT - M.bottom + 34} text-anchor="middle">${shortDate(p.occurredAt, locale)}</text>`
            : null
        }
      </g>`,
    )}
    <text class="axis" x="2" y=${HEIGHT - M.bottom + 18}>${plot.sessionAxis}</text>
  </svg>`;
}
