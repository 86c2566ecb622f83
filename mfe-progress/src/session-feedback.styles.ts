import { focusRing, tokens, touchButtons } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  focusRing,
  touchButtons,
  css`
    :host {
      display: block;
      max-width: 40rem;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      font-size: 1.375rem;
      line-height: 1.25;
      margin: 0 0 var(--_h-space-2);
    }
    /* Focus is moved to the heading so the next part is read out; it is not a control. */
    h2:focus {
      outline: none;
    }
    p {
      margin: 0 0 var(--_h-space-3);
    }
    .meta {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
      margin-bottom: var(--_h-space-1);
    }
    ol.lines {
      list-style: none;
      margin: 0 0 var(--_h-space-3);
      padding: 0;
      display: grid;
      gap: var(--_h-space-4);
    }
    ol.lines > li {
      padding: var(--_h-space-3);
      border: 1px solid transparent;
      border-radius: var(--_h-radius);
      background: var(--_h-color-surface-muted);
    }
    ol.lines > li.missing {
      border: 2px solid var(--_h-color-danger);
    }
    .line-missing,
    .error {
      color: var(--_h-color-danger);
      font-weight: 600;
    }
    .line-missing {
      margin: var(--_h-space-1) 0 0;
      font-size: var(--_h-font-size-small);
    }
    .error:not(:empty) {
      margin-bottom: var(--_h-space-3);
    }
    .results {
      display: grid;
      gap: var(--_h-space-2);
    }
    .result {
      padding: var(--_h-space-2) var(--_h-space-3);
      border-radius: var(--_h-radius);
      border-left: 4px solid var(--_h-color-alert-green);
      background: var(--_h-color-surface-muted);
    }
    .result.pending {
      border-left-color: var(--_h-color-alert-orange);
    }
    .result.refused {
      border-left-color: var(--_h-color-danger);
    }
    [role='alert'] {
      color: var(--_h-color-danger);
    }
    @media (forced-colors: active) {
      ol.lines > li.missing {
        border-color: Mark;
      }
    }
  `,
];
