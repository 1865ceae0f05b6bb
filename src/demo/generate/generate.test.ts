import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../warehouse/test-support.ts";
import { companyCvr, generateMunicipality } from "./generate.ts";

function folderHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest("hex");
}

async function query(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    const csv = (f: string) => `read_csv('${path.join(dir, f)}', header = true, all_varchar = true)`;
    await c.run(
      `CREATE VIEW y AS SELECT cpr, ydelse, kategori, startdato::DATE AS s, slutdato::DATE AS e FROM ${csv("ydelsesforloeb.csv")}`,
    );
    // birth date from personer.csv, else from the CPR (DESIGN 4 century rule)
    const n = "replace(cpr, '-', '')";
    const yy = `CAST(substr(${n}, 5, 2) AS INTEGER)`;
    const d7 = `CAST(substr(${n}, 7, 1) AS INTEGER)`;
    const century = `CASE WHEN ${d7} <= 3 THEN 1900 WHEN ${d7} IN (4, 9) THEN CASE WHEN ${yy} <= 36 THEN 2000 ELSE 1900 END ELSE CASE WHEN ${yy} <= 57 THEN 2000 ELSE 1800 END END`;
    const fromCpr = `make_date(${century} + ${yy}, CAST(substr(${n}, 3, 2) AS INTEGER), CAST(substr(${n}, 1, 2) AS INTEGER))`;
    await c.run(
      `CREATE VIEW p AS SELECT cpr, coalesce(foedselsdato::DATE, ${fromCpr}) AS foedselsdato FROM ${csv("personer.csv")}`,
    );
    await c.run(`CREATE VIEW m AS SELECT cpr, projekt FROM ${csv("markeringer.csv")}`);
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe("demo municipality generator", () => {
  it("is deterministic for a seed and differs between seeds", async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    await generateMunicipality({ out: a, scale: 0.02, seed: 5 });
    await generateMunicipality({ out: b, scale: 0.02, seed: 5 });
    await generateMunicipality({ out: c, scale: 0.02, seed: 6 });
    expect(folderHash(a)).toBe(folderHash(b));
    expect(folderHash(a)).not.toBe(folderHash(c));
    // the default extraction date lies inside the 2024–2025 projects' period
    expect(JSON.parse(readFileSync(path.join(a, "manifest.json"), "utf8")).udtraeksdato).toBe("2025-10-10");
  });

  describe("at scale 1", () => {
    const dir = tempDir();
    beforeAll(async () => {
      await generateMunicipality({ out: dir, scale: 1, seed: 1 });
    }, 120_000);

    /** persons on a benefit on 2024-01-01 (the seed's "status primo 2024"), by category and age ≥ 30 */
    const stock = async (benefit: string, category?: string) => {
      const [row] = await query(
        dir,
        `SELECT count(DISTINCT y.cpr)::INTEGER AS n FROM y
         LEFT JOIN p ON p.cpr = y.cpr
         WHERE ydelse = '${benefit}' AND s <= DATE '2024-01-01' AND (e IS NULL OR e >= DATE '2024-01-01')
         ${category ? `AND kategori = '${category}' AND date_diff('year', p.foedselsdato::DATE, DATE '2024-01-01') >= 30` : ""}`,
      );
      return Number(row?.n);
    };

    // the seed-002 status schemes' stocks; synthetic data may miss them by a quarter
    it.each([
      ["a-dagpenge", undefined, 644],
      ["kontanthjaelp", "aktivitetsparat", 103],
      ["kontanthjaelp", "jobparat", 80],
      ["ressourceforloeb", undefined, 74],
    ])("%s %s: about %i persons in January 2024", async (benefit, category, expected) => {
      const n = await stock(benefit, category);
      expect(n).toBeGreaterThan(expected * 0.75);
      expect(n).toBeLessThan(expected * 1.25);
    });

    // the måltal table of seed 002: full-time persons per benefit
    it.each([
      ["sygedagpenge", 650],
      ["uddannelseshjaelp", 238],
      ["fleksjob", 1200],
    ])("%s: about %i full-time persons in 2024", async (benefit, expected) => {
      const [row] = await query(
        dir,
        `SELECT sum(least(coalesce(e, DATE '2024-12-31'), DATE '2024-12-31') - greatest(s, DATE '2024-01-01') + 1) / 366 AS fte
         FROM y WHERE ydelse = '${benefit}' AND s <= DATE '2024-12-31' AND (e IS NULL OR e >= DATE '2024-01-01')`,
      );
      expect(Number(row?.fte)).toBeGreaterThan(expected * 0.75);
      expect(Number(row?.fte)).toBeLessThan(expected * 1.25);
    });

    it("marks participants of the five seed-002 projects and the 2019 jobafklaring project", async () => {
      const rows = await query(
        dir,
        "SELECT projekt, count(DISTINCT cpr)::INTEGER AS n FROM m GROUP BY 1 ORDER BY 1",
      );
      expect(rows.map((r) => r.projekt)).toEqual([
        "flere-i-job",
        "haandholdt-jobparate-kh",
        "jobafklaring-2019",
        "klar-parat-i-job",
        "kompetenceporten",
        "socialt-frikort",
      ]);
      for (const r of rows) expect(Number(r.n)).toBeGreaterThan(5);
    });
  });
});

describe("synthetic CVR numbers", () => {
  it("stay 8 digits for the company counts of scale 100", () => {
    // 11.366 × 7919 = 90.007.354: the old 10.000.000 + product gave the 9-digit 100.007.354
    expect(companyCvr(11_366)).toBe("10007354");
    // small n is unchanged: 1 × 7919 → 10.007.919
    expect(companyCvr(1)).toBe("10007919");
    expect(companyCvr(90_000_000 - 1)).toMatch(/^\d{8}$/);
  });
});
