import { sql } from "drizzle-orm";
import type { Role } from "../domain/access.ts";
import { addUser } from "../services/accounts.ts";
import type { Db } from "../store/db.ts";
import { queryRows } from "../store/db.ts";

/**
 * The demo's accounts, one per role, all with the same published password: a newcomer signs in at
 * once (the sign-in page of a demo installation lists them; README «Sign-in and roles»). The
 * projektleder leads the demo's first project; the analytiker also has the permission borgerdata.
 */
export const DEMO_PASSWORD = "effektspor-demo";

export const DEMO_USERS: { username: string; name: string; role: Role; personLevel: boolean }[] = [
  { username: "admin", name: "Demo Administrator", role: "administrator", personLevel: false },
  { username: "analytiker", name: "Demo Analytiker", role: "analytiker", personLevel: true },
  { username: "projektleder", name: "Demo Projektleder", role: "projektleder", personLevel: false },
  { username: "laeser", name: "Demo Læser", role: "laeser", personLevel: false },
];

export async function addDemoUsers(db: Db): Promise<void> {
  const [first] = await queryRows<{ id: number }>(
    db,
    sql`select id from projects order by sort_order, id limit 1`,
  );
  for (const u of DEMO_USERS) {
    const leads = u.role === "projektleder" && first ? [first.id] : [];
    await addUser(db, { ...u, password: DEMO_PASSWORD, demoAccount: true, leads }, "demo");
  }
}
