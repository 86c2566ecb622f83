// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// <helhed-caseload>. The page then writes, for example,
//   <helhed-caseload api="https://…/graphql" citizen-href="/borger/{id}" lang="da">
// and sets the `token` or `tokenProvider` property on it (a PROFESSIONAL's or COORDINATOR's token).
import { defineCaseloadElements } from './define.js';

defineCaseloadElements();
