import { createElementLifecycles } from '@helhed/kit';
import { defineProgressElements } from './define.js';

defineProgressElements();

/** single-spa lifecycles: the instrument catalogue as an application or parcel. */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-instrument-catalog');
