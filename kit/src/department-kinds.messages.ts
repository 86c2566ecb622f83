/** The schema's DepartmentKind values. */
export type DepartmentKindName =
  | 'EMPLOYMENT'
  | 'CHILDREN_FAMILY'
  | 'ADULT_SOCIAL'
  | 'HEALTH'
  | 'EDUCATION'
  | 'OTHER';

/**
 * The names of the department kinds, one wording for every widget (the admin page that sets a
 * kind and the reports that group by it must say the same). Spread into a widget's catalog.
 */
export const departmentKindWords = {
  da: {
    EMPLOYMENT: 'Beskæftigelse',
    CHILDREN_FAMILY: 'Børn og familie',
    ADULT_SOCIAL: 'Voksen- og socialområdet',
    HEALTH: 'Sundhed',
    EDUCATION: 'Uddannelse',
    OTHER: 'Andet',
  },
  en: {
    EMPLOYMENT: 'Employment',
    CHILDREN_FAMILY: 'Children and family',
    ADULT_SOCIAL: 'Adult social care',
    HEALTH: 'Health',
    EDUCATION: 'Education',
    OTHER: 'Other',
  },
} as const satisfies Record<'da' | 'en', Record<DepartmentKindName, string>>;
