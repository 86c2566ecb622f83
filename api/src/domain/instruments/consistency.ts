import { isWholeTenths, toTenths } from '../scoring/units.js';
import type { CutoffBand, InstrumentDefinition } from './definition.js';

/** One cross-field problem, with the path of the field to fix. */
export interface ConsistencyIssue {
  path: (string | number)[];
  message: string;
}

/** Which alert type each kind of instrument must declare. */
const alertTypeForKind = {
  OUTCOME: 'OUTCOME',
  SESSION: 'ALLIANCE',
  GOAL: 'NONE',
  GAS: 'NONE',
  FUNCTION_LEVEL: 'NONE',
} as const;

/**
 * Rules that span several fields of a definition whose shape is already valid: the scale must
 * map exactly onto integer tenths, and every threshold must fall inside the range it applies to.
 */
export function checkDefinitionConsistency(def: InstrumentDefinition): ConsistencyIssue[] {
  const issues = [...checkScale(def), ...checkItems(def)];
  // Thresholds are checked against the total range, which is meaningless on a broken scale or
  // without items (the shape check already reports an empty list).
  if (issues.length > 0 || def.items.length === 0) return issues;
  return [...checkCutoffs(def), ...checkReliableChange(def), ...checkAlerts(def)];
}

function checkScale({ scale }: InstrumentDefinition): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const add = (field: string, message: string) => issues.push({ path: ['scale', field], message });
  if (!(scale.min < scale.max)) add('max', `must be greater than min (${scale.min})`);
  if (!(scale.step > 0)) add('step', 'must be greater than 0');
  if (!isWholeTenths(scale.min)) add('min', 'must be a multiple of 0.1');
  if (!isWholeTenths(scale.max)) add('max', 'must be a multiple of 0.1');
  if (!isWholeTenths(scale.step)) add('step', 'must be a multiple of 0.1');
  if (issues.length === 0 && (toTenths(scale.max) - toTenths(scale.min)) % toTenths(scale.step) !== 0) {
    add('step', `must divide max − min (${scale.max} − ${scale.min}) into whole steps`);
  }
  return issues;
}

function checkItems({ items, total }: InstrumentDefinition): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key))
      issues.push({ path: ['items', index, 'key'], message: `duplicate key "${item.key}"` });
    seen.add(item.key);
  });
  if (total === 'SINGLE' && items.length !== 1) {
    issues.push({ path: ['total'], message: `SINGLE needs exactly one item, found ${items.length}` });
  }
  return issues;
}

/** The range a total can take, in human units (SUM adds the items, MEAN and SINGLE keep one line's range). */
function humanTotalRange({ scale, items, total }: InstrumentDefinition): { min: number; max: number } {
  const n = total === 'SUM' ? items.length : 1;
  return { min: (toTenths(scale.min) * n) / 10, max: (toTenths(scale.max) * n) / 10 };
}

function checkWithin(
  path: (string | number)[],
  value: number,
  range: { min: number; max: number },
  what: string,
): ConsistencyIssue[] {
  if (!isWholeTenths(value)) return [{ path, message: 'must be a multiple of 0.1' }];
  if (value < range.min || value > range.max) {
    return [{ path, message: `must lie within the ${what} range ${range.min}–${range.max}, got ${value}` }];
  }
  return [];
}

function checkCutoffs(def: InstrumentDefinition): ConsistencyIssue[] {
  const range = humanTotalRange(def);
  const issues: ConsistencyIssue[] = [];
  def.cutoffs.forEach((band, index) => {
    issues.push(...checkWithin(['cutoffs', index, 'value'], band.value, range, 'total'));
    if (band.minAge !== undefined && band.maxAge !== undefined && band.minAge > band.maxAge) {
      issues.push({
        path: ['cutoffs', index, 'maxAge'],
        message: `must not be below minAge (${band.minAge})`,
      });
    }
    // Overlapping bands would make "the age-appropriate cutoff" ambiguous.
    def.cutoffs.slice(0, index).forEach((earlier, earlierIndex) => {
      if (bandsOverlap(earlier, band)) {
        issues.push({ path: ['cutoffs', index], message: `age band overlaps cutoffs[${earlierIndex}]` });
      }
    });
  });
  return issues;
}

function bandsOverlap(a: CutoffBand, b: CutoffBand): boolean {
  const lo = (band: CutoffBand) => band.minAge ?? 0;
  const hi = (band: CutoffBand) => band.maxAge ?? Number.POSITIVE_INFINITY;
  return lo(a) <= hi(b) && lo(b) <= hi(a);
}

function checkReliableChange(def: InstrumentDefinition): ConsistencyIssue[] {
  if (def.reliableChange === null) return [];
  const range = humanTotalRange(def);
  if (def.reliableChange <= 0)
    return [{ path: ['reliableChange'], message: 'must be greater than 0, or null' }];
  return checkWithin(
    ['reliableChange'],
    def.reliableChange,
    { min: 0, max: range.max - range.min },
    'total span',
  );
}

function checkAlerts(def: InstrumentDefinition): ConsistencyIssue[] {
  const { alerts } = def;
  const expected = alertTypeForKind[def.kind];
  if (alerts.type !== expected) {
    return [{ path: ['alerts', 'type'], message: `kind ${def.kind} needs alerts of type ${expected}` }];
  }
  if (alerts.type === 'OUTCOME' && alerts.orangeAtSession > alerts.redAtSession) {
    return [{ path: ['alerts', 'orangeAtSession'], message: 'must not come after redAtSession' }];
  }
  if (alerts.type !== 'ALLIANCE') return [];
  const range = humanTotalRange(def);
  const issues: ConsistencyIssue[] = [];
  // "Below the threshold" and "a drop" are only defined for measures where higher is better.
  if (def.direction !== 'HIGHER_IS_BETTER') {
    issues.push({ path: ['direction'], message: 'ALLIANCE alerts need HIGHER_IS_BETTER' });
  }
  issues.push(...checkWithin(['alerts', 'totalBelow'], alerts.totalBelow, range, 'total'));
  issues.push(...checkWithin(['alerts', 'itemBelow'], alerts.itemBelow, def.scale, 'item'));
  if (alerts.dropOf <= 0) issues.push({ path: ['alerts', 'dropOf'], message: 'must be greater than 0' });
  else
    issues.push(
      ...checkWithin(
        ['alerts', 'dropOf'],
        alerts.dropOf,
        { min: 0, max: range.max - range.min },
        'total span',
      ),
    );
  return issues;
}
