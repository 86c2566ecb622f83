import { departmentsOf } from '../../domain/departments.js';
import type { InstrumentDefinition } from '../../domain/instruments/index.js';
import type { Locale } from '../../domain/locale.js';
import { fromTenths, totalRange } from '../../domain/scoring/index.js';
import { type HelhedContext, requireActor } from '../context.js';

type Localised = { da: string; en: string };
/** The family pages' languages; instrument wording exists in da and en, so ar and uk read en. */
type Language = Locale | 'ar' | 'uk';
const pick = (text: Localised, lang: Language | undefined, ctx: HelhedContext) => {
  const wanted = lang ?? ctx.locale;
  return wanted === 'da' || wanted === 'en' ? text[wanted] : text.en;
};

/** Departments and instruments: the tenant's catalogue, readable by every signed-in role. */
export const catalogResolvers = {
  Query: {
    departments: (_: unknown, __: unknown, ctx: HelhedContext) =>
      departmentsOf(ctx.db, requireActor(ctx).municipalityId),
    instruments: (_: unknown, __: unknown, ctx: HelhedContext) =>
      ctx.instruments.list(requireActor(ctx).municipalityId),
  },
  Instrument: {
    name: (d: InstrumentDefinition, args: { lang?: Language }, ctx: HelhedContext) =>
      pick(d.name, args.lang, ctx),
    min: (d: InstrumentDefinition) => d.scale.min,
    max: (d: InstrumentDefinition) => d.scale.max,
    step: (d: InstrumentDefinition) => d.scale.step,
    totalMin: (d: InstrumentDefinition) => fromTenths(totalRange(d).min),
    totalMax: (d: InstrumentDefinition) => fromTenths(totalRange(d).max),
    faces: (d: InstrumentDefinition) => d.faces ?? false,
    licenceNote: (d: InstrumentDefinition) => d.licence.note,
    cutoffs: (d: InstrumentDefinition) => d.cutoffs,
  },
  InstrumentItem: {
    label: (item: InstrumentDefinition['items'][number], args: { lang?: Language }, ctx: HelhedContext) =>
      pick(item.label, args.lang, ctx),
  },
};
