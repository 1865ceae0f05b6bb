/**
 * The demo's effect definitions (DESIGN 9.1, issue 13): the three seed projects whose markers
 * allow an effect against a matched comparison group. Intake from the start of 2024 (cut at the
 * extraction month); horizons −6 (the before-referral check), 3, 6 and 12 months.
 */
import { eq } from "drizzle-orm";
import type { EffectDefinition } from "../engine/effect/definition.ts";
import { type Db, schema } from "../store/db.ts";
import { insertEffectDefinition } from "../store/repositories/effects.ts";

export const DEMO_EFFECTS: EffectDefinition[] = [
  {
    id: "fij-effekt-kh",
    name: "Flere i job – aktivitetsparate kontanthjælpsmodtagere over 30 år",
    project: "flere-i-job",
    population: { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { min: 30 } },
    intake: { from: "2024-01", to: "2025-12" },
    horizons: [-6, 3, 6, 12],
  },
  {
    id: "hh-effekt-kh",
    name: "Håndholdt indsats – jobparate kontanthjælpsmodtagere over 30 år",
    project: "haandholdt-jobparate-kh",
    population: { benefits: ["kontanthjaelp"], categories: ["jobparat"], age: { min: 30 } },
    intake: { from: "2024-01", to: "2025-12" },
    horizons: [-6, 3, 6, 12],
    outcome_benefits: ["kontanthjaelp", "uddannelseshjaelp", "a-dagpenge"],
  },
  {
    id: "kpj-effekt-adp",
    name: "Klar, parat – i job – a-dagpengemodtagere",
    project: "klar-parat-i-job",
    population: { benefits: ["a-dagpenge"] },
    intake: { from: "2024-01", to: "2025-12" },
    horizons: [-6, 3, 6, 12],
  },
] as EffectDefinition[];

/** Store the demo's effect definitions on their projects (matched by the marker code = project code). */
export async function attachDemoEffects(db: Db): Promise<number> {
  let n = 0;
  for (const def of DEMO_EFFECTS) {
    const [project] = await db
      .select({ id: schema.projects.id })
      .from(schema.projects)
      .where(eq(schema.projects.code, def.project));
    if (!project) continue;
    await insertEffectDefinition(db, {
      projectId: project.id,
      code: def.id,
      name: def.name,
      definition: def as unknown as Record<string, unknown>,
      updatedBy: "demo",
    });
    n++;
  }
  return n;
}
