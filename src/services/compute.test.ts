import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { tempDir } from "../engine/test-support.ts";
import { schema } from "../store/db.ts";
import {
  getComputedValue,
  getFrozenValue,
  latestComputation,
  listComputedValues,
  listRevisions,
} from "../store/repositories/computed.ts";
import { describeEachStore } from "../store/testing.ts";
import {
  definitionHash,
  definitionOfIndicator,
  describeIndicatorDefinition,
  runComputation,
  validateDefinitionInput,
  viewValue,
} from "./compute.ts";
import { freezeProjectPeriod } from "./freeze.ts";
import {
  catalogueSnapshot,
  personA,
  seedTinyProject,
  tinyRows,
  writeDataDirSnapshot,
} from "./test-fixtures.ts";

describeEachStore("compute service", (getStore) => {
  const dataDir = tempDir("effektspor-compute-");
  let ids: Awaited<ReturnType<typeof seedTinyProject>>;

  beforeAll(async () => {
    const { db } = getStore();
    ids = await seedTinyProject(db);
    await writeDataDirSnapshot(dataDir, "s1", tinyRows);
    await catalogueSnapshot(db, "s1");
  });

  it("computes every computed indicator for 2024-01 … the extraction month, with provenance", async () => {
    const { db } = getStore();
    const progress: number[] = [];
    const summary = await runComputation(db, dataDir, {
      startedBy: "test",
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary.error).toBeUndefined();
    expect(summary.status).toBe("ok");
    // extraction date 2024-03-15 → months 2024-01, 2024-02, 2024-03; 2 indicators × 3 months
    expect(summary.range).toEqual({ from: "2024-01", to: "2024-03" });
    expect(summary.valueCount).toBe(6);
    expect(progress.at(-1)).toBe(2);

    const stock = await listComputedValues(db, ids.stock.id);
    // D=2024-01-01: only A (B starts 01-15) → 1; D=02-01: A and B → 2; D=03-01: B ended 02-20 → 1
    expect(stock.map((v) => [v.period, v.value])).toEqual([
      ["2024-01", 1],
      ["2024-02", 2],
      ["2024-03", 1],
    ]);
    const praktik = await listComputedValues(db, ids.praktik.id);
    // A's praktik 02-01 … 02-29 is active only on D=2024-02-01: 1 of 2 = 50 %; otherwise 0 of 1
    expect(praktik.map((v) => [v.period, v.value, v.numerator, v.denominator])).toEqual([
      ["2024-01", 0, 0, 1],
      ["2024-02", 50, 1, 2],
      ["2024-03", 0, 0, 1],
    ]);
    const v = stock[1]!;
    expect(v.snapshotId).toBe("s1");
    expect(v.computationId).toBe(summary.computation.id);
    expect(v.definitionVersion).toBe(1);
    expect(v.definitionHash).toBe(definitionHash(definitionOfIndicator(ids.stock).value!));
    expect(v.compiledSql).toContain("benefit IN ('kontanthjaelp')");

    const run = await latestComputation(db);
    expect(run?.status).toBe("ok");
    expect(run?.snapshotId).toBe("s1");
    expect(run?.valueCount).toBe(6);
    expect(run?.indicatorCount).toBe(2);
    expect(run?.durationMs).toBeGreaterThanOrEqual(0);
    expect(run?.progressStep).toBe("Færdig");
  });

  it("keeps the last good values when a computation fails, and records why", async () => {
    const { db } = getStore();
    const before = await listComputedValues(db, ids.stock.id);
    // a newer snapshot whose benefit file is not Parquet at all
    const dir = await writeDataDirSnapshot(dataDir, "s2", tinyRows);
    writeFileSync(join(dir, "benefit_records.parquet"), "ikke parquet");
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("failed");
    const run = await latestComputation(db);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/fejlede/);
    expect(run?.error).toMatch(/De seneste gyldige værdier er bevaret/);
    const after = await listComputedValues(db, ids.stock.id);
    expect(after).toEqual(before);
    expect(after[0]?.snapshotId).toBe("s1");
  });

  it("never overwrites a frozen value; a changed recomputation shows as a revision old → new", async () => {
    const { db } = getStore();
    const frozen = await freezeProjectPeriod(db, {
      projectId: ids.project.id,
      period: "2024-02",
      frozenBy: "test",
    });
    // two computed indicators have a 2024-02 value
    expect(frozen).toEqual({ frozen: 2, alreadyFrozen: 0 });
    // new data: B was never on kontanthjælp → stock 2024-02 becomes 1 (only A), praktik share 1 of 1 = 100 %
    await writeDataDirSnapshot(dataDir, "s3", {
      ...tinyRows,
      benefit_records: tinyRows.benefit_records.slice(0, 1),
    });
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("ok");
    expect((await getComputedValue(db, ids.stock.id, "2024-02"))?.value).toBe(1);
    expect((await getFrozenValue(db, ids.stock.id, "2024-02"))?.value).toBe(2);
    const revisions = await listRevisions(db, ids.project.id);
    expect(revisions.map((r) => [r.code, r.period, r.old, r.new])).toEqual([
      [ids.stock.code, "2024-02", 2, 1],
      [ids.praktik.code, "2024-02", 50, 100],
    ]);
    expect(summary.revisions).toHaveLength(2);
    // freezing the same month again keeps what was reported
    expect(
      await freezeProjectPeriod(db, { projectId: ids.project.id, period: "2024-02", frozenBy: "x" }),
    ).toEqual({
      frozen: 0,
      alreadyFrozen: 2,
    });
    expect((await getFrozenValue(db, ids.stock.id, "2024-02"))?.value).toBe(2);
  });

  it("skips an invalid definition with a warning and computes the others", async () => {
    const { db } = getStore();
    await db
      .update(schema.indicators)
      .set({
        definition: { population: { benefits: ["kontanthjaelp"] }, measure: { kind: "activity_share" } },
      })
      .where(eq(schema.indicators.id, ids.praktik.id));
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("ok");
    expect(summary.indicatorCount).toBe(1);
    expect(summary.warnings).toEqual([
      { indicator: ids.praktik.code, message: expect.stringMatching(/^definition\.measure\.kinds: /) },
    ]);
    expect((await latestComputation(db))?.warnings).toEqual(summary.warnings);
  });

  it("fails with a Danish message when there is no snapshot", async () => {
    const { db } = getStore();
    const summary = await runComputation(db, tempDir("effektspor-empty-"), { startedBy: "test" });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/ingen snapshots/);
    // the values of the earlier good run are still there
    expect((await getComputedValue(db, ids.stock.id, "2024-01"))?.value).toBe(1);
    void personA;
  });
});

it("validates a definition from YAML or an object, with dotted paths", () => {
  const ok = validateDefinitionInput({
    yaml: "population:\n  benefits: [kontanthjaelp]\n  age: { min: 30 }\nmeasure: { kind: stock }\n",
  });
  expect(ok.errors).toEqual([]);
  expect(ok.value[0]?.population?.age).toEqual({ min: 30 });
  const bad = validateDefinitionInput({
    definition: { population: { benefits: ["kontanthjælp"] }, measure: { kind: "activity_share" } },
  });
  expect(bad.value).toEqual([]);
  expect(bad.errors.map((e) => e.path).sort()).toEqual(["measure.kinds", "population.benefits[0]"]);
  const file = validateDefinitionInput({
    yaml: "indicators:\n  - id: x\n    name: X\n    unit: personer\n    better: lower\n    population: { benefits: [kontanthjaelp] }\n    measure: { kind: stock }\n",
  });
  expect(file.errors).toEqual([]);
  expect(file.value[0]?.id).toBe("x");
  const broken = validateDefinitionInput({ yaml: "population: [\n" });
  expect(broken.errors[0]?.message).toMatch(/Ugyldig YAML/);
});

it("stores the count or the rest of a share measure when the definition asks for it", () => {
  const row = { value: 25, numerator: 3, denominator: 12 };
  expect(viewValue(row, "share")).toBe(25);
  // the numerator: 3 persons
  expect(viewValue(row, "count")).toBe(3);
  // denominator − numerator: 12 − 3 = 9 persons
  expect(viewValue(row, "rest")).toBe(9);
  const ind = {
    code: "x",
    name: "X",
    unit: "personer",
    better: "higher",
    definition: {
      population: { benefits: ["a-dagpenge"] },
      measure: { kind: "duration_over_share", days: 91 },
      result: "count",
    },
  };
  const parsed = definitionOfIndicator(ind);
  expect(parsed.errors).toEqual([]);
  expect(parsed.result).toBe("count");
  expect(describeIndicatorDefinition(parsed.value!, parsed.result)).toMatch(
    /Tallet er antallet \(tælleren\)/,
  );
  // result on a measure without numerator is refused with its path
  const bad = definitionOfIndicator({
    ...ind,
    definition: { ...ind.definition, measure: { kind: "stock" } },
  });
  expect(bad.errors.map((e) => e.path)).toEqual(["definition.result"]);
});
