/**
 * mfe-caseload: who needs attention today. Importing this module defines the element (once) and
 * exports single-spa lifecycles: the default application and a parcel config.
 */

export type { AttentionKind, CaseloadResult, CaseloadRow, Reason } from './caseload.data.js';
export { HelhedCaseload, type OpenDetail } from './caseload.js';
export { bootstrap, caseloadParcel, mount, unmount, update } from './lifecycles.js';
