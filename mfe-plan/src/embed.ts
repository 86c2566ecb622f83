// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// every element of mfe-plan. The page then writes, for example,
//   <helhed-plan api="https://…/graphql" plan-id="…" lang="da"></helhed-plan>
// and sets the `token` or `tokenProvider` property on it.
import { definePlanElements } from './define.js';

definePlanElements();
