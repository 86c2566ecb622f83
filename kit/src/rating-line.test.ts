import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { setLocale } from './i18n.js';
import { defineRatingLine, type HelhedRatingLine, type RatingValueEvent } from './rating-line.js';

defineRatingLine();

function slider(el: HelhedRatingLine): HTMLElement {
  const control = el.shadowRoot?.querySelector<HTMLElement>('[role="slider"]');
  if (!control) throw new Error('no slider rendered');
  return control;
}

function track(el: HelhedRatingLine): DOMRect {
  const line = el.shadowRoot?.querySelector('[part="track"]');
  if (!line) throw new Error('no track rendered');
  return line.getBoundingClientRect();
}

/** Viewport point at `ratio` of the line's width, vertically in its middle. */
function pointOnLine(el: HelhedRatingLine, ratio: number): [number, number] {
  const rect = track(el);
  return [Math.round(rect.left + ratio * rect.width), Math.round(rect.top + rect.height / 2)];
}

function record(el: HelhedRatingLine) {
  const seen = { input: [] as number[], change: [] as number[], nativeChange: 0 };
  el.addEventListener('helhed-input', (e) => seen.input.push((e as RatingValueEvent).detail.value));
  el.addEventListener('helhed-change', (e) => seen.change.push((e as RatingValueEvent).detail.value));
  el.addEventListener('change', () => seen.nativeChange++);
  return seen;
}

async function press(el: HelhedRatingLine, ...keys: string[]) {
  for (const key of keys) await sendKeys({ press: key });
  await el.updateComplete;
}

describe('helhed-rating-line', () => {
  afterEach(async () => {
    await resetMouse();
    setLocale(null);
  });

  describe('keyboard', () => {
    it('moves by 0.1 with the arrow keys', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="5"></helhed-rating-line>`,
      );
      el.focus();
      await press(el, 'ArrowRight');
      expect(el.value).to.equal(5.1);
      await press(el, 'ArrowUp', 'ArrowUp');
      expect(el.value).to.equal(5.3);
      await press(el, 'ArrowLeft', 'ArrowDown', 'ArrowDown', 'ArrowDown');
      expect(el.value).to.equal(4.9);
    });

    it('moves a whole point with Page Up / Page Down', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="7.3"></helhed-rating-line>`,
      );
      el.focus();
      await press(el, 'PageUp');
      expect(el.value).to.equal(8.3);
      await press(el, 'PageDown', 'PageDown');
      expect(el.value).to.equal(6.3);
    });

    it('jumps to the ends with Home / End and stays within them', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="4"></helhed-rating-line>`,
      );
      el.focus();
      await press(el, 'End');
      expect(el.value).to.equal(10);
      await press(el, 'ArrowRight', 'PageUp');
      expect(el.value).to.equal(10);
      await press(el, 'Home', 'ArrowLeft');
      expect(el.value).to.equal(0);
    });

    it('places the thumb at the middle on the first arrow key of an unset line', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      el.focus();
      await press(el, 'ArrowLeft');
      expect(el.value).to.equal(5);
      await press(el, 'ArrowLeft');
      expect(el.value).to.equal(4.9);
    });

    it('fires helhed-input, helhed-change and change per key press', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="2"></helhed-rating-line>`,
      );
      const seen = record(el);
      el.focus();
      await press(el, 'ArrowRight', 'ArrowRight');
      expect(seen.input).to.deep.equal([2.1, 2.2]);
      expect(seen.change).to.deep.equal([2.1, 2.2]);
      expect(seen.nativeChange).to.equal(2);
      await press(el, 'Home', 'Home');
      expect(seen.change).to.deep.equal([2.1, 2.2, 0]);
    });

    it('respects a custom range and step (GAS −2…+2)', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Mål" min="-2" max="2" step="1"></helhed-rating-line>`,
      );
      el.focus();
      await press(el, 'ArrowRight');
      expect(el.value).to.equal(0);
      await press(el, 'ArrowRight', 'ArrowRight', 'ArrowRight');
      expect(el.value).to.equal(2);
      await press(el, 'PageDown');
      expect(el.value).to.equal(1);
    });
  });

  describe('pointer', () => {
    it('sets the value where the line is clicked, rounded to the step', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      const [x, y] = pointOnLine(el, 0.73);
      const rect = track(el);
      const expected = Math.round(((x - rect.left) / rect.width) * 100) / 10;
      const changed = oneEvent(el, 'helhed-change');
      await sendMouse({ type: 'click', position: [x, y] });
      const event = (await changed) as RatingValueEvent;
      expect(expected).to.equal(7.3);
      expect(el.value).to.equal(7.3);
      expect(el.valueTenths).to.equal(73);
      expect(event.detail).to.deep.equal({ value: 7.3 });
      expect(el.shadowRoot?.activeElement).to.equal(slider(el));
    });

    it('clamps a click beside the line to the nearest end', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      const rect = track(el);
      await sendMouse({ type: 'click', position: [Math.floor(rect.left) - 5, Math.round(rect.top)] });
      expect(el.value).to.equal(0);
    });

    it('follows a drag and commits once on release', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      const seen = record(el);
      await sendMouse({ type: 'move', position: pointOnLine(el, 0.2) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: pointOnLine(el, 0.45) });
      await sendMouse({ type: 'move', position: pointOnLine(el, 0.6) });
      expect(el.hasAttribute('dragging')).to.equal(true);
      expect(seen.change).to.deep.equal([]);
      await sendMouse({ type: 'up' });
      expect(seen.input).to.deep.equal([2, 4.5, 6]);
      expect(seen.change).to.deep.equal([6]);
      expect(seen.nativeChange).to.equal(1);
      expect(el.value).to.equal(6);
    });

    it('keeps following a drag that leaves the line (pointer capture)', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      await sendMouse({ type: 'move', position: pointOnLine(el, 0.5) });
      await sendMouse({ type: 'down' });
      const [x] = pointOnLine(el, 0.8);
      await sendMouse({ type: 'move', position: [x, Math.round(track(el).top) + 200] });
      await sendMouse({ type: 'up' });
      expect(el.value).to.equal(8);
    });
  });

  describe('state and announcements', () => {
    it('starts unset with a hidden thumb and announces "ikke valgt"', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      const control = slider(el);
      expect(el.value).to.equal(null);
      expect(el.valueTenths).to.equal(null);
      expect(el.shadowRoot?.querySelector<HTMLElement>('[part="thumb"]')?.hidden).to.equal(true);
      expect(control.getAttribute('aria-valuetext')).to.equal('ikke valgt');
      expect(control.getAttribute('aria-valuemin')).to.equal('0');
      expect(control.getAttribute('aria-valuemax')).to.equal('10');
      expect(control.getAttribute('tabindex')).to.equal('0');
      const labelId = control.getAttribute('aria-labelledby') ?? '';
      expect(el.shadowRoot?.getElementById(labelId)?.textContent).to.equal('Trivsel');
    });

    it('announces the value with a decimal comma in Danish', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="7.3"></helhed-rating-line>`,
      );
      expect(slider(el).getAttribute('aria-valuenow')).to.equal('7.3');
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('7,3 af 10');
    });

    it('announces in English when its lang is en', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line lang="en" label="Wellbeing"></helhed-rating-line>`,
      );
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('not set');
      el.value = 7;
      await el.updateComplete;
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('7.0 of 10');
    });

    it('updates when a reactive property is set', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel"></helhed-rating-line>`,
      );
      el.value = 3.26;
      el.max = 4;
      await el.updateComplete;
      expect(el.value).to.equal(3.3);
      expect(slider(el).getAttribute('aria-valuenow')).to.equal('3.3');
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('3,3 af 4');
      expect(el.shadowRoot?.querySelector<HTMLElement>('[part="thumb"]')?.hidden).to.equal(false);
    });

    it('re-renders when the locale changes', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" value="7.3"></helhed-rating-line>`,
      );
      setLocale('en');
      await el.updateComplete;
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('7.3 of 10');
      el.setAttribute('lang', 'da');
      await aTimeout(0);
      await el.updateComplete;
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('7,3 af 10');
    });

    it('is accessible (axe), with anchors and faces', async () => {
      const el = await fixture<HelhedRatingLine>(html`
        <helhed-rating-line label="Hvordan har du det?" low-label="Meget dårligt" high-label="Rigtig godt" faces>
        </helhed-rating-line>
      `);
      expect(el.shadowRoot?.querySelectorAll('svg').length).to.equal(2);
      expect(slider(el).getAttribute('aria-describedby')).to.equal('anchors');
      await expect(el).to.be.accessible();
      el.value = 6.4;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('has a hit area at least 44px tall and fits a 320px wide screen', async () => {
      const el = await fixture<HelhedRatingLine>(html`
        <div style="width: 320px">
          <helhed-rating-line label="Trivsel" low-label="Meget dårligt" high-label="Rigtig godt"></helhed-rating-line>
        </div>
      `);
      const line = el.querySelector('helhed-rating-line') as HelhedRatingLine;
      const control = slider(line);
      expect(control.getBoundingClientRect().height).to.be.at.least(44);
      expect(line.getBoundingClientRect().width).to.be.at.most(320);
      expect(control.scrollWidth).to.be.at.most(control.clientWidth);
    });
  });

  describe('form control', () => {
    it('is invalid while required and unset, and submits its value once marked', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form><helhed-rating-line name="wellbeing" label="Trivsel" required></helhed-rating-line></form>
      `);
      const el = form.querySelector('helhed-rating-line') as HelhedRatingLine;
      expect(el.form).to.equal(form);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Sæt en markering på linjen.');
      expect(new FormData(form).has('wellbeing')).to.equal(false);

      el.focus();
      await press(el, 'End');
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('wellbeing')).to.equal('10');
    });

    it('returns to its initial value when the form resets', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form><helhed-rating-line name="wellbeing" label="Trivsel" value="2"></helhed-rating-line></form>
      `);
      const el = form.querySelector('helhed-rating-line') as HelhedRatingLine;
      el.value = 9;
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal(2);
      expect(new FormData(form).get('wellbeing')).to.equal('2');
    });

    it('ignores pointer and keys when disabled, and leaves the tab order', async () => {
      const el = await fixture<HelhedRatingLine>(
        html`<helhed-rating-line label="Trivsel" disabled></helhed-rating-line>`,
      );
      const seen = record(el);
      expect(slider(el).getAttribute('aria-disabled')).to.equal('true');
      expect(slider(el).getAttribute('tabindex')).to.equal('-1');
      await sendMouse({ type: 'click', position: pointOnLine(el, 0.5) });
      slider(el).focus();
      await press(el, 'End');
      expect(el.value).to.equal(null);
      expect(seen.input).to.deep.equal([]);
      expect(seen.change).to.deep.equal([]);
    });

    it('is disabled inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form><fieldset disabled><helhed-rating-line label="Trivsel"></helhed-rating-line></fieldset></form>
      `);
      const el = form.querySelector('helhed-rating-line') as HelhedRatingLine;
      await el.updateComplete;
      await sendMouse({ type: 'click', position: pointOnLine(el, 0.5) });
      expect(el.value).to.equal(null);
      expect(slider(el).getAttribute('aria-disabled')).to.equal('true');
    });
  });
});
