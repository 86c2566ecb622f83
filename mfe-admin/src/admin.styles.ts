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
    h2 {
      font-size: 1.375rem;
      margin: 0 0 var(--_h-space-3);
    }
    h3 {
      font-size: 1.125rem;
      margin: 0 0 var(--_h-space-2);
    }
    section {
      padding: var(--_h-space-3);
      margin-bottom: var(--_h-space-4);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-3);
      align-items: end;
      margin-top: var(--_h-space-3);
    }
    label {
      display: grid;
      gap: var(--_h-space-1);
    }
    input,
    select,
    button {
      font: inherit;
      min-height: 44px;
    }
    button {
      padding: 0 var(--_h-space-3);
    }
    ul {
      margin: 0;
      padding-left: var(--_h-space-4);
    }
    li {
      margin: var(--_h-space-1) 0;
    }
    .muted {
      color: var(--_h-color-text-muted);
    }
    [role='alert'] {
      color: var(--_h-color-alert-red);
    }
  `,
];
