/**
 * Forløb chaining (DESIGN 6.1) on hand-made records, read straight from the forloeb_records
 * relation the engine materializes.
 */
import { describe, expect, it } from "vitest";
import { forloebSelect } from "./compile.ts";
import { openSnapshot } from "./execute.ts";
import { writeSnapshot } from "./test-support.ts";

const rec = (
  person_key: string,
  start_date: string,
  end_date: string | null,
  extra: Record<string, string> = {},
) => ({
  person_key,
  benefit: "kontanthjaelp",
  category: "jobparat",
  start_date,
  end_date,
  exit_reason: null as string | null,
  ...extra,
});

async function courses(records: ReturnType<typeof rec>[]) {
  const dir = await writeSnapshot({ benefit_records: records });
  const s = await openSnapshot(dir);
  try {
    const r = await s.connection.runAndReadAll(`
      SELECT person_key, benefit, strftime(course_start, '%Y-%m-%d') AS s, strftime(course_end, '%Y-%m-%d') AS e,
        max(CASE WHEN is_exit_record THEN exit_reason END) AS reason, count(*)::INTEGER AS records,
        count(*) FILTER (WHERE is_exit_record)::INTEGER AS exit_records
      FROM (${forloebSelect}) GROUP BY ALL ORDER BY person_key, benefit, s`);
    return r.getRowObjectsJS();
  } finally {
    s.close();
  }
}

describe("forløb", () => {
  it("joins touching records and splits at a one-day gap", async () => {
    const rows = await courses([
      // t: 2024-01-31 + 1 day = 2024-02-01, the next start: touching, one forløb
      rec("t", "2024-01-01", "2024-01-31", { exit_reason: "job" }),
      rec("t", "2024-02-01", "2024-03-10", { exit_reason: "uddannelse", category: "aktivitetsparat" }),
      // g: 2024-01-31 + 1 day = 2024-02-01 < 2024-02-02: one day (1 Feb) uncovered, two forløb
      rec("g", "2024-01-01", "2024-01-31", { exit_reason: "job" }),
      rec("g", "2024-02-02", "2024-03-10", { exit_reason: "flyttet" }),
    ]);
    expect(rows).toEqual([
      {
        person_key: "g",
        benefit: "kontanthjaelp",
        s: "2024-01-01",
        e: "2024-01-31",
        reason: "job",
        records: 1,
        exit_records: 1,
      },
      {
        person_key: "g",
        benefit: "kontanthjaelp",
        s: "2024-02-02",
        e: "2024-03-10",
        reason: "flyttet",
        records: 1,
        exit_records: 1,
      },
      // the category change inside the chain does not end it
      {
        person_key: "t",
        benefit: "kontanthjaelp",
        s: "2024-01-01",
        e: "2024-03-10",
        reason: "uddannelse",
        records: 2,
        exit_records: 1,
      },
    ]);
  });

  it("chains against the running max end, not the previous record's end", async () => {
    const rows = await courses([
      // a long record 01-01..06-30 swallows a short one 02-01..02-10; 07-01 touches the long one
      rec("m", "2024-01-01", "2024-06-30", { exit_reason: "job" }),
      rec("m", "2024-02-01", "2024-02-10", { exit_reason: "barsel" }),
      rec("m", "2024-07-01", "2024-07-05", { exit_reason: "flyttet" }),
    ]);
    expect(rows).toEqual([
      {
        person_key: "m",
        benefit: "kontanthjaelp",
        s: "2024-01-01",
        e: "2024-07-05",
        reason: "flyttet",
        records: 3,
        exit_records: 1,
      },
    ]);
  });

  it("is open when any record of the chain is open, even if a later record has an end", async () => {
    const rows = await courses([
      rec("o", "2024-01-01", null),
      rec("o", "2024-05-01", "2024-06-30", { exit_reason: "job" }),
      // 2030 is far after: still inside the open record, so the same open chain
      rec("o", "2030-01-01", "2030-02-01", { exit_reason: "job" }),
    ]);
    expect(rows).toEqual([
      {
        person_key: "o",
        benefit: "kontanthjaelp",
        s: "2024-01-01",
        e: null,
        reason: null,
        records: 3,
        exit_records: 1,
      },
    ]);
  });

  it("takes the exit reason of the latest end, on a tie the later start", async () => {
    const rows = await courses([
      rec("x", "2024-01-01", "2024-03-31", { exit_reason: "job" }),
      rec("x", "2024-02-15", "2024-03-31", { exit_reason: "uddannelse" }), // same end, later start: wins
      rec("x", "2024-01-10", "2024-03-01", { exit_reason: "flyttet" }),
    ]);
    expect(rows.map((r) => [r.s, r.e, r.reason])).toEqual([["2024-01-01", "2024-03-31", "uddannelse"]]);
  });

  it("keeps benefits apart: a different benefit never continues a chain", async () => {
    const rows = await courses([
      rec("b", "2024-01-01", "2024-01-31", { exit_reason: "sygedagpenge" }),
      rec("b", "2024-02-01", "2024-02-28", { benefit: "sygedagpenge", category: "", exit_reason: "job" }),
    ]);
    expect(rows.map((r) => [r.benefit, r.s, r.e])).toEqual([
      ["kontanthjaelp", "2024-01-01", "2024-01-31"],
      ["sygedagpenge", "2024-02-01", "2024-02-28"],
    ]);
  });
});
