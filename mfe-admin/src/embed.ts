// One script tag on a page: <script type="module" src=".../embed.js"></script> defines
// <helhed-admin> and <helhed-plan-start>. The page then writes <helhed-admin
// api="https://…/graphql" lang="da"> and sets the `token` or `tokenProvider` property on it (an
// ADMIN's token; a coordinator's or professional's for <helhed-plan-start family-id="…">).
import { defineAdminElements } from './define.js';

defineAdminElements();
