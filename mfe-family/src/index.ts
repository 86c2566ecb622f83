/**
 * mfe-family: the family's own pages on a phone. Importing this module defines the elements
 * (once) and exports single-spa lifecycles: the signed-in page as an application and parcels.
 */

export { HelhedFamily, type LanguageChangeDetail } from './family.js';
export { type Catalog, catalogs } from './i18n/languages.js';
export { bootstrap, familyParcel, mount, unmount, update } from './lifecycles.js';
