// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// <helhed-statistics>. The page then writes, for example,
//   <helhed-statistics api="https://…/graphql" instrument-key="outcome" group-by="DEPARTMENT_KIND" lang="da">
// and sets the `token` or `tokenProvider` property on it (a token for ANALYST, COORDINATOR or ADMIN).
import { defineStatisticsElements } from './define.js';

defineStatisticsElements();
