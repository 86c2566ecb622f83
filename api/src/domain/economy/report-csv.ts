import type { ComparisonCell } from './cells.js';
import type { SpendShare } from './concentration.js';
import { csvField } from './csv.js';
import type { FollowUpCell } from './follow-up.js';

const header = [
  'table',
  'target_group',
  'department_kind',
  'quarter',
  'department',
  'n',
  'baseline_ore',
  'cost_ore',
  'change_ore',
  'lower_cost',
  'with_outcome',
  'improved',
  'percent',
  'top_citizens',
  'per_mille',
  'suppressed',
];

/**
 * The management figures as one CSV: a `table` column says which of the three each line
 * belongs to; suppressed figures are empty, never zero.
 */
export function economyCsv(
  comparison: readonly ComparisonCell[],
  shares: readonly SpendShare[],
  followUp: readonly (FollowUpCell & { departmentName: string })[],
): string {
  // A spreadsheet runs a cell starting with one of these as a formula; names are tenant data.
  const defuse = (v: string | number | null) =>
    typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  const textColumns = new Set(['target_group', 'department_kind', 'quarter', 'department']);
  const line = (values: Record<string, string | number | null | boolean>) =>
    header
      .map((h) => {
        const v = values[h] ?? null;
        const plain = typeof v === 'boolean' ? String(v) : v;
        return csvField(textColumns.has(h) ? defuse(plain) : plain);
      })
      .join(',');
  const lines = [
    header.join(','),
    ...comparison.map((c) =>
      line({
        table: 'comparison',
        target_group: c.targetGroup,
        department_kind: c.departmentKind,
        n: c.n,
        baseline_ore: c.meanBaselineOre,
        cost_ore: c.meanFirstYearOre,
        change_ore: c.meanChangeOre,
        lower_cost: c.lowerCost,
        with_outcome: c.withOutcome,
        improved: c.improved,
        suppressed: c.suppressed,
      }),
    ),
    ...shares.map((s) =>
      line({
        table: 'spend_share',
        percent: s.percent,
        top_citizens: s.topCitizens,
        per_mille: s.perMille,
        suppressed: s.suppressed,
      }),
    ),
    ...followUp.map((f) =>
      line({
        table: 'follow_up',
        quarter: f.quarter,
        department: f.departmentName,
        n: f.n,
        baseline_ore: f.baselineOre,
        cost_ore: f.actualOre,
        change_ore: f.differenceOre,
        suppressed: f.suppressed,
      }),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
