import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import {
  judgeIndicator,
  judgementText,
  parseGoal,
  resolveGoalValue,
  STATUS_HELP,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_RULES_HELP,
  statusLabel,
  statusOf,
  type Target,
  targetSchema,
  trajectoryAt,
  trajectoryPoints,
} from "./status.ts";

interface GoldenIndicator {
  name: string;
  baseline: number | null;
  milestones: (number | null)[];
  better?: "higher" | "lower";
  goal_text?: string;
}
interface GoldenProject {
  name: string;
  baseline_date?: string;
  milestone_dates: string[];
  indicators: GoldenIndicator[];
}
const golden = JSON.parse(readFileSync(goldenPath("statusskemaer.json"), "utf8")) as {
  projects: GoldenProject[];
};

function indicator(project: string, name: string): { p: GoldenProject; i: GoldenIndicator } {
  const p = golden.projects.find((x) => x.name.startsWith(project));
  const i = p?.indicators.find((x) => x.name.startsWith(name));
  if (!p || !i) throw new Error(`statusskemaer.json mangler ${project} / ${name}`);
  return { p, i };
}

/** Seed 002 layout: baseline, then milestones in the scheme's columns (the last is slutmål). */
function targetFrom(p: GoldenProject, i: GoldenIndicator): Target {
  return {
    ...(i.baseline !== null && p.baseline_date
      ? { baseline: { value: i.baseline, date: p.baseline_date } }
      : {}),
    milestones: p.milestone_dates.map((date, k) => ({ date, value: i.milestones[k] ?? null })),
  };
}

describe("Flere i job: aktivitetsparate kontanthjælpsmodtagere (seed 002, lower is better)", () => {
  const { p, i } = indicator("Flere i job", "Målgruppeantal: Aktivitetsparate");
  const target = targetFrom(p, i);
  const better = i.better!;

  it("reads the golden row as baseline 103 and milestones 100/98/92", () => {
    expect(better).toBe("lower");
    expect(target.baseline).toEqual({ value: 103, date: "2024-01-10" });
    expect(resolveGoalValue(target)).toBe(92); // the last milestone (jan-26) is the slutmål
    expect(trajectoryPoints(target).map((x) => [x.date, x.value, x.kind])).toEqual([
      ["2024-01-10", 103, "baseline"],
      ["2024-08-01", 100, "milestone"],
      ["2025-01-01", 98, "milestone"],
      ["2026-01-01", 92, "final"],
    ]);
  });

  it("interpolates by calendar day", () => {
    // 2024-01-10 → 2024-08-01 is 22+29+31+30+31+30+31 = 204 days; 2024-05-01 is 22+29+31+30 = 112 in.
    // 103 − 3 × 112/204 = 103 − 1.6471 = 101.3529
    expect(trajectoryAt(target, "2024-05-01")).toBeCloseTo(103 - (3 * 112) / 204, 10);
    expect(trajectoryAt(target, "2024-05-01")).toBeCloseTo(101.3529, 4);
    // 2024-08-01 → 2025-01-01 is 31+30+31+30+31 = 153 days; 2024-10-01 is 31+30 = 61 in.
    // 100 − 2 × 61/153 = 100 − 0.7974 = 99.2026
    expect(trajectoryAt(target, "2024-10-01")).toBeCloseTo(99.2026, 4);
    // 2025-01-01 → 2026-01-01 is 365 days; 2025-07-01 is 31+28+31+30+31+30 = 181 in.
    // 98 − 6 × 181/365 = 98 − 2.9753 = 95.0247
    expect(trajectoryAt(target, "2025-07-01")).toBeCloseTo(95.0247, 4);
    // On the points themselves, before the baseline and after the final goal.
    expect(trajectoryAt(target, "2024-08-01")).toBe(100);
    expect(trajectoryAt(target, "2025-01-01")).toBe(98);
    expect(trajectoryAt(target, "2024-01-01")).toBe(103);
    expect(trajectoryAt(target, "2026-06-01")).toBe(92);
  });

  it("gives statuses", () => {
    expect(statusOf(101, "2024-05-01", target, better)).toBe("on_track"); // 101 ≤ 101.3529
    expect(statusOf(102, "2024-05-01", target, better)).toBe("behind"); // 102 > 101.3529
    expect(statusOf(99, "2024-10-01", target, better)).toBe("on_track"); // 99 ≤ 99.2026
    expect(statusOf(100, "2024-08-01", target, better)).toBe("on_track"); // exactly on the milestone
    expect(statusOf(96, "2025-07-01", target, better)).toBe("behind"); // 96 > 95.0247
    expect(statusOf(92, "2024-05-01", target, better)).toBe("achieved"); // final goal 92 already met
    expect(statusOf(93, "2026-02-01", target, better)).toBe("behind"); // after jan-26 the line is 92
    expect(statusOf(103, "2024-01-01", target, better)).toBe("on_track"); // before baseline: baseline
    expect(statusOf(null, "2024-05-01", target, better)).toBe("no_data");
  });
});

describe("Håndholdt indsats: -40 pct. of 80 (seed 002)", () => {
  const { p, i } = indicator("Håndholdt indsats", "Antal jobparate");
  const relative: Target = {
    baseline: { value: i.baseline!, date: p.baseline_date! },
    milestones: [
      { date: p.milestone_dates[0]!, value: i.milestones[0]! },
      { date: p.milestone_dates[1]!, value: i.milestones[1]! },
    ],
    final: { date: p.milestone_dates[2]!, value: parseGoal(i.goal_text!) },
  };

  it("resolves the relative final goal", () => {
    expect(parseGoal(i.goal_text!)).toEqual({ kind: "relative_percent", percent: -40 });
    // 80 × (1 − 0.40) = 48, the seed's jan-26 column
    expect(resolveGoalValue(relative)).toBeCloseTo(48, 10);
    expect(resolveGoalValue(relative)).toBeCloseTo(i.milestones[2]!, 10);
  });

  it("interpolates towards the resolved goal", () => {
    // 2024-12-31 → 2026-01-01 is 366 days; 2025-07-01 is 1 + 181 = 182 in. 64 − 16 × 182/366 = 56.0437
    expect(trajectoryAt(relative, "2025-07-01")).toBeCloseTo(64 - (16 * 182) / 366, 10);
    expect(statusOf(56, "2025-07-01", relative, "lower")).toBe("on_track");
    expect(statusOf(57, "2025-07-01", relative, "lower")).toBe("behind");
    expect(statusOf(48, "2025-07-01", relative, "lower")).toBe("achieved");
  });
});

describe("other goal kinds and edge cases", () => {
  it("adds percentage points: Flere i job, afsluttet til job 47 pct. + 10 procentpoint = 57", () => {
    const { p, i } = indicator(
      "Flere i job",
      "Andel afsluttet til job, uddannelse og fleksjob seneste år: Aktiv",
    );
    const target: Target = {
      baseline: { value: i.baseline!, date: p.baseline_date! },
      milestones: [],
      final: { date: "2026-01-01", value: parseGoal("+10 procentpoint") },
    };
    expect(resolveGoalValue(target)).toBe(i.milestones[2]); // 47 + 10 = 57, the seed's jan-26 value
    expect(statusOf(57, "2025-01-01", target, "higher")).toBe("achieved");
  });

  it("parses goal texts", () => {
    expect(parseGoal("-40 pct.")).toEqual({ kind: "relative_percent", percent: -40 });
    expect(parseGoal("−12 %")).toEqual({ kind: "relative_percent", percent: -12 });
    expect(parseGoal("+10 procentpoint")).toEqual({ kind: "relative_points", points: 10 });
    expect(parseGoal("5 pct.-point")).toEqual({ kind: "relative_points", points: 5 });
    expect(parseGoal("70 pct.")).toEqual({ kind: "absolute", value: 70 });
    expect(parseGoal("18,8")).toEqual({ kind: "absolute", value: 18.8 });
    expect(parseGoal("mindst samme jobeffekt")).toBeNull();
  });

  it("is Intet mål when there is only a baseline or no target, Ingen data when there is no value", () => {
    const onlyBaseline: Target = { baseline: { value: 644, date: "2024-01-10" }, milestones: [] };
    expect(resolveGoalValue(onlyBaseline)).toBeNull();
    expect(trajectoryAt(onlyBaseline, "2024-05-01")).toBe(644); // the line is flat at the baseline…
    expect(statusOf(600, "2024-05-01", onlyBaseline, "higher")).toBe("no_goal"); // …but there is no goal
    expect(statusLabel("no_goal")).toBe("Intet mål");
    const empty: Target = { milestones: [] };
    expect(trajectoryAt(empty, "2024-05-01")).toBeNull();
    expect(statusOf(1, "2024-05-01", empty, "higher")).toBe("no_goal");
    expect(statusOf(null, "2024-05-01", empty, "higher")).toBe("no_data");
    expect(statusOf(null, "2024-05-01", onlyBaseline, "higher")).toBe("no_data");
  });

  it("without a baseline, has no line before the first milestone and compares with it (Kompetenceporten)", () => {
    const { p, i } = indicator("Kompetenceporten", "Antal virksomheder, som ønsker");
    const target = targetFrom(p, i); // milestones 12 (2024-08-01), 18 (2024-12-31), 25 (2026-01-01)
    expect(trajectoryAt(target, "2024-03-01")).toBeNull();
    // before 01-08-2024 there is no line; 5 has not reached the first milestone 12 → Bagud, 12 → on track
    expect(statusOf(5, "2024-03-01", target, "higher")).toBe("behind");
    expect(statusOf(12, "2024-03-01", target, "higher")).toBe("on_track");
    expect(statusOf(25, "2024-03-01", target, "higher")).toBe("achieved");
    // 2024-08-01 → 2024-12-31 is 152 days; 2024-10-01 is 61 in: 12 + 6 × 61/152 = 14.4079
    expect(trajectoryAt(target, "2024-10-01")).toBeCloseTo(14.4079, 4);
    expect(statusOf(15, "2024-10-01", target, "higher")).toBe("on_track");
    expect(statusOf(14, "2024-10-01", target, "higher")).toBe("behind");
  });

  it("a relative goal without a baseline cannot be resolved: Mangler startmåling", () => {
    const t: Target = { milestones: [], final: { date: "2026-01-01", value: parseGoal("-40 pct.") } };
    expect(resolveGoalValue(t)).toBeNull();
    expect(statusOf(10, "2025-01-01", t, "lower")).toBe("no_baseline");
    expect(statusLabel("no_baseline")).toBe("Mangler startmåling");
  });

  it("a change in the indicator's own unit: −2 fuldtidspersoner", () => {
    expect(parseGoal("−2 fuldtidspersoner")).toEqual({ kind: "relative_change", change: -2 });
    expect(parseGoal("+5 personer")).toEqual({ kind: "relative_change", change: 5 });
    expect(parseGoal("48 personer")).toEqual({ kind: "absolute", value: 48 });
    const t: Target = {
      baseline: { value: 221.6, date: "2024-01-01" },
      milestones: [],
      final: { date: "2026-01-01", value: { kind: "relative_change", change: -2 } },
    };
    // 221,6 − 2 = 219,6
    expect(resolveGoalValue(t)).toBeCloseTo(219.6, 10);
    // 2024-01-01 → 2026-01-01 is 366 + 365 = 731 days; 2025-01-01 is 366 in: 221,6 − 2 × 366/731 = 220,5986
    expect(trajectoryAt(t, "2025-01-01")).toBeCloseTo(221.6 - (2 * 366) / 731, 10);
    expect(statusOf(220.5, "2025-01-01", t, "lower")).toBe("on_track");
    expect(statusOf(220.7, "2025-01-01", t, "lower")).toBe("behind");
    expect(statusOf(219.6, "2025-01-01", t, "lower")).toBe("achieved");
  });

  it("a goal already met at baseline counts as achieved (Delaftale 2: 87,9 pct. vs 70 pct.)", () => {
    const { p, i } = indicator("Flere i job", "Delaftale 2 - 12 måneder - andel, som opfylder krav: Aktiv");
    expect(statusOf(i.baseline, "2024-02-01", targetFrom(p, i), "higher")).toBe("achieved");
  });

  it("validates targets with zod and labels statuses in Danish", () => {
    expect(targetSchema.safeParse({ milestones: [{ date: "2024-02-30", value: 1 }] }).success).toBe(false);
    expect(
      targetSchema.safeParse({
        baseline: { value: 80, date: "2024-01-10" },
        milestones: [{ date: "2024-08-01", value: 72 }],
        final: { date: "2026-01-01", value: { kind: "relative_percent", percent: -40 } },
      }).success,
    ).toBe(true);
    expect(statusLabel("achieved")).toBe("Opfyldt");
    expect(statusLabel("on_track")).toBe("På rette spor");
    expect(statusLabel("behind")).toBe("Bagud");
    expect(statusLabel("no_data")).toBe("Ingen data");
    for (const word of ["Opfyldt", "På rette spor", "Bagud", "Ingen data", "Intet mål", "-40 pct."]) {
      expect(STATUS_RULES_HELP).toContain(word);
    }
  });

  it("generates the help text from the rules: one entry per status, examples computed by the functions", () => {
    expect(STATUS_HELP.rules.map((r) => r.status)).toEqual([...STATUS_ORDER]);
    expect(STATUS_HELP.rules.map((r) => r.label)).toEqual(STATUS_ORDER.map((s) => STATUS_LABELS[s]));
    for (const r of STATUS_HELP.rules) expect(STATUS_RULES_HELP).toContain(`• ${r.label}: ${r.text}`);
    // 103 − 3 × 112/204 = 101,35 → "101,4"; 101 ≤ 101,4 on track, 102 behind (seed 002, lower is better)
    expect(STATUS_RULES_HELP).toContain("ligger linjen på 101,4, så 101 er På rette spor og 102 er Bagud");
    // 80 × 0,6 = 48; 47 + 10 = 57; 221,6 − 2 = 219,6
    expect(STATUS_RULES_HELP).toContain("80 bliver til 48");
    expect(STATUS_RULES_HELP).toContain("47 pct. bliver til 57 pct.");
    expect(STATUS_RULES_HELP).toContain("221,6 fuldtidspersoner bliver til 219,6");
    // no baseline: 5 pct. against 17 pct. before the goal date is behind (the 2019 project's løntilskud)
    expect(STATUS_RULES_HELP).toContain("5 pct. mod et slutmål på 17 pct. Bagud");
  });
});

describe("judging an indicator: the latest month inside the project's period; final status once ended", () => {
  // Flere i job (seed 002): period 01-01-2024 – 31-12-2025; 103 → 100 (01-08-2024) → 98 (01-01-2025) → 92
  const { p, i } = indicator("Flere i job", "Målgruppeantal: Aktivitetsparate");
  const target = targetFrom(p, i);
  const period = { start: "2024-01-01", end: "2025-12-31" };
  const values = [
    { period: "2024-05", value: 101 },
    { period: "2025-07", value: 96 },
    { period: "2026-03", value: 90 }, // after the period: shown, not judged
  ];

  it("judges the latest value inside the period, not a later one", () => {
    const j = judgeIndicator(values, target, "lower", period, "2026-04-10");
    // the period ended 31-12-2025 < 10-04-2026: final status at the goal date 01-01-2026, where the
    // line is the goal 92; 96 > 92 → Bagud (the 90 of mar-26 would have been Opfyldt)
    expect(j).toEqual({ status: "behind", period: "2025-07", value: 96, date: "2026-01-01", ended: true });
    expect(judgementText(j)).toBe("slutstatus pr. 01-01-2026 (projektet er afsluttet; værdi fra jul-25)");
  });

  it("while the project runs, judges on the month's reference date", () => {
    const j = judgeIndicator(values, target, "lower", period, "2025-08-15");
    // 01-07-2025: 98 − 6 × 181/365 = 95,0247; 96 > 95,0247 → Bagud, not yet ended
    expect(j).toEqual({ status: "behind", period: "2025-07", value: 96, date: "2025-07-01", ended: false });
    const early = judgeIndicator(values, target, "lower", period, "2024-06-02");
    // 01-05-2024: 103 − 3 × 112/204 = 101,3529; 101 ≤ 101,3529 → På rette spor
    expect(early).toMatchObject({ status: "on_track", period: "2024-05", ended: false });
    expect(judgementText(early)).toBe("status for maj-24");
  });

  it("has Ingen data when no value lies inside the period, Intet mål when there is no goal", () => {
    expect(judgeIndicator([{ period: "2023-11", value: 90 }], target, "lower", period, "2024-06-02")).toEqual(
      { status: "no_data", period: null, value: null, date: null, ended: false },
    );
    const noGoal: Target = { baseline: { value: 644, date: "2024-01-10" }, milestones: [] };
    expect(judgeIndicator(values, noGoal, "higher", period, "2025-08-15").status).toBe("no_goal");
    expect(judgeIndicator([], noGoal, "higher", period, "2025-08-15").status).toBe("no_goal");
  });

  it("the 2019 jobafklaring project: goals missed by 12 and 38 points are Bagud, also without a baseline", () => {
    // period 01-05-2019 – 30-04-2021, goal date 01-05-2021; seed 000's status december 2020
    const ja = { start: "2019-05-01", end: "2021-04-30" };
    const loentilskud: Target = { milestones: [], final: { date: "2021-05-01", value: 17 } };
    const j = judgeIndicator([{ period: "2020-12", value: 5 }], loentilskud, "higher", ja, "2026-12-02");
    // ended: the final status at 01-05-2021, where the goal 17 applies; 5 < 17 → Bagud
    expect(j).toEqual({ status: "behind", period: "2020-12", value: 5, date: "2021-05-01", ended: true });
    const overEtAar: Target = { milestones: [], final: { date: "2021-05-01", value: 50 } };
    // 88,6 > 50 (lower is better) → Bagud
    expect(
      judgeIndicator([{ period: "2020-12", value: 88.6 }], overEtAar, "lower", ja, "2026-12-02").status,
    ).toBe("behind");
    // while it ran (today 15-12-2020), 5 against the goal 17 was Bagud too: no line before the goal
    expect(
      judgeIndicator([{ period: "2020-12", value: 5 }], loentilskud, "higher", ja, "2020-12-15"),
    ).toMatchObject({
      status: "behind",
      date: "2020-12-01",
      ended: false,
    });
    // 38 pct. in praktik against 30 pct. → Opfyldt
    const praktik: Target = { milestones: [], final: { date: "2021-05-01", value: 30 } };
    expect(
      judgeIndicator([{ period: "2020-12", value: 38 }], praktik, "higher", ja, "2026-12-02").status,
    ).toBe("achieved");
  });
});
