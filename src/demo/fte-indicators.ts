/**
 * Full-time-person (fte) indicators for the demo's economics. Realized gain (measured full-time
 * persons against the baseline, priced with the catalogue) and the måltal follow-up read `fte`
 * indicators; seed 002's status schemes have none, so they are added beside them here rather than
 * in the transcribed schemes. Each project's share follows seed 002's måltal table: Flere i job
 * expects 2 fewer full-time persons on each of kontanthjælp, uddannelseshjælp and ressourceforløb
 * (seed 004); Kompetenceporten −1 sygedagpenge and −3 a-dagpenge; Socialt Frikort −10 fleksjob.
 *
 * The baseline is the first computed month (primo januar 2024): `setFteBaselinesFromData` copies
 * it after the demo's first computation, so the relative goal (−N full-time persons) can be placed.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../store/db.ts";
import { schema } from "../store/db.ts";
import { createIndicator, getProjectByCode } from "../store/repositories/projects.ts";

interface FteIndicator {
  project: string;
  code: string;
  benefit: string;
  /** the jobindsats.dk table counting the same benefit (DESIGN 9.3), named in the description */
  table: string;
  label: string;
  /** the project's måltal adjustment: change in full-time persons */
  change: number;
}

export const DEMO_FTE_INDICATORS: FteIndicator[] = [
  {
    project: "flere-i-job",
    code: "fij-fte-kontanthjaelp",
    benefit: "kontanthjaelp",
    table: "y60a02",
    label: "kontanthjælp",
    change: -2,
  },
  {
    project: "flere-i-job",
    code: "fij-fte-uddannelseshjaelp",
    benefit: "uddannelseshjaelp",
    table: "y38a02",
    label: "uddannelseshjælp",
    change: -2,
  },
  {
    project: "flere-i-job",
    code: "fij-fte-ressourceforloeb",
    benefit: "ressourceforloeb",
    table: "y11a02",
    label: "ressourceforløb",
    change: -2,
  },
  {
    project: "kompetenceporten",
    code: "kp-fte-sygedagpenge",
    benefit: "sygedagpenge",
    table: "y07a02",
    label: "sygedagpenge",
    change: -1,
  },
  {
    project: "kompetenceporten",
    code: "kp-fte-a-dagpenge",
    benefit: "a-dagpenge",
    table: "y01a02",
    label: "a-dagpenge",
    change: -3,
  },
  {
    project: "socialt-frikort",
    code: "sf-fte-fleksjob",
    benefit: "fleksjob",
    table: "y08a02",
    label: "fleksjob",
    change: -10,
  },
];

const BASELINE_MONTH = "2024-01";
const GOAL_DATE = "2026-01-01";

export async function addDemoFteIndicators(db: Db): Promise<number> {
  let added = 0;
  for (const fte of DEMO_FTE_INDICATORS) {
    const project = await getProjectByCode(db, fte.project);
    if (!project) continue;
    await createIndicator(db, project.id, {
      code: fte.code,
      name: `Fuldtidspersoner på ${fte.label} (måltal og økonomi)`,
      groupLabel: "Fuldtidspersoner (måltal)",
      unit: "fuldtidspersoner",
      better: "lower",
      kind: "computed",
      // the description names the jobindsats table, so the project page shows jobindsats.dk's
      // full-time persons beside Effektspor's own (indicatorJobindsatsSeries)
      definition: {
        description: `Fuldtidspersoner på ${fte.label} i hele udtrækket; jobindsats.dk tæller det samme i tabel ${fte.table.toUpperCase()}`,
        population: { benefits: [fte.benefit] },
        measure: { kind: "fte", period: "month" },
      },
      target: {
        baseline: { value: null, date: null, source: null },
        milestones: [],
        goal: {
          kind: "relative_change",
          value: fte.change,
          date: GOAL_DATE,
          text: `${Math.abs(fte.change)} færre fuldtidspersoner på ${fte.label} (måltal 2024-2025)`,
        },
      },
    });
    added++;
  }
  return added;
}

/** After the first computation: the baseline of each demo fte indicator is its January 2024 value. */
export async function setFteBaselinesFromData(db: Db): Promise<number> {
  const { indicators, computedValues } = schema;
  let set = 0;
  for (const fte of DEMO_FTE_INDICATORS) {
    const rows = await db
      .select({ id: indicators.id, value: computedValues.value })
      .from(indicators)
      .innerJoin(computedValues, eq(computedValues.indicatorId, indicators.id))
      .where(
        and(
          eq(indicators.code, fte.code),
          eq(computedValues.period, BASELINE_MONTH),
          isNull(indicators.baselineValue),
        ),
      );
    const row = rows[0];
    if (!row || row.value === null) continue;
    await db
      .update(indicators)
      .set({
        baselineValue: Math.round(row.value * 10) / 10,
        baselineDate: `${BASELINE_MONTH}-01`,
        baselineSource: "Beregnet på demodata primo januar 2024",
      })
      .where(eq(indicators.id, row.id));
    set++;
  }
  return set;
}
