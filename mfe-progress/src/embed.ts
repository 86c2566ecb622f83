// One script tag on a vendor page: <script type="module" src=".../embed.js"></script> defines
// the elements; the page then uses <helhed-instrument-catalog api="..."> with a token property.
import { defineProgressElements } from './define.js';

defineProgressElements();
