import { blockHost, documentText, focusRing, outlinedButtons, tokens } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  blockHost,
  documentText,
  focusRing,
  outlinedButtons,
  css`
    :host {
      overflow-wrap: anywhere;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_h-space-2);
    }
    h2 {
      margin: 0 0 var(--_h-space-3);
    }
    h3 {
      margin: var(--_h-space-5) 0 var(--_h-space-3);
    }
    h4 {
      margin: 0 0 var(--_h-space-1);
    }
    h5 {
      font-size: 1rem;
      margin: 0 0 var(--_h-space-1);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button.add {
      margin-top: var(--_h-space-3);
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .contact-points {
      font-size: 1.125rem;
    }
    .flags {
      display: grid;
      gap: var(--_h-space-2);
    }
    .flag,
    .disagreement,
    .divergent {
      border-left: 4px solid var(--_h-color-alert-orange);
      background: var(--_h-color-surface-muted);
      padding: var(--_h-space-2) var(--_h-space-3);
      border-radius: 0 var(--_h-radius) var(--_h-radius) 0;
    }
    .icon {
      display: inline-block;
      min-width: 1.25em;
      text-align: center;
      font-weight: 700;
      color: var(--_h-color-alert-orange);
    }
    .goal-list,
    .interventions {
      display: grid;
      gap: var(--_h-space-3);
    }
    .goal,
    .intervention {
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      padding: var(--_h-space-3);
    }
    .goal.dominant {
      border: 3px solid var(--_h-color-primary);
    }
    .goal-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_h-space-2);
      align-items: baseline;
    }
    .badge {
      display: inline-block;
      font-size: var(--_h-font-size-small);
      font-weight: 600;
      border: 1px solid currentColor;
      border-radius: 999px;
      padding: 0 var(--_h-space-2);
      margin-right: var(--_h-space-2);
    }
    .dominant-badge {
      color: var(--_h-color-primary);
    }
    .goal-text {
      font-size: 1.125rem;
    }
    .owners {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .citizen + .citizen {
      margin-top: var(--_h-space-4);
    }
    .progress-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_h-space-2) var(--_h-space-3);
      margin-bottom: var(--_h-space-2);
    }
    .bar {
      display: inline-block;
      width: 8rem;
      height: 0.75rem;
      border: 1px solid var(--_h-color-border);
      border-radius: 999px;
      overflow: hidden;
      flex: none;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: var(--_h-color-primary);
    }
    .sparkline polyline {
      fill: none;
      stroke: var(--_h-color-primary);
      stroke-width: 2;
    }
    .sparkline circle {
      fill: var(--_h-color-primary);
    }
    .sparkline .target-line {
      stroke: var(--_h-color-text-muted);
      stroke-dasharray: 3 3;
    }
    .goal-actions {
      margin-top: var(--_h-space-2);
    }
    .department {
      margin-bottom: var(--_h-space-4);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_h-space-1) var(--_h-space-3);
      margin: 0;
    }
    dt {
      color: var(--_h-color-text-muted);
    }
    dd {
      margin: 0;
    }
    .series li {
      padding: var(--_h-space-1) 0;
    }
    @media (max-width: 30rem) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: var(--_h-space-2);
      }
    }
    @media print {
      :host {
        color: #000;
        background: #fff;
        font-size: 11pt;
      }
      button,
      form,
      .goal-actions,
      helhed-goal-form,
      helhed-intervention-form {
        display: none !important;
      }
      .flag,
      .disagreement,
      .divergent,
      .goal,
      .intervention {
        background: none;
        border: 1px solid #000;
        break-inside: avoid;
      }
      .goal.dominant {
        border: 3px solid #000;
      }
      .owners,
      dt,
      .icon,
      .dominant-badge {
        color: #000;
      }
      .bar {
        border-color: #000;
      }
      .bar > span {
        background: #000;
        print-color-adjust: exact;
      }
      .sparkline polyline {
        stroke: #000;
      }
      .sparkline circle {
        fill: #000;
      }
    }
  `,
];
