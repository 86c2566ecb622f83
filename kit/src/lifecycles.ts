/**
 * The part of single-spa's props this helper reads. Local, so kit does not depend on single-spa.
 * Applications get `name` plus their custom props; parcels also get `domElement`.
 */
export interface LifecycleProps {
  name?: string;
  domElement?: HTMLElement;
  [prop: string]: unknown;
}

/** A single-spa lifecycle function. */
export type LifecycleFn<P extends LifecycleProps = LifecycleProps> = (props: P) => Promise<void>;

/** Lifecycles for a single-spa application or parcel. */
export interface ElementLifecycles<P extends LifecycleProps = LifecycleProps> {
  bootstrap: LifecycleFn<P>;
  mount: LifecycleFn<P>;
  unmount: LifecycleFn<P>;
  update: LifecycleFn<P>;
}

/** Options of {@link createElementLifecycles}. */
export interface ElementLifecycleOptions<P extends LifecycleProps = LifecycleProps> {
  /**
   * Maps single-spa props to element properties. By default every prop except single-spa's own
   * (`name`, `domElement`, `singleSpa`, `mountParcel`, `unmountSelf`, ...) is set as a property.
   */
  propsToElement?: (props: P) => Record<string, unknown>;
}

const singleSpaProps = new Set([
  'name',
  'appName',
  'domElement',
  'domElementGetter',
  'singleSpa',
  'mountParcel',
  'unmountSelf',
]);

function customProps(props: LifecycleProps): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !singleSpaProps.has(key)));
}

interface Mounted {
  element: HTMLElement;
  /** Container we appended to the page ourselves, removed again on unmount. */
  ownContainer?: HTMLElement;
}

function container(
  props: LifecycleProps,
  tag: string,
): Pick<Mounted, 'ownContainer'> & { parent: HTMLElement } {
  if (props.domElement) return { parent: props.domElement };
  // Same id single-spa's framework helpers use, so the root config's layout can place it.
  const id = `single-spa-application:${props.name ?? tag}`;
  const existing = document.getElementById(id);
  if (existing) return { parent: existing };
  const created = document.createElement('div');
  created.id = id;
  document.body.append(created);
  return { parent: created, ownContainer: created };
}

/**
 * single-spa lifecycles that render one custom element. `mount` creates `<tag>` inside
 * `props.domElement` (parcels, or applications given one), else in the
 * `#single-spa-application:<name>` div (created when absent), and sets single-spa's custom
 * props as element *properties* (objects and functions such as `tokenProvider` survive).
 * `update` sets them again; `unmount` removes the element. Several parcels may share one
 * set of lifecycles; they are told apart by their `name` or `domElement`.
 */
export function createElementLifecycles<P extends LifecycleProps = LifecycleProps>(
  tag: string,
  options: ElementLifecycleOptions<P> = {},
): ElementLifecycles<P> {
  const toElement = options.propsToElement ?? customProps;
  const mounted = new Map<unknown, Mounted>();
  const keyOf = (props: P) => props.name ?? props.domElement ?? tag;

  function apply(element: HTMLElement, props: P): void {
    Object.assign(element, toElement(props));
  }

  return {
    bootstrap: async () => {},
    mount: async (props) => {
      const key = keyOf(props);
      if (mounted.has(key)) throw new Error(`${tag} is already mounted for ${String(key)}`);
      const { parent, ownContainer } = container(props, tag);
      const element = document.createElement(tag);
      apply(element, props);
      parent.append(element);
      mounted.set(key, { element, ownContainer });
    },
    update: async (props) => {
      const entry = mounted.get(keyOf(props));
      if (entry) apply(entry.element, props);
    },
    unmount: async (props) => {
      const key = keyOf(props);
      const entry = mounted.get(key);
      if (!entry) return;
      entry.element.remove();
      entry.ownContainer?.remove();
      mounted.delete(key);
    },
  };
}
