// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// <helhed-family> (signed in: set its `token` or `tokenProvider` to a PARENT's or CITIZEN's token)
// and <helhed-family-answer> (an invitation link's page: no sign-in, the token from #t=… or the
// `token` attribute).
import { defineFamilyAnswerElements } from './answer.js';
import { defineFamilyElements } from './define.js';

defineFamilyElements();
defineFamilyAnswerElements();
