/**
 * The demo's benchmark set (issue 14): synthetic but plausible jobindsats.dk values for Hedensted,
 * the other RAR Østjylland municipalities, the RAR area and the whole country, stored with source
 * "demo" so every view labels them "demodata (syntetiske tal)". Deterministic: the same numbers on
 * every installation.
 *
 * Hedensted's full-time persons per benefit follow Effektspor's own on the demo snapshot, every
 * month (within ±4 %, as a real extract differs a little from jobindsats), so "egne tal mod
 * jobindsats" shows a complete extract; the other municipalities' shares of the population are Hedensted's times
 * a fixed factor per municipality, Hedensted having the lowest a-dagpenge share in RAR Østjylland
 * (the seeds' "laveste ledighedsprocent i RAR Østjylland området").
 */
import { addMonths, monthRange } from "../domain/calendar.ts";
import {
  formatPeriodCode,
  JOBINDSATS_TABLES,
  MEASURE_FTE,
  MEASURE_PERSONS,
  monthToPeriodCode,
  RAR_OESTJYLLAND,
  RAR_OESTJYLLAND_NAME,
  WHOLE_COUNTRY,
} from "../domain/jobindsats.ts";
import { type BenefitCode, benefitCodes } from "../engine/definition.ts";
import { ownFullTimePersons } from "../services/jobindsats.ts";
import { defaultSnapshotId, snapshotInUse } from "../services/snapshot-choice.ts";
import type { Db } from "../store/db.ts";
import { type JobindsatsValueInput, upsertJobindsatsValues } from "../store/repositories/jobindsats.ts";

export const MEASURE_PCT = "Fuldtidspersoner i pct. af befolkningen 16-66 år";
export const MEASURE_JOB = "Andel i job (pct.)";

/** residents aged 16-66, rounded (synthetic, of the right size) */
const POPULATION: Record<string, number> = {
  Aarhus: 241_000,
  Favrskov: 30_500,
  Hedensted: 29_800,
  Horsens: 60_200,
  Norddjurs: 22_900,
  Odder: 14_300,
  Randers: 62_100,
  Samsø: 2_300,
  Silkeborg: 58_600,
  Skanderborg: 39_200,
  Syddjurs: 26_700,
};
const COUNTRY_POPULATION = 3_870_000;

/** each municipality's level beside Hedensted's (1 = as Hedensted), per benefit group */
const LEVEL: Record<string, { adp: number; other: number; job: number }> = {
  Aarhus: { adp: 1.55, other: 1.2, job: 0.93 },
  Favrskov: { adp: 1.08, other: 0.82, job: 1.04 },
  Hedensted: { adp: 1, other: 1, job: 1 },
  Horsens: { adp: 1.32, other: 1.18, job: 0.97 },
  Norddjurs: { adp: 1.41, other: 1.36, job: 0.9 },
  Odder: { adp: 1.05, other: 0.88, job: 1.02 },
  Randers: { adp: 1.37, other: 1.29, job: 0.94 },
  Samsø: { adp: 1.22, other: 1.1, job: 0.88 },
  Silkeborg: { adp: 1.12, other: 0.97, job: 1.01 },
  Skanderborg: { adp: 1.03, other: 0.79, job: 1.06 },
  Syddjurs: { adp: 1.19, other: 1.08, job: 0.98 },
};
const COUNTRY_LEVEL = { adp: 1.45, other: 1.25, job: 0.95 };

/** Hedensted's share of the 16-66 year-olds per benefit when no computed value is at hand (pct.) */
const BASE_PCT: Record<string, number> = {
  "a-dagpenge": 1.6,
  sygedagpenge: 1.9,
  fleksjob: 2.6,
  ressourceforloeb: 0.55,
  jobafklaring: 0.4,
  kontanthjaelp: 1.3,
  uddannelseshjaelp: 0.6,
};

/** A repeatable number in [-1, 1] for a text (FNV-1a). */
function noise(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export const DEMO_MONTHS = { from: "2023-01", to: "2024-12" };

/**
 * Hedensted's own full-time persons per benefit and jobindsats month, computed on the demo's
 * snapshot exactly as "Egne tal mod jobindsats.dk" computes them (every benefit, every month).
 */
async function ownFte(db: Db, dataDir: string): Promise<Map<string, number>> {
  const snapshotId = (await snapshotInUse(db, dataDir))?.id ?? (await defaultSnapshotId(db, dataDir));
  if (!snapshotId) return new Map();
  const benefits = [...new Set(JOBINDSATS_TABLES.map((t) => t.benefit))].filter(
    (b): b is BenefitCode => b !== undefined && (benefitCodes as readonly string[]).includes(b),
  );
  const own = await ownFullTimePersons(dataDir, snapshotId, benefits, DEMO_MONTHS);
  const out = new Map<string, number>();
  for (const [key, value] of own) if (value !== null && value > 0) out.set(key, value);
  return out;
}

export function demoJobindsatsValues(own: Map<string, number> = new Map()): JobindsatsValueInput[] {
  const fetchedAt = new Date("2025-01-15T08:00:00Z");
  const months = monthRange(DEMO_MONTHS.from, DEMO_MONTHS.to);
  const out: JobindsatsValueInput[] = [];
  const push = (
    tableId: string,
    tableName: string,
    measure: string,
    area: string,
    period: string,
    value: number,
  ) =>
    out.push({
      tableId,
      tableName,
      measure,
      measureLabel: measure,
      area,
      period,
      value,
      fetchedAt,
      source: "demo",
    });

  for (const t of JOBINDSATS_TABLES) {
    if (t.kind !== "recipients" || !t.benefit) continue;
    if (t.id === "y36a02") continue; // the old kontanthjælp table: y60a02 carries it in the demo
    const group = t.benefit === "a-dagpenge" ? "adp" : "other";
    const base = BASE_PCT[t.benefit] ?? 1;
    for (const month of months) {
      const period = monthToPeriodCode(month);
      const season = 1 + 0.06 * Math.cos(((Number(month.slice(5)) - 1) / 12) * 2 * Math.PI);
      // Hedensted's share: from the demo's own computed value when there is one
      const ownValue = own.get(`${t.benefit}\u0000${month}`);
      const hedPct =
        ownValue !== undefined
          ? ((ownValue * (1 + 0.04 * noise(`${t.id}${month}`))) / POPULATION.Hedensted!) * 100
          : base * season * (1 + 0.03 * noise(`${t.id}${month}H`));
      const areas: [string, number, number][] = RAR_OESTJYLLAND.map((a) => [
        a,
        POPULATION[a]!,
        a === "Hedensted" ? hedPct : hedPct * LEVEL[a]![group] * (1 + 0.025 * noise(`${t.id}${a}${month}`)),
      ]);
      let rarFte = 0;
      let rarPop = 0;
      for (const [area, pop, pct] of areas) {
        const fte = round1((pop * pct) / 100);
        rarFte += fte;
        rarPop += pop;
        push(t.id, t.label, MEASURE_FTE, area, period, fte);
        push(t.id, t.label, MEASURE_PERSONS, area, period, Math.round(fte * 1.22));
        push(t.id, t.label, MEASURE_PCT, area, period, Math.round((fte / pop) * 10_000) / 100);
      }
      push(t.id, t.label, MEASURE_FTE, RAR_OESTJYLLAND_NAME, period, round1(rarFte));
      push(t.id, t.label, MEASURE_PERSONS, RAR_OESTJYLLAND_NAME, period, Math.round(rarFte * 1.22));
      push(
        t.id,
        t.label,
        MEASURE_PCT,
        RAR_OESTJYLLAND_NAME,
        period,
        Math.round((rarFte / rarPop) * 10_000) / 100,
      );
      const countryPct = hedPct * COUNTRY_LEVEL[group];
      const countryFte = Math.round((COUNTRY_POPULATION * countryPct) / 100);
      push(t.id, t.label, MEASURE_FTE, WHOLE_COUNTRY, period, countryFte);
      push(t.id, t.label, MEASURE_PERSONS, WHOLE_COUNTRY, period, Math.round(countryFte * 1.22));
      push(t.id, t.label, MEASURE_PCT, WHOLE_COUNTRY, period, Math.round(countryPct * 100) / 100);
    }
  }

  // exits to job, moving four quarters: 2. kvt. 2023 … 4. kvt. 2024
  const quarters: { year: number; quarter: number }[] = [];
  for (let m = "2023-06"; m <= DEMO_MONTHS.to; m = addMonths(m, 3)) {
    quarters.push({ year: Number(m.slice(0, 4)), quarter: Number(m.slice(5)) / 3 });
  }
  for (const q of quarters) {
    const period = formatPeriodCode({ kind: "QMAT", ...q });
    const hed = 44 + 1.5 * noise(`job${period}`);
    for (const a of RAR_OESTJYLLAND) {
      push(
        "y14d03",
        "Fra ydelse til job",
        MEASURE_JOB,
        a,
        period,
        round1(a === "Hedensted" ? hed : hed * LEVEL[a]!.job * (1 + 0.02 * noise(`job${a}${period}`))),
      );
    }
    push("y14d03", "Fra ydelse til job", MEASURE_JOB, RAR_OESTJYLLAND_NAME, period, round1(hed * 0.96));
    push("y14d03", "Fra ydelse til job", MEASURE_JOB, WHOLE_COUNTRY, period, round1(hed * COUNTRY_LEVEL.job));
  }

  // expected vs actual share on public support, per quarter
  for (const q of quarters) {
    const period = formatPeriodCode({ kind: "Q", ...q });
    const tableName = "Forventet og faktisk andel på offentlig forsørgelse";
    for (const a of [...RAR_OESTJYLLAND, RAR_OESTJYLLAND_NAME, WHOLE_COUNTRY]) {
      const level =
        a === RAR_OESTJYLLAND_NAME ? 1.2 : a === WHOLE_COUNTRY ? COUNTRY_LEVEL.other : LEVEL[a]!.other;
      const expected = round1(11 * (0.7 + 0.3 * level) + 0.3 * noise(`exp${a}${period}`));
      const actual = round1(expected + (a === "Hedensted" ? -0.8 : 0.9 * noise(`act${a}${period}`)));
      push("y30r21", tableName, "Forventet andel (pct.)", a, period, expected);
      push("y30r21", tableName, "Faktisk andel (pct.)", a, period, actual);
      push("y30r21", tableName, "Forskel (pct.-point)", a, period, round1(actual - expected));
    }
  }
  return out;
}

/**
 * Stores the demo benchmark set; given the data directory with the demo's snapshot, Hedensted's
 * full-time persons follow Effektspor's own (within ±4 %), else they are synthetic levels.
 */
export async function seedDemoJobindsats(db: Db, dataDir?: string): Promise<number> {
  const own = dataDir ? await ownFte(db, dataDir) : new Map<string, number>();
  return upsertJobindsatsValues(db, demoJobindsatsValues(own));
}
