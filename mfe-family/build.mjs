import { buildWidget } from '../tooling/build-widget.mjs';

await buildWidget({ name: 'helhed-family' });
