import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { toTarget } from "../domain/projects.ts";
import { resolveGoalValue } from "../domain/status.ts";
import { listIndicators, listProjects } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { seedProjects } from "./projects.ts";

interface GoldenIndicator {
  name: string;
  unit: string;
  better?: "higher" | "lower";
  kind?: string;
  baseline?: number | null;
  baseline_source?: string;
  baseline_count?: number;
  baseline_note?: string;
  milestones: (number | null)[];
  goal_text?: string;
}
interface GoldenProject {
  name: string;
  baseline_date?: string;
  milestone_dates?: string[];
  indicators?: GoldenIndicator[];
  goals_vs_status?: { goal: string; status: string }[];
}

const golden = JSON.parse(readFileSync(goldenPath("statusskemaer.json"), "utf8")) as {
  projects: GoldenProject[];
};

const CODES = [
  "klar-parat-i-job",
  "flere-i-job",
  "kompetenceporten",
  "haandholdt-jobparate-kh",
  "socialt-frikort",
  "jobafklaring-2019",
];

describeEachStore("demo projects vs golden/statusskemaer.json", (getStore) => {
  it("seeds the six projects with the case system's marker codes", async () => {
    const { db } = getStore();
    await seedProjects(db);
    const projects = await listProjects(db);
    expect(projects.map((p) => p.code)).toEqual(CODES);
    expect(projects.map((p) => p.name)).toEqual(golden.projects.map((p) => p.name));
    for (const p of projects) {
      expect(p.background.length, `${p.code}: afsæt`).toBeGreaterThan(100);
      expect(p.targetGroups.length, `${p.code}: målgrupper`).toBeGreaterThan(0);
      expect(p.activities.length, `${p.code}: indsatser`).toBeGreaterThan(0);
      expect(p.longTermGoals.length, `${p.code}: langsigtede mål`).toBeGreaterThan(0);
    }
  });

  it("has every golden indicator with its unit, direction, kind, baseline and milestones", async () => {
    const { db } = getStore();
    const projects = await listProjects(db);
    const all = await listIndicators(db);
    const codes = all.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9][a-z0-9-]*$/);

    let checked = 0;
    for (const g of golden.projects) {
      if (!g.indicators) continue;
      const project = projects.find((p) => p.name === g.name)!;
      const inds = all.filter((i) => i.projectId === project.id);
      expect(
        inds.map((i) => i.name),
        g.name,
      ).toEqual(g.indicators.map((i) => i.name));
      const dates = g.milestone_dates!;
      for (const [k, gi] of g.indicators.entries()) {
        const ind = inds[k]!;
        const where = `${g.name} / ${gi.name}`;
        expect(ind.unit, where).toBe(gi.unit);
        if (gi.better) expect(ind.better, where).toBe(gi.better);
        if (gi.kind) expect(ind.kind, where).toBe(gi.kind);
        expect(ind.baselineValue, where).toBe(gi.baseline ?? null);
        if (gi.baseline !== null && gi.baseline !== undefined && g.baseline_date) {
          expect(ind.baselineDate, where).toBe(g.baseline_date);
        }
        expect(ind.baselineSource, where).toBe(gi.baseline_source ?? null);
        expect(ind.baselineCount, where).toBe(gi.baseline_count ?? null);
        if (gi.baseline_note) expect(ind.baselineNote, where).toBe(gi.baseline_note);
        if (gi.goal_text) expect(ind.goalText, where).toBe(gi.goal_text);
        // the milestone columns, left to right: mindste mål …, and last the final goal (slutmål)
        expect(
          ind.milestones.map((m) => m.date),
          where,
        ).toEqual(dates.slice(0, -1));
        expect(
          ind.milestones.map((m) => m.value),
          where,
        ).toEqual(gi.milestones.slice(0, -1));
        expect(ind.goalDate, where).toBe(dates[dates.length - 1]);
        const target = toTarget({ ...ind, milestones: ind.milestones });
        const final = ind.goalValue === null ? null : resolveGoalValue(target, target.final!.value);
        expect(final, `${where}: slutmål`).toBe(gi.milestones[gi.milestones.length - 1] ?? null);
        checked++;
      }
    }
    // 7 + 10 + 6 + 7 + 10 indicators in the five status schemes of seed 002
    expect(checked).toBe(40);
  });

  it("states relative goals as relative: -40 pct. (80 → 48) and +10 procentpoint (47 → 57)", async () => {
    const { db } = getStore();
    const all = await listIndicators(db);
    const hh = all.find((i) => i.code === "hh-jobparate-over-30")!;
    expect([hh.goalKind, hh.goalValue]).toEqual(["relative_percent", -40]);
    const fij = all.find((i) => i.code === "fij-afsluttet-akt-kh-30")!;
    expect([fij.goalKind, fij.goalValue]).toEqual(["relative_points", 10]);
  });

  it("has seed 000's goals of the jobafklaring project", async () => {
    const { db } = getStore();
    const projects = await listProjects(db);
    const ja = projects.find((p) => p.code === "jobafklaring-2019")!;
    const inds = (await listIndicators(db, ja.id)).map((i) => i.goalText);
    const goals = golden.projects.find((p) => p.goals_vs_status)!.goals_vs_status!.map((g) => g.goal);
    expect(inds).toEqual(goals);
    expect(ja.footnotes).toEqual(["* Fra perioden 2kv18-1kv19 til perioden 4kv19-3kv20"]);
  });
});
