import type { Page } from 'playwright-core';

/** The element that has focus, looked up through open shadow roots, as the test sees it. */
export interface Focused {
  tag: string;
  text: string;
  /** Tag names of the shadow hosts it sits in, outermost first. */
  hosts: string[];
  /** Whether a focus indicator is drawn: an outline or a box shadow. */
  indicated: boolean;
  /** Attributes a test can match on. */
  attributes: Record<string, string>;
}

/** Describes the focused element (deepest through shadow roots). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.tagName.toLowerCase());
      el = el.shadowRoot.activeElement;
    }
    if (!el) return { tag: '', text: '', hosts, indicated: false, attributes: {} };
    const style = getComputedStyle(el);
    // `auto` is the browser's own focus ring; otherwise an outline at least 2px wide.
    const outline =
      style.outlineStyle === 'auto' ||
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2);
    const shadow = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      hosts,
      indicated: outline || shadow,
      attributes: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `wanted` has focus, checking on the way that every stop
 * shows a focus indicator. Fails when `wanted` is not reached within `max` presses: a control
 * a keyboard cannot reach is a failure, not something to click instead.
 */
export async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  { max = 60, backwards = false } = {},
): Promise<Focused> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.tag && f.tag !== 'body' && !f.indicated)
      throw new Error(
        `focus is not visible on <${f.tag} ${JSON.stringify(f.attributes)}> "${f.text}" in ${f.hosts.join(' > ')}`,
      );
    if (wanted(f)) return f;
    stops.push(`${f.hosts.join('>')}>${f.tag}:${f.text.slice(0, 30)}`);
  }
  throw new Error(`not reached by keyboard in ${max} presses; went through:\n${stops.join('\n')}`);
}

/**
 * Proves focus is not trapped inside `host`: Tab moves on from the focused element until focus
 * is outside the shadow host (or back at the page), within `max` presses.
 */
export async function leavesByTab(page: Page, host: string, max = 80): Promise<void> {
  await tabTo(page, (f) => !f.hosts.includes(host) && f.tag !== host, { max });
}
