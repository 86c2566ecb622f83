import { css, unsafeCSS } from 'lit';

/**
 * Design tokens with their defaults. Host pages override any of them by setting the public
 * custom property `--helhed-<name>` on the widget or on any ancestor (e.g. `:root`).
 * Every text colour has at least 4.5:1 contrast on `color-surface`, borders at least 3:1.
 */
export const tokenDefaults = {
  'color-text': '#1f2328',
  'color-text-muted': '#57606a',
  'color-surface': '#ffffff',
  'color-surface-muted': '#f3f4f6',
  'color-border': '#6e7781',
  'color-primary': '#0a5aa8',
  'color-on-primary': '#ffffff',
  'color-danger': '#b42318',
  'color-alert-green': '#1a7f37',
  'color-alert-orange': '#9a4a00',
  'color-alert-red': '#b42318',
  'color-alert-grey': '#57606a',
  'focus-ring-color': '#0a5aa8',
  'focus-ring-width': '3px',
  'focus-ring-offset': '2px',
  'font-family': 'inherit',
  'font-size': '1rem',
  'font-size-small': '0.875rem',
  'line-height': '1.5',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-5': '1.5rem',
  'space-6': '2rem',
  radius: '0.375rem',
  'touch-target': '44px',
  'motion-duration': '150ms',
} as const;

/** Name of a design token; its public custom property is `--helhed-<name>`. */
export type TokenName = keyof typeof tokenDefaults;

/**
 * Shared `static styles` fragment. Each token resolves on `:host` into a private
 * `--_h-<name>` property: `var(--helhed-<name>, <default>)`. Components use `var(--_h-<name>)`
 * inside; declaring the public name on `:host` instead would beat the page's inherited value.
 */
export const tokens = css`
  :host {
    ${unsafeCSS(
      Object.entries(tokenDefaults)
        .map(([name, value]) => `--_h-${name}: var(--helhed-${name}, ${value});`)
        .join('\n'),
    )}
    font-family: var(--_h-font-family);
    font-size: var(--_h-font-size);
    line-height: var(--_h-line-height);
    color: var(--_h-color-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    /* Not inherit: a host page's "* { box-sizing: content-box }" reaches our host element. */
    box-sizing: border-box;
  }
`;
