import { tokens } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    h3 {
      font-size: 1.25rem;
      margin: var(--_h-space-5) 0 var(--_h-space-3);
    }
    h4 {
      font-size: 1rem;
      margin: var(--_h-space-4) 0 var(--_h-space-2);
    }
    .note {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
    }
    th,
    td {
      padding: var(--_h-space-1) var(--_h-space-2);
      border-bottom: 1px solid var(--_h-color-border);
      text-align: start;
    }
    td.money,
    th.money {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    tfoot td,
    tfoot th {
      font-weight: 600;
    }
    button {
      min-height: var(--_h-touch-target);
      font: inherit;
    }
    button:focus-visible,
    .scroll:focus-visible {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
  `,
];
