import { type SVGTemplateResult, svg } from 'lit';

/**
 * Face anchors for the child variants, drawn for Helhed (simple circle, eyes and mouth). They
 * are decoration next to the anchor text, hidden from assistive technology.
 */
function face(mouth: string): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.5" />
    <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
    <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
    <path d=${mouth} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
  </svg>`;
}

/** Face for the low end of the line: a downturned mouth. */
export const lowFace = face('M7.5 17 Q12 13 16.5 17');
/** Face for the high end of the line: a smile. */
export const highFace = face('M7.5 14.5 Q12 19 16.5 14.5');
