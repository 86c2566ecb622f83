import { formatDate, formatNumber, type Locale } from '@helhed/kit';
import { html } from 'lit';
import type { ProgressSeries } from './progress-chart.js';
import { t } from './progress-chart.messages.js';

/**
 * One series as a real table with a caption: the chart's alternative. Hidden visually unless
 * `shown`, never from screen readers. Tables ignore a 1px height, so a wrapper is what hides it.
 */
export function seriesTable(
  s: ProgressSeries,
  totalMax: number,
  caption: string,
  shown: boolean,
  locale: Locale,
) {
  const n = (v: number, digits = 1) => formatNumber(v, { locale, maximumFractionDigits: digits });
  return html`<div class=${shown ? 'table-wrap' : 'table-wrap visually-hidden'}>
    <table part="table" class="data">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t('colSession', undefined, locale)}</th>
          <th scope="col">${t('colDate', undefined, locale)}</th>
          <th scope="col">${t('colTotal', { max: n(totalMax) }, locale)}</th>
          <th scope="col">${t('colNormalized', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        ${s.points.map(
          (p, i) => html`<tr>
            <th scope="row">${p.session ?? i + 1}</th>
            <td>${formatDate(p.occurredAt, { locale })}</td>
            <td>${n(p.total)}</td>
            <td>${n(p.normalized, 2)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
