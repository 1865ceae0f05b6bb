import type { Db } from "../store/db.ts";
import { seedEconomics } from "./economics.ts";
import { seedProjects } from "./projects.ts";

export type DemoProgress = (step: string) => void;

/**
 * Fills an empty store with the demo municipality: the six projects of the seeds with their
 * indicators and targets, the economics. The case-data snapshot and the computation run after this,
 * from the serve command, because they need the data directory.
 */
export async function seedDemoStore(db: Db, progress: DemoProgress = () => {}): Promise<void> {
  progress("Opretter demoprojekter");
  await db.transaction(async (tx) => {
    await seedProjects(tx as unknown as Db);
    await seedEconomics(tx as unknown as Db);
  });
}
