import type { InstrumentDefinition } from '../instruments/definition.js';
import { ScoringInputError } from './errors.js';
import { fromTenths, toTenths } from './units.js';

/** A closed range in tenths. */
export interface TenthsRange {
  min: number;
  max: number;
}

/** The range one item can take, in tenths, with its step. */
export function itemRange(def: InstrumentDefinition): TenthsRange & { step: number } {
  return { min: toTenths(def.scale.min), max: toTenths(def.scale.max), step: toTenths(def.scale.step) };
}

/** The range a total can take, in tenths: SUM adds the items' ranges, MEAN and SINGLE keep one item's. */
export function totalRange(def: InstrumentDefinition): TenthsRange {
  const item = itemRange(def);
  const n = def.total === 'SUM' ? def.items.length : 1;
  return { min: item.min * n, max: item.max * n };
}

/** The total of one completed measurement, in tenths. */
export interface MeasurementScore {
  total: number;
}

/**
 * Checks one measurement's item values (tenths, in item order) and forms its total: SUM adds
 * them, MEAN is the mean rounded to whole tenths (Math.round: .5 goes up), SINGLE is the value.
 * @throws ScoringInputError WRONG_ITEM_COUNT, OUT_OF_RANGE or OFF_STEP, naming the item
 */
export function scoreMeasurement(
  def: InstrumentDefinition,
  valuesTenths: readonly number[],
): MeasurementScore {
  if (valuesTenths.length !== def.items.length) {
    throw new ScoringInputError(
      'WRONG_ITEM_COUNT',
      `Instrument "${def.key}" has ${def.items.length} items, got ${valuesTenths.length} values`,
    );
  }
  const range = itemRange(def);
  valuesTenths.forEach((value, index) => {
    checkItemValue(def, index, value, range);
  });
  const sum = valuesTenths.reduce((acc, value) => acc + value, 0);
  if (def.total === 'MEAN') return { total: Math.round(sum / valuesTenths.length) };
  return { total: sum };
}

function checkItemValue(
  def: InstrumentDefinition,
  index: number,
  value: number,
  range: TenthsRange & { step: number },
): void {
  const key = def.items[index]?.key ?? String(index);
  const item = `Item "${key}" of "${def.key}"`;
  const bounds = `${fromTenths(range.min)}–${fromTenths(range.max)}`;
  if (!Number.isFinite(value)) {
    throw new ScoringInputError('OUT_OF_RANGE', `${item} must be a number within ${bounds}`, key);
  }
  if (value < range.min || value > range.max) {
    throw new ScoringInputError('OUT_OF_RANGE', `${item} is ${fromTenths(value)}, outside ${bounds}`, key);
  }
  // A fraction of a tenth is off every step, since steps are whole tenths.
  if (!Number.isInteger(value) || (value - range.min) % range.step !== 0) {
    throw new ScoringInputError(
      'OFF_STEP',
      `${item} is ${fromTenths(value)}, which is not on a step of ${fromTenths(range.step)} from ${fromTenths(range.min)}`,
      key,
    );
  }
}
