import { blockHost, outlinedButtons, tokens, viewText } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  blockHost,
  viewText,
  outlinedButtons,
  css`
    .filters {
      display: grid;
      gap: var(--_h-space-3);
      padding: var(--_h-space-3);
      margin-bottom: var(--_h-space-4);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
    }
    .fields {
      display: grid;
      gap: var(--_h-space-3);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    }
    .fields label {
      display: grid;
      gap: var(--_h-space-1);
      font-weight: 600;
    }
    select,
    input[type='date'] {
      font: inherit;
      font-weight: 400;
      min-height: var(--_h-touch-target);
      padding: 0 var(--_h-space-2);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      color: var(--_h-color-text);
      min-width: 0;
      max-width: 100%;
    }
    fieldset {
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      margin: 0;
      padding: var(--_h-space-2) var(--_h-space-3);
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_h-space-4);
    }
    legend {
      font-weight: 600;
      padding: 0 var(--_h-space-1);
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: var(--_h-space-2);
      min-height: var(--_h-touch-target);
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_h-color-primary);
    }
    button {
      justify-self: start;
    }
    /* A date field's focus sits in its inner segments and picker button: ring the whole field. */
    :is(button, select, input, .table-wrap):focus-visible,
    input[type='date']:focus-within {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .intro,
    .note {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .window {
      font-weight: 600;
    }
    .chart-figure {
      margin: 0 0 var(--_h-space-4);
      padding: var(--_h-space-3);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      min-width: 0;
    }
    svg.chart {
      display: block;
      max-width: 100%;
      height: auto;
      overflow: visible;
    }
    svg text {
      font-family: var(--_h-font-family);
      font-size: 13px;
      fill: var(--_h-color-text);
    }
    text.label {
      font-weight: 600;
    }
    .segment.improved,
    .fill-improved {
      fill: var(--_h-color-alert-green);
    }
    .fill-no-change {
      fill: var(--_h-color-alert-grey);
    }
    .fill-deteriorated {
      fill: var(--_h-color-alert-red);
    }
    .dot {
      fill: var(--_h-color-surface);
      fill-opacity: 0.35;
    }
    .hatch {
      stroke: var(--_h-color-surface);
      stroke-opacity: 0.35;
      stroke-width: 2;
    }
    .hatch-muted {
      stroke: var(--_h-color-border);
      stroke-opacity: 0.35;
      stroke-width: 2;
    }
    .segment {
      stroke: var(--_h-color-surface);
      stroke-width: 1;
    }
    text.share {
      fill: var(--_h-color-on-primary);
      font-weight: 700;
      paint-order: stroke;
      stroke-width: 3px;
      stroke-linejoin: round;
    }
    text.share.improved {
      stroke: var(--_h-color-alert-green);
    }
    text.share.no-change {
      stroke: var(--_h-color-alert-grey);
    }
    text.share.deteriorated {
      stroke: var(--_h-color-alert-red);
    }
    .suppressed-box {
      stroke: var(--_h-color-text-muted);
      stroke-width: 1.5;
      stroke-dasharray: 5 4;
    }
    text.suppressed-text {
      font-style: italic;
      fill: var(--_h-color-text-muted);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-1) var(--_h-space-4);
      list-style: none;
      padding: 0;
      margin: var(--_h-space-2) 0 0;
      font-size: var(--_h-font-size-small);
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: var(--_h-space-2);
    }
    .swatch {
      display: inline-block;
      width: 1.25rem;
      height: 0.875rem;
      border-radius: 2px;
    }
    .swatch.improved {
      background: var(--_h-color-alert-green);
    }
    .swatch.no-change {
      background: radial-gradient(circle, rgb(255 255 255 / 0.35) 1px, transparent 1.5px) 0 0 / 6px 6px,
        var(--_h-color-alert-grey);
    }
    .swatch.deteriorated {
      background: repeating-linear-gradient(45deg, rgb(255 255 255 / 0.35) 0 2px, transparent 2px 6px),
        var(--_h-color-alert-red);
    }
    .swatch.suppressed {
      border: 1.5px dashed var(--_h-color-text-muted);
    }
    .table-wrap {
      overflow-x: auto;
      margin-bottom: var(--_h-space-3);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
      font-size: var(--_h-font-size-small);
      background: var(--_h-color-surface);
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: var(--_h-space-1);
    }
    th,
    td {
      text-align: start;
      padding: var(--_h-space-1) var(--_h-space-2);
      border-bottom: 1px solid var(--_h-color-border);
      vertical-align: bottom;
    }
    td {
      text-align: end;
    }
    td.suppressed {
      font-style: italic;
      color: var(--_h-color-text-muted);
    }
    [role='alert'] {
      color: var(--_h-color-danger);
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      overflow: hidden !important;
      clip-path: inset(50%) !important;
      white-space: nowrap !important;
    }
    @media print {
      .filters,
      button,
      .note {
        display: none;
      }
      .chart-figure,
      table {
        break-inside: avoid;
      }
    }
    @media (forced-colors: active) {
      .segment,
      .suppressed-box {
        stroke: CanvasText;
      }
      .swatch {
        forced-color-adjust: none;
      }
    }
  `,
];
