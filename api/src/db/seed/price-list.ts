import type { CostUnit } from '../schema/economy.js';
import type { DepartmentKind, PriceKind } from '../schema/index.js';

/** A line of a fictional price catalogue: what a unit of help costs and which department pays. */
export interface ListedPrice {
  typeCode: string;
  name: string;
  kind: PriceKind;
  unit: CostUnit;
  priceOre: number;
  payer: DepartmentKind;
  legalBasis: string;
}

/**
 * The demo's price catalogue (docs/economy.md's types, fictional prices); the benchmark's data
 * set prices the same help the same way and adds its own lines (bench/seeding/costs.ts).
 */
export const demoPriceList: readonly ListedPrice[] = [
  {
    typeCode: 'CASH-BENEFIT',
    name: 'Kontanthjælp',
    kind: 'BENEFIT',
    unit: 'MONTH',
    priceOre: 1_230_000,
    payer: 'EMPLOYMENT',
    legalBasis: 'Aktivloven § 25',
  },
  {
    typeCode: 'JOB-MENTOR',
    name: 'Mentorstøtte',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 45_000,
    payer: 'EMPLOYMENT',
    legalBasis: 'LAB § 31',
  },
  {
    typeCode: 'SEL85-SUPPORT',
    name: 'Socialpædagogisk støtte',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 50_000,
    payer: 'ADULT_SOCIAL',
    legalBasis: 'SEL § 85',
  },
  {
    typeCode: 'FOSTER-CARE',
    name: 'Plejefamilie',
    kind: 'INTERVENTION',
    unit: 'PLACEMENT_DAY',
    priceOre: 150_000,
    payer: 'CHILDREN_FAMILY',
    legalBasis: 'BL § 43',
  },
  {
    typeCode: 'FAMILY-SUPPORT',
    name: 'Familiebehandling',
    kind: 'INTERVENTION',
    unit: 'WEEK',
    priceOre: 300_000,
    payer: 'CHILDREN_FAMILY',
    legalBasis: 'BL § 32',
  },
  {
    typeCode: 'EDU-GUIDANCE',
    name: 'Uddannelsesvejledning',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 60_000,
    payer: 'EDUCATION',
    legalBasis: 'Vejledningsloven',
  },
];
