import type { Db } from "../store/db.ts";

/** The six demo projects with indicators and targets (seed 000/001/002/004). */
export async function seedProjects(_db: Db): Promise<void> {}
