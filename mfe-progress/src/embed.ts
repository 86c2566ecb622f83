// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// every element of mfe-progress. The page then writes, for example,
//   <helhed-session-feedback api="https://…/graphql" citizen-id="…" department-id="…" lang="da">
//   <helhed-progress-chart api="https://…/graphql" citizen-id="…">
// and sets the `token` or `tokenProvider` property on each.
import { defineProgressElements } from './define.js';

defineProgressElements();
