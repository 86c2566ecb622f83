/** One amount: who pays, in which calendar month (YYYY-MM), how many øre. */
export interface LedgerEntry {
  departmentId: string;
  month: string;
  amountOre: number;
}

/** Cost per department, the figure every view of a plan's economy splits by. */
export interface DepartmentAmount {
  departmentId: string;
  amountOre: number;
}

/** Adds entries with the same department and month; keeps a stable order (month, department). */
export function mergeLedger(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const sums = new Map<string, LedgerEntry>();
  for (const e of entries) {
    const key = `${e.month}\u0000${e.departmentId}`;
    const seen = sums.get(key);
    sums.set(key, { ...e, amountOre: (seen?.amountOre ?? 0) + e.amountOre });
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/** The ledger per department, ordered by department id. */
export function byDepartment(entries: readonly LedgerEntry[]): DepartmentAmount[] {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.departmentId, (sums.get(e.departmentId) ?? 0) + e.amountOre);
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([departmentId, amountOre]) => ({ departmentId, amountOre }));
}

export const totalOf = (entries: readonly { amountOre: number }[]) =>
  entries.reduce((sum, e) => sum + e.amountOre, 0);
