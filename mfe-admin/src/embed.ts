// One script tag on a page: <script type="module" src=".../embed.js"></script> defines
// <helhed-admin>. The page then writes <helhed-admin api="https://…/graphql" lang="da"> and sets
// the `token` or `tokenProvider` property on it (an ADMIN's token).
import { defineAdminElements } from './define.js';

defineAdminElements();
