import { html, type TemplateResult } from 'lit';
import type { LoadController, LoadRenderers } from './load-controller.js';

/** Options of {@link loadSection}: the state templates, and what stands around them. */
export interface LoadSectionOptions<T> extends LoadRenderers<T, unknown> {
  /** The id the heading carries; the section is named by it. */
  labelledBy: string;
  /** The section's heading (or a header holding it), shown in every state. */
  heading: unknown;
  /** Busy for another reason than the load, e.g. a refresh that keeps the last answer on screen. */
  busy?: boolean;
  /** Places the state's template among the section's other parts (filters, a results box). */
  layout?: (body: unknown) => unknown;
}

/**
 * A widget's region around data it loads: named by its heading, and `aria-busy` while the data
 * is on its way so a screen reader reads the answer once, not each piece as it arrives.
 */
export function loadSection<T>(
  load: Pick<LoadController<T>, 'state' | 'render'>,
  { labelledBy, heading, busy = false, layout, ...renderers }: LoadSectionOptions<T>,
): TemplateResult {
  const body = load.render(renderers);
  const waiting = busy || load.state.status === 'loading';
  return html`<section aria-labelledby=${labelledBy} aria-busy=${waiting ? 'true' : 'false'}>
    ${heading} ${layout ? layout(body) : body}
  </section>`;
}
