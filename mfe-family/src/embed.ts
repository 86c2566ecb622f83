// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// <helhed-family> (signed in: set its `token` or `tokenProvider` to a PARENT's or CITIZEN's token).
import { defineFamilyElements } from './define.js';

defineFamilyElements();
