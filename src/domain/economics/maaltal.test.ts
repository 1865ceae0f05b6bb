import { describe, expect, it } from "vitest";
import { followUp, groupMaaltal, type MaaltalLine } from "./maaltal.ts";

const line = (
  groupOrder: number,
  lineOrder: number,
  groupName: string,
  label: string,
  fte: number,
  benefits: string[] = [],
): MaaltalLine => ({
  groupName,
  groupOrder,
  lineOrder,
  label,
  fte,
  kind: benefits.length ? "budget" : "project",
  benefits,
});

describe("måltal", () => {
  const groups = groupMaaltal([
    line(1, 2, "Ressourceforløb", "Budgetforlig", -15),
    line(0, 1, "Sygedagpenge", "Investering – Kompetenceporten", -1),
    line(0, 0, "Sygedagpenge", "Sygedagpenge", 650, ["sygedagpenge"]),
    line(1, 0, "Ressourceforløb", "Ressourceforløb", 75, ["ressourceforloeb"]),
  ]);

  it("grupperer i rækkefølge og summerer (650 − 1 = 649; 75 − 15 = 60)", () => {
    expect(groups.map((g) => [g.group, g.total, g.lines.map((l) => l.label)])).toEqual([
      ["Sygedagpenge", 649, ["Sygedagpenge", "Investering – Kompetenceporten"]],
      ["Ressourceforløb", 60, ["Ressourceforløb", "Budgetforlig"]],
    ]);
    expect(groups[0]!.benefits).toEqual(["sygedagpenge"]);
  });

  it("følger op mod målte fuldtidspersoner; manglende måling er Ingen data (null)", () => {
    const measured = new Map([["sygedagpenge", new Map([["2024-02", 640.5]])]]);
    const f = followUp(groups[0]!, measured, ["2024-02", "2024-03"]);
    // 640,5 − 649 = −8,5
    expect(f).toEqual([
      { month: "2024-02", measured: 640.5, target: 649, difference: -8.5 },
      { month: "2024-03", measured: null, target: 649, difference: null },
    ]);
  });
});
