import type { Db } from "../store/db.ts";

/** The demo's price catalogue, business cases and måltal table (seed 001/002/004). */
export async function seedEconomics(_db: Db): Promise<void> {}
