import { blockHost, focusRing, outlinedButtons, tokens, viewText } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  blockHost,
  viewText,
  focusRing,
  outlinedButtons,
  css`
    h3 {
      font-size: 1.125rem;
      margin: 0 0 var(--_h-space-2);
    }
    h3 .sub {
      display: block;
      font-weight: 400;
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-3);
      align-items: center;
      justify-content: space-between;
      margin-bottom: var(--_h-space-4);
    }
    .segmented {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_h-space-2);
    }
    .divergent {
      padding: var(--_h-space-3);
      border: 2px solid var(--_h-color-alert-orange);
      border-radius: var(--_h-radius);
      font-weight: 600;
    }
    figure.series {
      position: relative;
      margin: 0 0 var(--_h-space-6);
      padding: var(--_h-space-3);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      min-width: 0;
    }
    @media (max-width: 30rem) {
      figure.series {
        padding: var(--_h-space-2);
      }
    }
    .alert {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-2) var(--_h-space-3);
      align-items: baseline;
      padding: var(--_h-space-2) var(--_h-space-3);
      margin-bottom: var(--_h-space-3);
      border-left: 6px solid var(--_alert);
      background: var(--_h-color-surface-muted);
      border-radius: var(--_h-radius);
    }
    .alert-green {
      --_alert: var(--_h-color-alert-green);
    }
    .alert-orange {
      --_alert: var(--_h-color-alert-orange);
    }
    .alert-red {
      --_alert: var(--_h-color-alert-red);
    }
    .alert-grey {
      --_alert: var(--_h-color-alert-grey);
    }
    .badge {
      font-weight: 700;
      color: var(--_alert);
      white-space: nowrap;
    }
    .badge .icon {
      display: inline-grid;
      place-items: center;
      min-width: 1.5em;
      height: 1.5em;
      padding: 0 0.2em;
      border-radius: 0.75em;
      background: var(--_alert);
      color: var(--_h-color-surface);
      font-size: var(--_h-font-size-small);
    }
    .reasons {
      margin: 0;
      padding: 0;
      list-style: none;
      flex: 1 1 14rem;
    }
    .change {
      font-size: var(--_h-font-size-small);
    }
    svg.plot {
      display: block;
      max-width: 100%;
      height: auto;
      overflow: visible;
    }
    .grid line {
      stroke: var(--_h-color-border);
      stroke-opacity: 0.3;
    }
    text {
      font-family: var(--_h-font-family);
      fill: var(--_h-color-text);
      font-size: 12px;
    }
    text.tick,
    text.date,
    text.axis {
      fill: var(--_h-color-text-muted);
      font-size: 11px;
    }
    .band {
      fill: var(--_h-color-primary);
      fill-opacity: 0.12;
    }
    .cutoff {
      stroke: var(--_h-color-text);
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    .line {
      fill: none;
      stroke: var(--_h-color-primary);
      stroke-width: 2.5;
      stroke-linejoin: round;
    }
    .point circle {
      fill: var(--_h-color-surface);
      stroke: var(--_h-color-primary);
      stroke-width: 2.5;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-1) var(--_h-space-4);
      list-style: none;
      padding: 0;
      margin: var(--_h-space-2) 0 0;
      font-size: var(--_h-font-size-small);
      color: var(--_h-color-text-muted);
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: var(--_h-space-2);
    }
    .swatch {
      display: inline-block;
      width: 1.75rem;
      height: 0;
      border-top: 3px solid var(--_h-color-primary);
    }
    .swatch.cutoff {
      border-top: 2px dashed var(--_h-color-text);
    }
    .swatch.band {
      height: 0.75rem;
      border: 0;
      background: color-mix(in srgb, var(--_h-color-primary) 12%, transparent);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table.data {
      font-size: var(--_h-font-size-small);
      border-collapse: collapse;
      margin-top: var(--_h-space-3);
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: var(--_h-space-1);
    }
    th,
    td {
      text-align: start;
      padding: var(--_h-space-1) var(--_h-space-2) var(--_h-space-1) 0;
      border-bottom: 1px solid var(--_h-color-border);
      vertical-align: bottom;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      overflow: hidden !important;
      clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important;
      white-space: nowrap !important;
    }
    [role='alert'] {
      color: var(--_h-color-danger);
    }
    /* On paper the numbers stand beside each chart; the buttons do nothing there. */
    @media print {
      .controls {
        display: none;
      }
      .table-wrap.visually-hidden {
        position: static !important;
        width: auto !important;
        height: auto !important;
        overflow: visible !important;
        clip: auto !important;
        clip-path: none !important;
        white-space: normal !important;
      }
      figure.series {
        break-inside: avoid;
      }
    }
    @media (forced-colors: active) {
      .line,
      .point circle {
        stroke: CanvasText;
      }
      .badge .icon {
        forced-color-adjust: none;
      }
    }
  `,
];
