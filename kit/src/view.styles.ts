import { css } from 'lit';

/** A widget's host: a block that may shrink inside a grid or flex parent, and gone when `hidden`. */
export const blockHost = css`
  :host {
    display: block;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
`;

/** The heading and paragraph rhythm of the staff's list and chart views (caseload, progress, statistics). */
export const viewText = css`
  h2 {
    font-size: 1.375rem;
    line-height: 1.25;
    margin: 0 0 var(--_h-space-3);
  }
  p {
    margin: 0 0 var(--_h-space-3);
  }
`;

/**
 * The type scale of a plan read as a document, the same in the staff's plan and in the family's
 * dialogue view of it; each view keeps its own heading margins.
 */
export const documentText = css`
  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.25rem;
  }
  h4 {
    font-size: 1.0625rem;
  }
  p {
    margin: 0 0 var(--_h-space-2);
  }
`;
