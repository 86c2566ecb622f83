import { css } from 'lit';

/** The keyboard focus ring on buttons, from the `--helhed-focus-ring-*` tokens. */
export const focusRing = css`
  button:focus-visible {
    outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
    outline-offset: var(--_h-focus-ring-offset);
  }
`;

/**
 * Buttons for forms filled in on a phone: at least 48 px high, full width on a narrow screen;
 * `primary` filled, `secondary` outlined, `aria-disabled` while a request is on its way.
 */
export const touchButtons = css`
  button {
    font: inherit;
    font-weight: 600;
    min-height: max(var(--_h-touch-target), 48px);
    padding: var(--_h-space-2) var(--_h-space-5);
    border-radius: var(--_h-radius);
    cursor: pointer;
    width: 100%;
  }
  @media (min-width: 30rem) {
    button {
      width: auto;
    }
  }
  button.primary {
    background: var(--_h-color-primary);
    color: var(--_h-color-on-primary);
    border: 2px solid var(--_h-color-primary);
  }
  button.secondary {
    background: var(--_h-color-surface);
    color: var(--_h-color-primary);
    border: 2px solid var(--_h-color-primary);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;

/**
 * Outlined buttons for views used at a desk (retry, show as table, period): touch-target high,
 * filled when `primary` or pressed (`aria-pressed="true"`).
 */
export const outlinedButtons = css`
  button {
    font: inherit;
    min-height: var(--_h-touch-target);
    padding: var(--_h-space-1) var(--_h-space-3);
    border: 2px solid var(--_h-color-primary);
    border-radius: var(--_h-radius);
    background: var(--_h-color-surface);
    color: var(--_h-color-primary);
    cursor: pointer;
  }
  button.primary,
  button[aria-pressed='true'] {
    background: var(--_h-color-primary);
    color: var(--_h-color-on-primary);
  }
`;
