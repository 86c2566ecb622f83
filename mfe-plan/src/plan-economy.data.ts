import { formatKroner, formatMonth } from '@helhed/kit';
import { graphql } from './gql/gql.js';
import type { PlanEconomyQuery } from './gql/graphql.js';

/** The plan's economy as the widget asks for it (docs/economy.md); money is whole øre. */
export const PLAN_ECONOMY_QUERY = graphql(`query PlanEconomy($id: ID!) { plan(id: $id) { id economy {
  startedOn baselineEstimated restricted
  baseline { from to totalOre byDepartment { department { id name } amountOre } }
  running { from to totalOre byMonth { month department { id name } amountOre } }
  expected { from to totalOre byDepartment { department { id name } amountOre } }
} } }`);

/** The answer, as the generator types it from the schema. */
export type PlanEconomyData = PlanEconomyQuery;
type Economy = PlanEconomyData['plan']['economy'];
type Department = Economy['baseline']['byDepartment'][number]['department'];

/** One department's row: baseline year, first plan year as agreed, so far, and the change. */
export interface DepartmentRow {
  department: Department;
  baselineOre: number;
  expectedOre: number;
  runningOre: number;
  changeOre: number;
}

/** Departments in name order with every figure, zero where a department has none. */
export function departmentRows(economy: Economy): DepartmentRow[] {
  const rows = new Map<string, DepartmentRow>();
  const row = (d: Department) => {
    const found = rows.get(d.id) ?? {
      department: d,
      baselineOre: 0,
      expectedOre: 0,
      runningOre: 0,
      changeOre: 0,
    };
    rows.set(d.id, found);
    return found;
  };
  for (const a of economy.baseline.byDepartment) row(a.department).baselineOre += a.amountOre;
  for (const a of economy.expected.byDepartment) row(a.department).expectedOre += a.amountOre;
  for (const a of economy.running.byMonth) row(a.department).runningOre += a.amountOre;
  for (const r of rows.values()) r.changeOre = r.expectedOre - r.baselineOre;
  return [...rows.values()].sort((a, b) => a.department.name.localeCompare(b.department.name, 'da'));
}

/** The running cost as months × departments: one row per month, amounts in department order. */
export function monthRows(
  economy: PlanEconomyData['plan']['economy'],
  departments: readonly Department[],
): { month: string; amounts: number[]; totalOre: number }[] {
  const months = [...new Set(economy.running.byMonth.map((m) => m.month))].sort();
  return months.map((month) => {
    const amounts = departments.map((d) =>
      economy.running.byMonth
        .filter((m) => m.month === month && m.department.id === d.id)
        .reduce((s, m) => s + m.amountOre, 0),
    );
    return { month, amounts, totalOre: amounts.reduce((s, a) => s + a, 0) };
  });
}

/** Whole kroner for people to read (kit's formatter); the amounts themselves stay in øre. */
export const kroner = (ore: number, locale: string): string =>
  formatKroner(ore, locale === 'en' ? 'en' : 'da');

/** A YYYY-MM month as the locale names it (Copenhagen months, so no time zone applies). */
export const monthName = (month: string, locale: string): string =>
  formatMonth(month, locale === 'en' ? 'en' : 'da');
