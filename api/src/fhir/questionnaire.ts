import type { InstrumentDefinition } from '../domain/instruments/index.js';
import type { Locale } from '../domain/locale.js';
import { extensions, itemCode, questionnaireUrl, systems } from './codes.js';
import { fhirId } from './ids.js';
import type { Extension, Questionnaire, QuestionnaireItem } from './resources.js';

/** Whole-number scales (GAS, function level) answer with integers, the rest with decimals. */
export const answerType = (def: InstrumentDefinition): 'decimal' | 'integer' =>
  Number.isInteger(def.scale.step) && Number.isInteger(def.scale.min) ? 'integer' : 'decimal';

/**
 * The Questionnaire's id: one per instrument version for Helhed's own wording; a licensed
 * pack's wording is the tenant's own, so its Questionnaire id is the tenant's too.
 */
export function questionnaireId(def: InstrumentDefinition, municipalityId: string): string {
  return def.licence.wording === 'LICENSED'
    ? fhirId('questionnaire', municipalityId, def.key, String(def.version))
    : fhirId('questionnaire', def.key, String(def.version));
}

/** `url|version`: how a QuestionnaireResponse names the instrument version it answers. */
export const questionnaireCanonical = (key: string, version: number) => `${questionnaireUrl(key)}|${version}`;

/** FHIR's computable name: letters and digits, starting with a capital (que-0). */
const computableName = (key: string) =>
  key
    .split('-')
    .map((part) => (part[0]?.toUpperCase() ?? '') + part.slice(1))
    .join('');

function rangeExtensions(def: InstrumentDefinition): Extension[] {
  const type = answerType(def);
  const value = (url: string, v: number): Extension =>
    type === 'integer' ? { url, valueInteger: v } : { url, valueDecimal: v };
  return [value(extensions.minValue, def.scale.min), value(extensions.maxValue, def.scale.max)];
}

/**
 * An instrument as a Questionnaire, worded from the catalog of the caller's municipality: a
 * licensed pack's wording therefore only ever reaches the tenant that loaded it.
 */
export function questionnaireOf(
  def: InstrumentDefinition,
  municipalityId: string,
  locale: Locale,
): Questionnaire {
  const items: QuestionnaireItem[] = def.items.map((item) => ({
    linkId: item.key,
    code: [{ system: systems.instrumentItem, code: itemCode(def.key, item.key) }],
    text: item.hint ? `${item.label[locale]} (${item.hint[locale]})` : item.label[locale],
    type: answerType(def),
    required: true,
    extension: rangeExtensions(def),
  }));
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(def, municipalityId),
    url: questionnaireUrl(def.key),
    version: String(def.version),
    name: computableName(def.key),
    title: def.name[locale],
    status: 'active',
    description: def.description[locale],
    copyright: def.licence.note,
    code: [{ system: systems.instrument, code: def.key, display: def.name.en }],
    subjectType: ['Patient'],
    item: items,
  };
}
