import { defineOnce, defineRatingLine } from '@helhed/kit';
import { HelhedFamilyDialog } from './family-dialog.js';

/** Defines every element of mfe-family-dialog once, however often the module is loaded. */
export function defineFamilyDialogElements(): void {
  defineRatingLine();
  defineOnce('helhed-family-dialog', HelhedFamilyDialog);
}
