/**
 * Defines a custom element unless the tag is already taken, e.g. when a vendor page loads the
 * same widget twice or two widgets bundle the same kit element. Never throws for a taken tag.
 *
 * @returns the constructor registered for `tag` (the existing one if it was already defined).
 */
export function defineOnce<T extends CustomElementConstructor>(
  tag: string,
  ctor: T,
): CustomElementConstructor {
  const existing = customElements.get(tag);
  if (existing) return existing;
  customElements.define(tag, ctor);
  return ctor;
}
