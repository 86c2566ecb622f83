/** A cell as suppression sees it: its key per grouped dimension and its number of citizens. */
export interface CountedCell {
  keys: readonly (string | null)[];
  n: number;
  /**
   * Every citizen of the cell has the same outcome (all improved, all unchanged, all worse or
   * all recovered): publishing it would tell each member's outcome, however many they are.
   */
  uniform?: boolean;
}

/**
 * Decides which cells to suppress (docs/design.md §4). Returns one flag per cell, in input order.
 *
 * 1. Primary: a cell with fewer than `minCellSize` citizens is suppressed, and so is a cell in
 *    which every citizen has the same outcome (attribute disclosure).
 * 2. Complementary: for each grouped dimension, cells that agree on every OTHER key form a line
 *    whose total is what the same query without that dimension publishes. If exactly one cell
 *    of a line is suppressed, its value is that total minus the others, so the unsuppressed
 *    cell of the line with the smallest n is suppressed too (ties: the first in sort order).
 * 3. A complementary suppression can leave another line (along another dimension) with exactly
 *    one suppressed cell, so step 2 repeats until nothing changes. It only ever adds flags, so
 *    it ends.
 */
export function suppressCells(cells: readonly CountedCell[], minCellSize: number): boolean[] {
  const suppressed = cells.map((c) => c.n < minCellSize || c.uniform === true);
  const dimensions = cells[0]?.keys.length ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (let d = 0; d < dimensions; d++) {
      for (const line of linesAlong(cells, d)) {
        const hidden = line.filter((i) => suppressed[i]);
        if (line.length < 2 || hidden.length !== 1) continue;
        const next = smallestOpen(cells, line, suppressed);
        if (next === undefined) continue;
        suppressed[next] = true;
        changed = true;
      }
    }
  }
  return suppressed;
}

/** Indexes of cells grouped by every key except dimension `d`. */
function linesAlong(cells: readonly CountedCell[], d: number): number[][] {
  const lines = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const rest = JSON.stringify(cell.keys.filter((_, k) => k !== d));
    lines.set(rest, [...(lines.get(rest) ?? []), i]);
  });
  return [...lines.values()];
}

function smallestOpen(
  cells: readonly CountedCell[],
  line: readonly number[],
  suppressed: readonly boolean[],
): number | undefined {
  let best: number | undefined;
  for (const i of line) {
    if (suppressed[i]) continue;
    if (best === undefined || (cells[i] as CountedCell).n < (cells[best] as CountedCell).n) best = i;
  }
  return best;
}
