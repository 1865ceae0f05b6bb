import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { TargetInput } from "../../domain/projects.ts";
import { schema } from "../db.ts";
import { describeEachStore } from "../testing.ts";
import {
  createIndicator,
  createProject,
  DuplicateCodeError,
  getIndicator,
  listComments,
  listManualValues,
  listProjects,
  setComment,
  setManualValue,
  updateIndicator,
  updateProject,
} from "./projects.ts";

const target: TargetInput = {
  baseline: { value: 103, date: "2024-01-10", source: "FACIT" },
  milestones: [
    { date: "2024-08-01", value: 100 },
    { date: "2025-01-01", value: 98 },
  ],
  goal: { kind: "absolute", value: 92, date: "2026-01-01" },
};

describeEachStore("projects repository", (getStore) => {
  it("creates and edits a project; a taken code is a DuplicateCodeError", async () => {
    const { db } = getStore();
    const p = await createProject(db, { code: "flere-i-job", name: "Flere i job", targetGroups: ["A", "B"] });
    expect(p).toMatchObject({
      code: "flere-i-job",
      committee: "Udvalget for Beskæftigelse",
      targetGroups: ["A", "B"],
    });
    await expect(createProject(db, { code: "flere-i-job", name: "Igen" })).rejects.toBeInstanceOf(
      DuplicateCodeError,
    );
    const q = await createProject(db, { code: "andet", name: "Andet" });
    await expect(updateProject(db, q.id, { code: "flere-i-job" })).rejects.toBeInstanceOf(DuplicateCodeError);
    const edited = await updateProject(db, p.id, { background: "Afsæt", periodStart: "2024-01-01" });
    expect(edited).toMatchObject({ background: "Afsæt", periodStart: "2024-01-01" });
    expect((await listProjects(db)).map((x) => x.code)).toEqual(["flere-i-job", "andet"]);
  });

  it("stores an indicator with its target and milestones", async () => {
    const { db } = getStore();
    const [p] = await listProjects(db);
    const ind = await createIndicator(db, p!.id, {
      code: "fij-antal",
      name: "Aktivitetsparate kontanthjælpsmodtagere",
      unit: "personer",
      better: "lower",
      kind: "computed",
      definition: { population: { benefits: ["kontanthjaelp"] } },
      target,
    });
    expect(ind).toMatchObject({
      baselineValue: 103,
      baselineDate: "2024-01-10",
      goalValue: 92,
      sortOrder: 1,
    });
    expect(ind.definition).toEqual({ population: { benefits: ["kontanthjaelp"] } });
    expect(ind.milestones.map((m) => [m.date, m.value])).toEqual([
      ["2024-08-01", 100],
      ["2025-01-01", 98],
    ]);
    const updated = await updateIndicator(db, ind.id, {
      definition: { population: { benefits: ["ressourceforloeb"] } },
    });
    expect(updated!.definitionVersion).toBe(2);
    // the same definition again (other key order): not a new version
    const same = await updateIndicator(db, ind.id, {
      definition: { population: { benefits: ["ressourceforloeb"] } },
    });
    expect(same!.definitionVersion).toBe(2);
  });

  it("leaves nothing half-saved when a target edit fails midway", async () => {
    const { db } = getStore();
    const ind = (
      await db.select().from(schema.indicators).where(eq(schema.indicators.code, "fij-antal"))
    )[0]!;
    // bypasses the API's validation: the old milestones are deleted, then the insert of an
    // impossible date fails in the database, so the whole edit must roll back
    const broken = { ...target, milestones: [{ date: "2024-02-30", value: 1 }] } as TargetInput;
    await expect(updateIndicator(db, ind.id, { name: "Nyt navn", target: broken })).rejects.toThrow();
    const after = await getIndicator(db, ind.id);
    expect(after!.name).toBe("Aktivitetsparate kontanthjælpsmodtagere");
    expect(after!.milestones.map((m) => m.value)).toEqual([100, 98]);
  });

  it("keeps one manual value and one comment per month (upsert), empty comment deletes", async () => {
    const { db } = getStore();
    const [p] = await listProjects(db);
    const ind = await createIndicator(db, p!.id, {
      code: "fij-manuel",
      name: "Gode historier",
      unit: "antal",
    });
    await setManualValue(db, { indicatorId: ind.id, period: "2024-02", value: 1, enteredBy: "a" });
    await setManualValue(db, {
      indicatorId: ind.id,
      period: "2024-02",
      value: 2,
      note: "rettet",
      enteredBy: "b",
    });
    await setManualValue(db, { indicatorId: ind.id, period: "2024-03", value: null, enteredBy: "b" });
    const values = await listManualValues(db, [ind.id]);
    expect(values.map((v) => [v.period, v.value, v.note, v.enteredBy])).toEqual([
      ["2024-02", 2, "rettet", "b"],
      ["2024-03", null, null, "b"],
    ]);
    await setComment(db, { projectId: p!.id, period: "2024-02", comment: "Første", author: "a" });
    await setComment(db, { projectId: p!.id, period: "2024-02", comment: "Anden", author: "a" });
    expect((await listComments(db, [p!.id])).map((c) => c.comment)).toEqual(["Anden"]);
    await setComment(db, { projectId: p!.id, period: "2024-02", comment: "  ", author: "a" });
    expect(await listComments(db, [p!.id])).toEqual([]);
  });
});
