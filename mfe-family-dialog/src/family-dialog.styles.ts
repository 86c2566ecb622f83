import { documentText, tokens, touchButtons } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  documentText,
  touchButtons,
  css`
    :host {
      display: block;
      max-width: 48rem;
      min-width: 0;
      overflow-wrap: anywhere;
      --_fd-c0: var(--helhed-dialog-mark-1, #0a5aa8);
      --_fd-c1: var(--helhed-dialog-mark-2, #9a4a00);
      --_fd-c2: var(--helhed-dialog-mark-3, #1a7f37);
      --_fd-c3: var(--helhed-dialog-mark-4, #8250df);
      --_fd-c4: var(--helhed-dialog-mark-5, #b42318);
      --_fd-c5: var(--helhed-dialog-mark-6, #57606a);
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      margin: 0 0 var(--_h-space-1);
    }
    h3 {
      margin: var(--_h-space-5) 0 var(--_h-space-2);
    }
    h4 {
      margin: 0 0 var(--_h-space-2);
    }
    .muted,
    .role {
      color: var(--_h-color-text-muted);
    }
    .role {
      font-weight: 400;
      font-size: var(--_h-font-size);
    }
    .panel,
    .goal {
      padding: var(--_h-space-3);
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface-muted);
      margin: 0 0 var(--_h-space-3);
    }
    .panel > h3:first-child {
      margin-top: 0;
    }
    .meeting {
      border-left: 4px solid var(--_h-color-alert-green);
    }
    .goal {
      border: 1px solid var(--_h-color-border);
      background: var(--_h-color-surface);
    }
    .scale {
      position: relative;
      height: 5.5rem;
      margin: var(--_h-space-2) 1rem var(--_h-space-1);
    }
    .track {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 1.6rem;
      border-top: 3px solid var(--_h-color-border);
    }
    .end {
      position: absolute;
      bottom: 0;
      font-size: var(--_h-font-size-small);
      color: var(--_h-color-text-muted);
      transform: translateX(-50%);
      white-space: nowrap;
    }
    .end.low {
      left: 0;
    }
    .end.high {
      left: 100%;
    }
    .dot {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.75rem;
      height: 1.75rem;
      border-radius: 50%;
      font-weight: 700;
      font-size: var(--_h-font-size-small);
      color: #fff;
      background: var(--_fd-c0);
      border: 2px solid var(--_h-color-surface);
      box-shadow: 0 0 0 1px var(--_h-color-text);
    }
    .scale .dot {
      position: absolute;
      transform: translateX(-50%);
    }
    .dot.small {
      width: 1.5rem;
      height: 1.5rem;
      flex: none;
    }
    .dot.earlier {
      opacity: 0.55;
    }
    .c1 {
      background: var(--_fd-c1);
    }
    .c2 {
      background: var(--_fd-c2);
    }
    .c3 {
      background: var(--_fd-c3);
    }
    .c4 {
      background: var(--_fd-c4);
    }
    .c5 {
      background: var(--_fd-c5);
    }
    ul {
      margin: 0 0 var(--_h-space-2);
      padding-left: var(--_h-space-4);
    }
    ul.marks {
      list-style: none;
      padding: 0;
      display: grid;
      gap: var(--_h-space-1);
    }
    ul.marks li {
      display: flex;
      gap: var(--_h-space-2);
      align-items: center;
    }
    .change {
      white-space: nowrap;
      font-weight: 600;
    }
    .spread {
      font-weight: 600;
    }
    .flag {
      padding: var(--_h-space-2) var(--_h-space-3);
      border-left: 4px solid var(--_h-color-alert-orange);
      background: var(--_h-color-surface-muted);
      font-weight: 600;
    }
    .rate {
      margin-top: var(--_h-space-3);
      padding-top: var(--_h-space-3);
      border-top: 1px solid var(--_h-color-surface-muted);
    }
    .note.refused,
    .error,
    [role='alert'] {
      color: var(--_h-color-danger);
      font-weight: 600;
    }
    .note.pending {
      color: var(--_h-color-alert-orange);
    }
    .note:empty,
    .error:empty {
      display: none;
    }
    fieldset {
      border: 0;
      margin: 0 0 var(--_h-space-3);
      padding: 0;
      min-width: 0;
    }
    legend,
    .label {
      font-weight: 600;
      padding: 0;
      margin-bottom: var(--_h-space-2);
    }
    .choice {
      display: flex;
      align-items: center;
      gap: var(--_h-space-2);
      min-height: var(--_h-touch-target);
      padding: var(--_h-space-1) var(--_h-space-2);
      border-radius: var(--_h-radius);
      cursor: pointer;
    }
    .choice:has(input:checked) {
      background: var(--_h-color-surface);
      outline: 2px solid var(--_h-color-primary);
    }
    input[type='radio'],
    input[type='checkbox'] {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
      flex: none;
      accent-color: var(--_h-color-primary);
    }
    label.block,
    form.add label {
      display: grid;
      gap: var(--_h-space-1);
      margin-bottom: var(--_h-space-3);
      font-weight: 600;
    }
    input:not([type='radio']):not([type='checkbox']),
    select,
    textarea {
      font: inherit;
      font-weight: 400;
      min-height: var(--_h-touch-target);
      padding: var(--_h-space-2);
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      width: 100%;
      max-width: 100%;
      background: var(--_h-color-surface);
      color: var(--_h-color-text);
    }
    form.add {
      margin-bottom: var(--_h-space-3);
    }
    /* A date field's focus sits in its inner segments and picker button: ring the whole field. */
    :focus-visible,
    input[type='date']:focus-within {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .rate helhed-rating-line {
      margin-bottom: var(--_h-space-2);
    }
    blockquote.agreements {
      margin: 0 0 var(--_h-space-3);
      padding: var(--_h-space-2) var(--_h-space-3);
      border-left: 4px solid var(--_h-color-primary);
      background: var(--_h-color-surface);
    }
    .accepted {
      color: var(--_h-color-alert-green);
      font-weight: 600;
    }
    details {
      border-top: 1px solid var(--_h-color-border);
      padding: var(--_h-space-2) 0;
    }
    summary {
      min-height: var(--_h-touch-target);
      display: flex;
      align-items: center;
      cursor: pointer;
      font-weight: 600;
    }
    summary::before {
      content: '▸';
      margin-right: var(--_h-space-2);
    }
    details[open] summary::before {
      content: '▾';
    }
    .goal-text {
      font-weight: 600;
    }
    @media (forced-colors: active) {
      .dot {
        forced-color-adjust: none;
      }
    }
  `,
];
