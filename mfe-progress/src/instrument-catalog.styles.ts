import { tokens } from '@helhed/kit';
import { css } from 'lit';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      font-family: var(--_h-font-family);
      color: var(--_h-color-text);
      line-height: var(--_h-line-height);
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 var(--_h-space-3);
    }
    ul.instruments {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_h-space-3);
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    }
    li.instrument {
      border: 1px solid var(--_h-color-border);
      border-radius: var(--_h-radius);
      padding: var(--_h-space-3);
      background: var(--_h-color-surface);
    }
    h3 {
      font-size: 1rem;
      margin: 0;
    }
    .meta {
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
      margin: var(--_h-space-1) 0;
    }
    [role='alert'] {
      color: var(--_h-color-danger);
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 0 var(--_h-space-3);
    }
  `,
];
