import { blockHost, tokens, viewText } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  blockHost,
  viewText,
  css`
    h3 {
      font-size: 1.125rem;
      margin: 0 0 var(--_h-space-2);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-4);
      align-items: end;
      padding: var(--_h-space-3);
      margin-bottom: var(--_h-space-4);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-3);
    }
    legend,
    .field {
      font-weight: 600;
    }
    .field {
      display: grid;
      gap: var(--_h-space-1);
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: var(--_h-space-2);
      min-height: var(--_h-touch-target);
    }
    input[type='radio'] {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    select,
    button {
      font: inherit;
      min-height: var(--_h-touch-target);
      padding: 0 var(--_h-space-3);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      color: var(--_h-color-text);
    }
    button {
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--_h-color-primary);
      border-color: var(--_h-color-primary);
      color: var(--_h-color-on-primary);
    }
    :focus-visible {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-2);
      margin-bottom: var(--_h-space-4);
    }
    .n {
      font-weight: 700;
      margin-left: var(--_h-space-1);
    }
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_h-space-3);
    }
    .row {
      border: 1px solid var(--_h-color-border);
      border-left-width: 0.5rem;
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      padding: var(--_h-space-3);
    }
    .row.red {
      border-left-color: var(--_h-color-alert-red);
    }
    .row.orange {
      border-left-color: var(--_h-color-alert-orange);
    }
    .born,
    .as-of,
    .contact,
    .calm {
      color: var(--_h-color-text-muted);
      font-weight: 400;
    }
    .reasons {
      margin: 0 0 var(--_h-space-2);
      padding-left: var(--_h-space-5);
    }
    nav a,
    h3 a {
      color: var(--_h-color-primary);
    }
    nav a {
      display: inline-flex;
      align-items: center;
      min-height: var(--_h-touch-target);
      margin-right: var(--_h-space-3);
    }
    [role='alert'] {
      color: var(--_h-color-danger);
    }
    .announce {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
