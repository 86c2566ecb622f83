/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddGoalInput = {
  baseline: number;
  departmentIds: Array<string>;
  instrumentKey: string;
  planId: string;
  target: number;
  text: string;
  weight?: number | null | undefined;
};

export type AddInterventionInput = {
  departmentId: string;
  /** YYYY-MM-DD, inclusive; open-ended when absent. */
  endsOn?: string | null | undefined;
  goalIds: Array<string>;
  legalBasis: string;
  planId: string;
  responsibleProfessionalId?: string | null | undefined;
  /** YYYY-MM-DD */
  startsOn: string;
  type: string;
  /** Whole kroner per year. */
  yearlyCost?: number | null | undefined;
};

export type AlertColour =
  | 'GREEN'
  | 'GREY'
  | 'ORANGE'
  | 'RED';

export type Classification =
  | 'DETERIORATED'
  | 'IMPROVED'
  | 'INSUFFICIENT_DATA'
  | 'NO_RELIABLE_CHANGE';

export type DepartmentKind =
  | 'ADULT_SOCIAL'
  | 'CHILDREN_FAMILY'
  | 'EDUCATION'
  | 'EMPLOYMENT'
  | 'HEALTH'
  | 'OTHER';

export type GoalStatus =
  | 'ACHIEVED'
  | 'ACTIVE'
  | 'CLOSED';

export type InstrumentKind =
  | 'FUNCTION_LEVEL'
  | 'GAS'
  | 'GOAL'
  | 'OUTCOME'
  | 'SESSION';

export type Language =
  | 'ar'
  | 'da'
  | 'en'
  | 'uk';

export type RespondentRole =
  | 'CHILD'
  | 'CITIZEN'
  | 'OTHER'
  | 'PARENT'
  | 'PROFESSIONAL';

export type TimelineKind =
  | 'CONSENT_GRANTED'
  | 'CONSENT_REVOKED'
  | 'GOAL_RATING'
  | 'MEASUREMENT'
  | 'MEETING';

export type UpdateGoalInput = {
  dominant?: boolean | null | undefined;
  goalId: string;
  status?: GoalStatus | null | undefined;
  text?: string | null | undefined;
};

export type PlanEconomyQueryVariables = Exact<{
  id: string;
}>;


export type PlanEconomyQuery = { plan: { id: string, economy: { startedOn: string, baselineEstimated: boolean, restricted: boolean, baseline: { from: string, to: string, totalOre: number, byDepartment: Array<{ amountOre: number, department: { id: string, name: string } }> }, running: { from: string, to: string, totalOre: number, byMonth: Array<{ month: string, amountOre: number, department: { id: string, name: string } }> }, expected: { from: string, to: string, totalOre: number, byDepartment: Array<{ amountOre: number, department: { id: string, name: string } }> } } } };

export type HelhedPlanQueryVariables = Exact<{
  id: string;
  lang?: Language | null | undefined;
}>;


export type HelhedPlanQuery = { departments: Array<{ id: string, kind: DepartmentKind, name: string }>, instruments: Array<{ key: string, kind: InstrumentKind, name: string, min: number, max: number, step: number }>, plan: { id: string, goalAttainmentT: number | null, goals: Array<{ id: string, text: string, instrumentKey: string, status: GoalStatus, dominant: boolean, baseline: number, target: number, latest: number | null, progress: number | null, spread: number | null, disagreement: boolean, departments: Array<{ id: string, kind: DepartmentKind, name: string }> }>, interventions: Array<{ id: string, type: string, legalBasis: string, startsOn: string, endsOn: string | null, active: boolean, department: { id: string, kind: DepartmentKind, name: string }, responsibleProfessional: { id: string, displayName: string, title: string, department: { id: string } } | null, goals: Array<{ id: string, text: string }> }>, contactPoints: { professionals: number, departments: number }, parallelInterventions: Array<{ overlapFrom: string, overlapTo: string | null, first: { id: string, type: string, department: { name: string } }, second: { id: string, type: string, department: { name: string } }, sharedGoals: Array<{ id: string, text: string }> }>, unservedGoals: Array<{ id: string }>, interventionsWithoutGoal: Array<{ id: string }>, timeline: Array<{ kind: TimelineKind, goalRating: { goalId: string, raterRole: string, value: number, occurredAt: string } | null, measurement: { citizenId: string } | null }> } };

export type HelhedAddGoalMutationVariables = Exact<{
  input: AddGoalInput;
}>;


export type HelhedAddGoalMutation = { addGoal: { id: string } };

export type HelhedUpdateGoalMutationVariables = Exact<{
  input: UpdateGoalInput;
}>;


export type HelhedUpdateGoalMutation = { updateGoal: { id: string } };

export type HelhedAddInterventionMutationVariables = Exact<{
  input: AddInterventionInput;
}>;


export type HelhedAddInterventionMutation = { addIntervention: { id: string } };

export type HelhedPlanCitizenProgressionQueryVariables = Exact<{
  id: string;
}>;


export type HelhedPlanCitizenProgressionQuery = { citizen: { id: string, displayName: string, progression: { divergent: boolean, series: Array<{ instrumentKey: string, respondentRole: RespondentRole, classification: Classification, alert: AlertColour, latest: number | null, department: { id: string, kind: DepartmentKind, name: string } }> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PlanEconomyDocument = new TypedDocumentString(`
    query PlanEconomy($id: ID!) {
  plan(id: $id) {
    id
    economy {
      startedOn
      baselineEstimated
      restricted
      baseline {
        from
        to
        totalOre
        byDepartment {
          department {
            id
            name
          }
          amountOre
        }
      }
      running {
        from
        to
        totalOre
        byMonth {
          month
          department {
            id
            name
          }
          amountOre
        }
      }
      expected {
        from
        to
        totalOre
        byDepartment {
          department {
            id
            name
          }
          amountOre
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanEconomyQuery, PlanEconomyQueryVariables>;
export const HelhedPlanDocument = new TypedDocumentString(`
    query HelhedPlan($id: ID!, $lang: Language) {
  departments {
    id
    kind
    name
  }
  instruments {
    key
    kind
    name(lang: $lang)
    min
    max
    step
  }
  plan(id: $id) {
    id
    goalAttainmentT
    goals {
      id
      text
      instrumentKey
      status
      dominant
      baseline
      target
      latest
      progress
      spread
      disagreement
      departments {
        id
        kind
        name
      }
    }
    interventions {
      id
      type
      legalBasis
      startsOn
      endsOn
      active
      department {
        id
        kind
        name
      }
      responsibleProfessional {
        id
        displayName
        title
        department {
          id
        }
      }
      goals {
        id
        text
      }
    }
    contactPoints {
      professionals
      departments
    }
    parallelInterventions {
      first {
        id
        type
        department {
          name
        }
      }
      second {
        id
        type
        department {
          name
        }
      }
      sharedGoals {
        id
        text
      }
      overlapFrom
      overlapTo
    }
    unservedGoals {
      id
    }
    interventionsWithoutGoal {
      id
    }
    timeline(limit: 200) {
      kind
      goalRating {
        goalId
        raterRole
        value
        occurredAt
      }
      measurement {
        citizenId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelhedPlanQuery, HelhedPlanQueryVariables>;
export const HelhedAddGoalDocument = new TypedDocumentString(`
    mutation HelhedAddGoal($input: AddGoalInput!) {
  addGoal(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<HelhedAddGoalMutation, HelhedAddGoalMutationVariables>;
export const HelhedUpdateGoalDocument = new TypedDocumentString(`
    mutation HelhedUpdateGoal($input: UpdateGoalInput!) {
  updateGoal(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<HelhedUpdateGoalMutation, HelhedUpdateGoalMutationVariables>;
export const HelhedAddInterventionDocument = new TypedDocumentString(`
    mutation HelhedAddIntervention($input: AddInterventionInput!) {
  addIntervention(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<HelhedAddInterventionMutation, HelhedAddInterventionMutationVariables>;
export const HelhedPlanCitizenProgressionDocument = new TypedDocumentString(`
    query HelhedPlanCitizenProgression($id: ID!) {
  citizen(id: $id) {
    id
    displayName
    progression {
      divergent
      series {
        instrumentKey
        respondentRole
        department {
          id
          kind
          name
        }
        classification
        alert
        latest
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelhedPlanCitizenProgressionQuery, HelhedPlanCitizenProgressionQueryVariables>;