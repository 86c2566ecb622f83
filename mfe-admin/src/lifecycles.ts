import { createElementLifecycles } from '@helhed/kit';
import { defineAdminElements } from './define.js';

defineAdminElements();

/** single-spa lifecycles: the admin page as an application. Props: `api`, `token` or `tokenProvider`. */
export const { bootstrap, mount, unmount, update } = createElementLifecycles('helhed-admin');
