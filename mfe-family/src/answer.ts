/**
 * mfe-family/answer: the invitation link page, a bundle of its own so the phone that opens a
 * link loads only that. Importing it defines `helhed-family-answer` (once) and exports single-spa
 * lifecycles.
 */
import { createElementLifecycles, defineOnce } from '@helhed/kit';
import { HelhedFamilyAnswer } from './family-answer.js';

export { HelhedFamilyAnswer } from './family-answer.js';

/** Defines the link page's element once, however often the module is loaded. */
export function defineFamilyAnswerElements(): void {
  defineOnce('helhed-family-answer', HelhedFamilyAnswer);
}

defineFamilyAnswerElements();

/** single-spa lifecycles of the link page. Props: `api`, and `token` when not in `location.hash`. */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-family-answer');
