import { tokens } from '@helhed/kit';
import { css } from 'lit';

/** Shared by the plan's forms: one column of labelled fields, messages under the field. */
export const formStyles = [
  tokens,
  css`
    :host {
      display: block;
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      padding: var(--_h-space-4);
      background: var(--_h-color-surface);
      margin: var(--_h-space-3) 0;
    }
    h3 {
      font-size: 1.125rem;
      margin: 0 0 var(--_h-space-3);
    }
    form {
      display: grid;
      gap: var(--_h-space-3);
    }
    .field {
      display: grid;
      gap: var(--_h-space-1);
      min-width: 0;
    }
    .row {
      display: grid;
      gap: var(--_h-space-3);
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    }
    label,
    legend {
      font-weight: 600;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    fieldset label {
      font-weight: 400;
      display: flex;
      align-items: center;
      gap: var(--_h-space-2);
      min-height: var(--_h-touch-target);
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_h-color-text);
      background: var(--_h-color-surface);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      padding: var(--_h-space-2);
      min-height: var(--_h-touch-target);
      width: 100%;
      max-width: 100%;
    }
    input[type='checkbox'] {
      width: 1.25rem;
      height: 1.25rem;
      min-height: 0;
      flex: none;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--_h-color-danger);
    }
    /* A date field's focus sits in its inner segments and picker button: ring the whole field. */
    :focus-visible,
    input[type='date']:focus-within {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .hint {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
      margin: 0;
    }
    .field-error,
    .form-error {
      color: var(--_h-color-danger);
      margin: 0;
      font-weight: 600;
    }
    .field-error .detail {
      font-weight: 400;
      font-size: var(--_h-font-size-small);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_h-space-2);
    }
    button {
      font: inherit;
      min-height: var(--_h-touch-target);
      padding: var(--_h-space-1) var(--_h-space-4);
      border: 2px solid var(--_h-color-primary);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface);
      color: var(--_h-color-primary);
      cursor: pointer;
    }
    button.primary {
      background: var(--_h-color-primary);
      color: var(--_h-color-on-primary);
    }
    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
];
