/**
 * The måltal table (DESIGN 7, seed 002): per benefit group the budgeted full-time persons, each
 * adjustment (investment project or budget agreement) on its own line, and the group's total;
 * followed up monthly against measured full-time persons.
 */
import type { Month } from "../calendar.ts";

export type MaaltalKind = "budget" | "project" | "agreement" | "other";
export const MAALTAL_KINDS: readonly MaaltalKind[] = ["budget", "project", "agreement", "other"];

export const MAALTAL_KIND_LABELS: Record<MaaltalKind, string> = {
  budget: "Budget",
  project: "Investeringsprojekt",
  agreement: "Budgetforlig",
  other: "Øvrigt",
};

export interface MaaltalLine {
  id?: number;
  groupName: string;
  groupOrder: number;
  lineOrder: number;
  label: string;
  fte: number;
  kind: MaaltalKind;
  projectId?: number | null;
  projectCode?: string | null;
  projectName?: string | null;
  benefits: string[];
}

export interface MaaltalGroup<L extends MaaltalLine = MaaltalLine> {
  group: string;
  order: number;
  lines: L[];
  total: number;
  /** benefits the group is followed up against: the union of its lines' benefits */
  benefits: string[];
}

/** Groups lines by group name in group order, lines in line order, with totals. */
export function groupMaaltal<L extends MaaltalLine>(lines: readonly L[]): MaaltalGroup<L>[] {
  const groups = new Map<string, MaaltalGroup<L>>();
  for (const line of [...lines].sort((a, b) => a.groupOrder - b.groupOrder || a.lineOrder - b.lineOrder)) {
    let g = groups.get(line.groupName);
    if (!g) {
      g = { group: line.groupName, order: line.groupOrder, lines: [], total: 0, benefits: [] };
      groups.set(line.groupName, g);
    }
    g.lines.push(line);
    g.total += line.fte;
    for (const b of line.benefits) if (!g.benefits.includes(b)) g.benefits.push(b);
  }
  return [...groups.values()];
}

export interface FollowUpMonth {
  month: Month;
  /** measured full-time persons of the group's benefits; null = Ingen data */
  measured: number | null;
  target: number;
  /** measured − target (negative = below the måltal, which is good) */
  difference: number | null;
}

/**
 * Monthly follow-up of a group: the sum of the measured full-time persons of its benefits. A month
 * counts only when every benefit of the group has a measurement; otherwise it is "Ingen data".
 */
export function followUp(
  group: Pick<MaaltalGroup, "benefits" | "total">,
  measured: ReadonlyMap<string, ReadonlyMap<Month, number | null>>,
  months: readonly Month[],
): FollowUpMonth[] {
  return months.map((month) => {
    let sum: number | null = group.benefits.length > 0 ? 0 : null;
    for (const b of group.benefits) {
      const v = measured.get(b)?.get(month);
      if (v === undefined || v === null || sum === null) {
        sum = null;
        break;
      }
      sum += v;
    }
    return { month, measured: sum, target: group.total, difference: sum === null ? null : sum - group.total };
  });
}
