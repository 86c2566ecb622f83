import type { Department } from '../db/schema/index.js';
import { identifierSystems, systems } from './codes.js';
import { fhirId } from './ids.js';
import type { CitizenRecord, FamilyRecord } from './records.js';
import type { Group, Organization, Patient } from './resources.js';

/*
 * Who the data is about and who recorded it. A Patient carries identifiers only (Helhed's id and
 * the case systems' own references) and the birth year: never a name, never a CPR number.
 */

export function patientOf(record: CitizenRecord): Patient {
  return {
    resourceType: 'Patient',
    id: fhirId('citizen', record.citizen.id),
    identifier: [
      { system: identifierSystems.citizen, value: record.citizen.id },
      ...record.externalRefs.map((r) => ({
        system: identifierSystems.externalRef(r.system),
        value: r.value,
      })),
    ],
    birthDate: String(record.citizen.birthYear),
  };
}

/** A department as an Organization typed by its kind, so another tenant can map it by kind. */
export function organizationOf(d: Department): Organization {
  return {
    resourceType: 'Organization',
    id: fhirId('department', d.id),
    identifier: [{ system: identifierSystems.department, value: d.id }],
    type: [{ coding: [{ system: systems.departmentKind, code: d.kind }] }],
    name: d.name,
  };
}

/** A family, the subject of a family plan and of goals about the whole family. */
export function groupOf(f: FamilyRecord): Group {
  return {
    resourceType: 'Group',
    id: fhirId('family', f.id),
    identifier: [{ system: identifierSystems.family, value: f.id }],
    type: 'person',
    actual: true,
    name: f.name,
    member: f.memberIds.map((id) => ({ entity: { reference: `Patient/${fhirId('citizen', id)}` } })),
  };
}
