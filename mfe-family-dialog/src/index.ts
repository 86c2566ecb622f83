/**
 * mfe-family-dialog: the family dialogue meeting. Importing this module defines the element
 * (once) and exports single-spa lifecycles: the application and a parcel config.
 */
export { type ErrorDetail, HelhedFamilyDialog, type RatedDetail } from './family-dialog.js';
export { bootstrap, familyDialogParcel, mount, unmount, update } from './lifecycles.js';
