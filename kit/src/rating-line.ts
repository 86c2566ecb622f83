import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { defineOnce } from './define.js';
import { formatNumber } from './format.js';
import { LocaleController } from './i18n.js';
import { highFace, lowFace } from './rating-faces.js';
import { ratingLineMessages as msg } from './rating-line.messages.js';
import { ratingLineStyles } from './rating-line.styles.js';

/** Detail of `helhed-input` and `helhed-change`: the value in human units (7.3, not 73). */
export interface RatingValueDetail {
  value: number;
}

/**
 * `helhed-input` / `helhed-change` from the rating line. Not added to HTMLElementEventMap: other
 * widgets may use the same event names with their own detail.
 */
export type RatingValueEvent = CustomEvent<RatingValueDetail>;

const nullableNumber = {
  fromAttribute: (value: string | null) => (value === null || value.trim() === '' ? null : Number(value)),
  toAttribute: (value: number | null) => (value === null ? null : String(value)),
};

function decimalsOf(step: number): number {
  const text = String(step);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/**
 * @summary A visual analogue line (0–10 by default) the citizen marks to give a rating. A form
 * control: it submits its value under `name` and supports `required`.
 *
 * The line starts with no value and no thumb; the citizen must mark it. Click or tap anywhere on
 * the line, drag the thumb, or use the keyboard: ←/↓ and →/↑ by `step`, Page Down/Up by one
 * whole point, Home/End to the ends. On an unset line the first arrow or page key places the
 * thumb at the middle of the line (rounded to `step`), like a native range input, instead of
 * moving from an end and implying an extreme answer; Home/End go straight to the ends.
 *
 * @event helhed-input - While the value moves (drag, each key). `detail: { value }`.
 * @event helhed-change - When the citizen commits a new value (pointer released, key pressed). `detail: { value }`.
 * @event change - Native-like change event, fired with `helhed-change`.
 * @event input - Native-like input event, fired with `helhed-input`.
 *
 * @csspart label - The visible label.
 * @csspart control - The focusable slider and its ≥ 44px tall hit area.
 * @csspart track - The line.
 * @csspart thumb - The marker for the value.
 * @csspart anchors - The low and high anchor texts (and faces).
 *
 * @cssproperty --helhed-rating-thumb-size - Diameter of the thumb (default 1.5rem).
 * @cssproperty --helhed-rating-track-color - Colour of the line (default `--helhed-color-border`).
 * @cssproperty --helhed-rating-thumb-color - Colour of the thumb (default `--helhed-color-primary`).
 */
export class HelhedRatingLine extends LitElement {
  static override styles = ratingLineStyles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static formAssociated = true;

  private readonly internals = this.attachInternals();
  private readonly localeController = new LocaleController(this);
  private committedValue: number | null = null;

  @query('.control') private control!: HTMLElement;
  @query('.track') private track!: HTMLElement;

  /** The rating in human units (e.g. 7.3), or `null` while the line is unmarked. */
  @property({ converter: nullableNumber }) value: number | null = null;
  /** Lowest value of the line. */
  @property({ type: Number }) min = 0;
  /** Highest value of the line. */
  @property({ type: Number }) max = 10;
  /** Granularity of the value; clicks and keys round to it. */
  @property({ type: Number }) step = 0.1;
  /** Visible label; it also names the slider for assistive technology. */
  @property() label = '';
  /** Anchor text at the low end (e.g. "Meget dårligt"). */
  @property({ attribute: 'low-label' }) lowLabel = '';
  /** Anchor text at the high end (e.g. "Rigtig godt"). */
  @property({ attribute: 'high-label' }) highLabel = '';
  /** Shows face anchors for the child variants. */
  @property({ type: Boolean, reflect: true }) faces = false;
  /** Makes an unmarked line invalid (`valueMissing`) in its form. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Ignores pointer and keyboard input and leaves the tab order. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Name under which the value (e.g. "7.3") is submitted with its form. */
  @property({ reflect: true }) name = '';

  /** Disabled through an ancestor `<fieldset disabled>`. */
  @state() private formDisabled = false;
  @state() private dragging = false;

  /** The value in tenths (73 for 7.3), as the API stores it; `null` when unmarked. */
  get valueTenths(): number | null {
    return this.value === null ? null : Math.round(this.value * 10);
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.committedValue = this.value;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const bounds = changed.has('min') || changed.has('max') || changed.has('step');
    if ((changed.has('value') || bounds) && this.value !== null) this.value = this.snap(this.value);
  }

  override updated(): void {
    const value = this.value;
    this.internals.setFormValue(value === null ? null : String(value));
    if (this.required && value === null) {
      this.internals.setValidity(
        { valueMissing: true },
        msg('valueMissing', undefined, this.locale),
        this.control,
      );
    } else {
      this.internals.setValidity({});
    }
    this.toggleAttribute('dragging', this.dragging);
  }

  /** @internal Form lifecycle: restores the `value` attribute (or no value). */
  formResetCallback(): void {
    this.value = nullableNumber.fromAttribute(this.getAttribute('value'));
    this.committedValue = this.value;
  }

  /** @internal Form lifecycle: disabled by the element itself or an ancestor fieldset. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @internal Form lifecycle: browser restores a value after navigation. */
  formStateRestoreCallback(restored: string | null): void {
    this.value = nullableNumber.fromAttribute(restored);
  }

  private get locale() {
    return this.localeController.locale;
  }

  /** Clamps to [min, max] and rounds to the step grid anchored at `min`, without float noise. */
  private snap(raw: number): number {
    const step = this.step > 0 ? this.step : 1;
    const clamped = Math.min(this.max, Math.max(this.min, raw));
    const snapped = this.min + Math.round((clamped - this.min) / step) * step;
    return Number(Math.min(this.max, snapped).toFixed(decimalsOf(step)));
  }

  private valueAt(clientX: number): number {
    const rect = this.track.getBoundingClientRect();
    const ratio = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return this.snap(this.min + ratio * (this.max - this.min));
  }

  private emit(kind: 'input' | 'change'): void {
    const value = this.value;
    if (value === null) return;
    if (kind === 'change') {
      if (value === this.committedValue) return;
      this.committedValue = value;
    }
    const detail: RatingValueDetail = { value };
    this.dispatchEvent(new CustomEvent(`helhed-${kind}`, { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new Event(kind, { bubbles: true, composed: kind === 'input' }));
  }

  private moveTo(value: number): void {
    const next = this.snap(value);
    if (next === this.value) return;
    this.value = next;
    this.emit('input');
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (this.isDisabled || event.button !== 0) return;
    event.preventDefault();
    this.control.focus();
    this.control.setPointerCapture(event.pointerId);
    this.dragging = true;
    this.moveTo(this.valueAt(event.clientX));
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (!this.dragging || !this.control.hasPointerCapture(event.pointerId)) return;
    this.moveTo(this.valueAt(event.clientX));
  };

  private readonly onPointerEnd = (event: PointerEvent): void => {
    if (!this.dragging) return;
    this.dragging = false;
    if (this.control.hasPointerCapture(event.pointerId)) this.control.releasePointerCapture(event.pointerId);
    this.emit('change');
  };

  private keyTarget(key: string): number | undefined {
    const { min, max, step } = this;
    if (key === 'Home') return min;
    if (key === 'End') return max;
    const delta: Record<string, number> = {
      ArrowRight: step,
      ArrowUp: step,
      ArrowLeft: -step,
      ArrowDown: -step,
      PageUp: Math.max(step, 1),
      PageDown: -Math.max(step, 1),
    };
    const change = delta[key];
    if (change === undefined) return undefined;
    return this.value === null ? (min + max) / 2 : this.value + change;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.isDisabled) return;
    const target = this.keyTarget(event.key);
    if (target === undefined) return;
    event.preventDefault();
    this.moveTo(target);
    this.emit('change');
  };

  override render() {
    const { value, min, max, locale } = this;
    const digits = decimalsOf(this.step);
    const valueText =
      value === null
        ? msg('notSet', undefined, locale)
        : msg(
            'valueText',
            {
              value: formatNumber(value, {
                locale,
                minimumFractionDigits: digits,
                maximumFractionDigits: digits,
              }),
              max: formatNumber(max, { locale }),
            },
            locale,
          );
    const percent = value === null ? 0 : ((value - min) / (max - min)) * 100;
    const hasAnchors = Boolean(this.lowLabel || this.highLabel || this.faces);
    return html`
      ${this.label ? html`<span id="label" class="label" part="label">${this.label}</span>` : nothing}
      <div
        class="control"
        part="control"
        role="slider"
        tabindex=${this.isDisabled ? -1 : 0}
        aria-labelledby=${this.label ? 'label' : nothing}
        aria-label=${!this.label && this.ariaLabel ? this.ariaLabel : nothing}
        aria-describedby=${hasAnchors ? 'anchors' : nothing}
        aria-valuemin=${min}
        aria-valuemax=${max}
        aria-valuenow=${value ?? min}
        aria-valuetext=${valueText}
        aria-disabled=${this.isDisabled ? 'true' : 'false'}
        aria-required=${this.required ? 'true' : 'false'}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerEnd}
        @pointercancel=${this.onPointerEnd}
        @keydown=${this.onKeyDown}
      >
        <div class="track" part="track">
          <div class="thumb" part="thumb" ?hidden=${value === null} style=${styleMap({ left: `${percent}%` })}></div>
        </div>
      </div>
      ${
        hasAnchors
          ? html`<div id="anchors" class="anchors" part="anchors">
              <span class="anchor low">${this.faces ? lowFace : nothing}${this.lowLabel}</span>
              <span class="anchor high">${this.faces ? highFace : nothing}${this.highLabel}</span>
            </div>`
          : nothing
      }
    `;
  }
}

/** Defines `<helhed-rating-line>` unless already defined; call it from each widget that uses it. */
export function defineRatingLine(): CustomElementConstructor {
  return defineOnce('helhed-rating-line', HelhedRatingLine);
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-rating-line': HelhedRatingLine;
  }
}
