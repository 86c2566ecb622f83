import { defineOnce } from '@helhed/kit';
import { HelhedGoalForm } from './goal-form.js';
import { HelhedInterventionForm } from './intervention-form.js';
import { HelhedPlan } from './plan.js';
import { HelhedPlanEconomy } from './plan-economy.js';

/** Defines every element of mfe-plan once, however often the module is loaded. */
export function definePlanElements(): void {
  defineOnce('helhed-goal-form', HelhedGoalForm);
  defineOnce('helhed-intervention-form', HelhedInterventionForm);
  defineOnce('helhed-plan', HelhedPlan);
  defineOnce('helhed-plan-economy', HelhedPlanEconomy);
}
