// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// <helhed-family-dialog>. The page then writes, for example,
//   <helhed-family-dialog api="https://…/graphql" plan-id="…" lang="da" view="parent">
// and sets the `token` or `tokenProvider` property on it.
import { defineFamilyDialogElements } from './define.js';

defineFamilyDialogElements();
