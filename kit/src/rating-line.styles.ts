import { css } from 'lit';
import { tokens } from './tokens.js';

export const ratingLineStyles = [
  tokens,
  css`
    :host {
      display: block;
      min-width: 0;
      --_thumb-size: var(--helhed-rating-thumb-size, 1.5rem);
      --_track-color: var(--helhed-rating-track-color, var(--_h-color-border));
      --_thumb-color: var(--helhed-rating-thumb-color, var(--_h-color-primary));
    }
    :host([hidden]) {
      display: none;
    }
    .label {
      display: block;
      margin-block-end: var(--_h-space-1);
      font-weight: 600;
    }
    .control {
      position: relative;
      min-height: max(var(--_h-touch-target), 44px);
      padding-inline: calc(var(--_thumb-size) / 2);
      display: flex;
      align-items: center;
      cursor: pointer;
      border-radius: var(--_h-radius);
      /* Horizontal drags set the value; vertical swipes still scroll the page. */
      touch-action: pan-y;
      user-select: none;
      -webkit-tap-highlight-color: transparent;
      outline: none;
    }
    .control:focus-visible {
      outline: var(--_h-focus-ring-width) solid var(--_h-focus-ring-color);
      outline-offset: var(--_h-focus-ring-offset);
    }
    .track {
      position: relative;
      flex: 1;
      height: 4px;
      border-radius: 2px;
      background: var(--_track-color);
    }
    .track::before,
    .track::after {
      content: '';
      position: absolute;
      top: -8px;
      width: 2px;
      height: 20px;
      background: var(--_track-color);
    }
    .track::before {
      left: -1px;
    }
    .track::after {
      right: -1px;
    }
    .thumb {
      position: absolute;
      top: 50%;
      width: var(--_thumb-size);
      height: var(--_thumb-size);
      border-radius: 50%;
      background: var(--_thumb-color);
      border: 3px solid var(--_h-color-surface);
      box-shadow: 0 0 0 1px var(--_thumb-color);
      transform: translate(-50%, -50%);
      transition: left var(--_h-motion-duration) ease-out;
    }
    .thumb[hidden] {
      display: none;
    }
    :host([dragging]) .thumb {
      transition: none;
    }
    .anchors {
      display: flex;
      justify-content: space-between;
      gap: var(--_h-space-3);
      color: var(--_h-color-text-muted);
      font-size: var(--_h-font-size-small);
    }
    .anchor {
      display: flex;
      align-items: center;
      gap: var(--_h-space-2);
      max-width: 50%;
      overflow-wrap: anywhere;
    }
    .anchor.high {
      flex-direction: row-reverse;
      text-align: end;
    }
    .anchor svg {
      flex: none;
      color: var(--_h-color-text);
    }
    :host([disabled]) .control,
    .control[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    @media (prefers-reduced-motion: reduce) {
      .thumb {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      .track,
      .track::before,
      .track::after {
        background: CanvasText;
      }
      .thumb {
        background: Highlight;
        border-color: Canvas;
      }
    }
  `,
];
