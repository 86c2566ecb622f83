/**
 * mfe-plan: one plan across departments. Importing this module defines the elements (once) and
 * exports single-spa lifecycles: the plan as the default application and as a parcel.
 */
export { HelhedGoalForm } from './goal-form.js';
export { HelhedInterventionForm } from './intervention-form.js';
export { bootstrap, mount, planParcel, unmount, update } from './lifecycles.js';
export type { CitizenProgression, PlanData, PlanGoal, PlanIntervention } from './plan.data.js';
export { HelhedPlan } from './plan.js';
export { HelhedPlanEconomy } from './plan-economy.js';
export type { PlanChangeDetail } from './plan-form.js';
