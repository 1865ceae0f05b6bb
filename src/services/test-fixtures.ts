/**
 * Test fixtures for the compute service and the engine routes: a data directory with snapshot
 * folders written by the engine's test support, and a project with computed indicators.
 *
 * The tiny case (extraction date 2024-03-15):
 *   person A born 1980-05-01: kontanthjælp aktivitetsparat from 2023-06-01, ongoing;
 *                             virksomhedspraktik 2024-02-01 – 2024-02-29
 *   person B born 1990-02-01: kontanthjælp aktivitetsparat 2024-01-15 – 2024-02-20 (exit: job)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeSnapshot } from "../engine/test-support.ts";
import type { Db } from "../store/db.ts";
import { schema } from "../store/db.ts";

export const personA = "a".repeat(64);
export const personB = "b".repeat(64);

export const tinyRows = {
  persons: [
    { person_key: personA, birth_date: "1980-05-01", sex: "K" },
    { person_key: personB, birth_date: "1990-02-01", sex: "M" },
  ],
  benefit_records: [
    {
      person_key: personA,
      benefit: "kontanthjaelp",
      category: "aktivitetsparat",
      start_date: "2023-06-01",
      end_date: null,
      exit_reason: null,
    },
    {
      person_key: personB,
      benefit: "kontanthjaelp",
      category: "aktivitetsparat",
      start_date: "2024-01-15",
      end_date: "2024-02-20",
      exit_reason: "job",
    },
  ],
  activities: [
    {
      person_key: personA,
      kind: "virksomhedspraktik",
      start_date: "2024-02-01",
      end_date: "2024-02-29",
      cvr: null,
    },
  ],
};

/** Write a snapshot folder <dataDir>/snapshots/<id> from rows. */
export async function writeDataDirSnapshot(
  dataDir: string,
  id: string,
  rows: Parameters<typeof writeSnapshot>[0],
  extractionDate = "2024-03-15",
): Promise<string> {
  const dir = join(dataDir, "snapshots", id);
  mkdirSync(dir, { recursive: true });
  await writeSnapshot(rows, { dir, id, extractionDate });
  return dir;
}

/** Register the snapshot in the app store's catalogue, as the import would. */
export async function catalogueSnapshot(db: Db, id: string, extractionDate = "2024-03-15"): Promise<void> {
  await db.insert(schema.snapshots).values({
    id,
    extractionDate,
    source: "test",
    contentHash: `hash-${id}`,
    folder: `snapshots/${id}`,
    counts: {},
    dateRange: { from: null, to: null },
    personCount: 2,
    importedBy: "test",
  });
}

/** A project with two computed indicators: stock and share in virksomhedspraktik. */
export async function seedTinyProject(db: Db, code = "flere-i-job") {
  const [project] = await db.insert(schema.projects).values({ code, name: "Flere i job" }).returning();
  const [stock, praktik] = await db
    .insert(schema.indicators)
    .values([
      {
        projectId: project!.id,
        code: `${code}-kh-akt`,
        name: "Aktivitetsparate kontanthjælpsmodtagere",
        unit: "personer",
        better: "lower",
        kind: "computed",
        definition: {
          population: { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"] },
          measure: { kind: "stock" },
        },
      },
      {
        projectId: project!.id,
        code: `${code}-kh-akt-praktik`,
        name: "Andel med virksomhedspraktik",
        unit: "procent",
        better: "higher",
        kind: "computed",
        definition: {
          population: { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"] },
          measure: { kind: "activity_share", kinds: ["virksomhedspraktik"] },
        },
        sortOrder: 1,
      },
    ])
    .returning();
  return { project: project!, stock: stock!, praktik: praktik! };
}

/** n persons on kontanthjælp (aktivitetsparat) from 2019-01-01, ongoing */
export function ongoingKontanthjaelpRows(n: number) {
  const keys = Array.from({ length: n }, (_, i) => String(i).padStart(64, "0"));
  return {
    persons: keys.map((k) => ({ person_key: k, birth_date: "1980-01-01", sex: "K" })),
    benefit_records: keys.map((k) => ({
      person_key: k,
      benefit: "kontanthjaelp",
      category: "aktivitetsparat",
      start_date: "2019-01-01",
      end_date: null,
      exit_reason: null,
    })),
  };
}

/**
 * Seed 000's "Aktuel status" of December 2020 for the 2019 project (jobafklaring-2019), stored as
 * a computation would store it (without a snapshot): its indicators are computed from case data,
 * which the tests have not imported. `idOf` gives an indicator's id by its code.
 */
export async function storeSeed000Status(db: Db, idOf: (code: string) => number): Promise<void> {
  const seed000: Record<string, number> = {
    "ja-afsluttet-job": 23.7,
    "ja-afsluttet-fleksjob": 16.3,
    "ja-afsluttet-adagpenge": 8.9,
    "ja-virksomhedspraktik": 38,
    "ja-varighed-over-2-aar": 44,
    "ja-varighed-over-1-aar": 88.6,
    "ja-uden-tilbud": 25,
  };
  await db.insert(schema.computedValues).values(
    Object.entries(seed000).map(([code, value]) => ({
      indicatorId: idOf(code),
      period: "2020-12",
      value,
      numerator: null,
      denominator: null,
      snapshotId: null,
      definitionVersion: 1,
      definitionHash: "seed-000",
      compiledSql: "select 1",
    })),
  );
}
