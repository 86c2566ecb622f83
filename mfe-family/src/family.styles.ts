import { tokens } from '@helhed/kit';
import { css } from 'lit';

/**
 * Mobile first (a 360 px phone), mirrored for right-to-left languages by using only logical
 * properties (inline/block, start/end), never left/right.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      min-width: 0;
      max-inline-size: 40rem;
      margin-inline: auto;
      text-align: start;
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      font-size: 1.375rem;
      line-height: 1.25;
      margin-block: 0 var(--_h-space-3);
    }
    h3 {
      font-size: 1.125rem;
      margin-block: var(--_h-space-4) var(--_h-space-2);
    }
    h4 {
      font-size: 1rem;
      margin-block: 0 var(--_h-space-2);
    }
    p {
      margin-block: 0 var(--_h-space-3);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-3);
      align-items: end;
      justify-content: space-between;
      margin-block-end: var(--_h-space-3);
    }
    .field {
      display: grid;
      gap: var(--_h-space-1);
      font-weight: 600;
      margin-block-end: var(--_h-space-3);
    }
    select,
    button,
    input[type='range'] {
      font: inherit;
      min-block-size: var(--_h-touch-target);
    }
    select {
      min-inline-size: 10rem;
      padding-inline: var(--_h-space-2);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      color: var(--_h-color-text);
    }
    button {
      min-inline-size: var(--_h-touch-target);
      padding-block: var(--_h-space-2);
      padding-inline: var(--_h-space-4);
      border: 1px solid var(--_h-color-primary);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      color: var(--_h-color-primary);
      cursor: pointer;
    }
    button.primary {
      background: var(--_h-color-primary);
      color: var(--_h-color-on-primary);
    }
    button[aria-pressed='true'] {
      background: var(--_h-color-primary);
      color: var(--_h-color-on-primary);
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    :is(button, select, input, a):focus-visible {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-2);
      margin-block-end: var(--_h-space-3);
      padding: 0;
      border: 0;
    }
    .chips legend {
      font-weight: 600;
      margin-block-end: var(--_h-space-2);
      padding: 0;
    }
    .card {
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      padding: var(--_h-space-3);
      margin-block-end: var(--_h-space-3);
      background: var(--_h-color-surface);
    }
    .about,
    .muted {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .badge {
      display: inline-block;
      margin-inline-start: var(--_h-space-2);
      padding-inline: var(--_h-space-2);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface-muted);
      color: var(--_h-color-text);
      font-size: var(--_h-font-size-small);
    }
    .roles li,
    .rows li {
      padding-block: var(--_h-space-1);
    }
    .rows li {
      border-block-end: 1px solid var(--_h-color-surface-muted);
      padding-block: var(--_h-space-2);
    }
    .rate {
      display: grid;
      gap: var(--_h-space-2);
      margin-block-start: var(--_h-space-3);
    }
    .rate-line {
      display: flex;
      align-items: center;
      gap: var(--_h-space-3);
    }
    input[type='range'] {
      flex: 1;
      min-inline-size: 0;
      accent-color: var(--_h-color-primary);
    }
    output {
      min-inline-size: 2.5rem;
      font-weight: 600;
      text-align: end;
    }
    .flag {
      color: var(--_h-color-alert-orange);
    }
    .note {
      margin-block: var(--_h-space-2) 0;
    }
    .error,
    .field-error {
      color: var(--_h-color-danger);
    }
    .field-error {
      font-weight: 400;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-2);
    }
  `,
];
