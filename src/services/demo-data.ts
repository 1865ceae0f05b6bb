/**
 * Is there anything in the installation that is not the demo's own data? `demo reset` empties the
 * app store, so it must ask first when a user has imported, typed, edited or frozen something
 * (issue 9, item 9).
 *
 * When the demo is laid out, a fingerprint of every table a user can change is stored (settings
 * key `demo.fingerprint`): per table its row count and a hash of its rows without timestamps.
 * Later the same fingerprint is taken again; a table that differs holds non-demo data. A store
 * with content but no fingerprint (laid out before fingerprints existed) is treated as unknown.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { formatNumber } from "../domain/format.ts";
import { type Db, queryRows, schema } from "../store/db.ts";

/** The tables a user changes, with their Danish name. Computations and values are derived. */
const USER_TABLES: [string, string][] = [
  ["projects", "projekter"],
  ["indicators", "indikatorer og mål"],
  ["milestones", "delmål"],
  ["manual_values", "manuelt indtastede værdier"],
  ["month_comments", "månedskommentarer"],
  ["frozen_values", "indefrosne (rapporterede) værdier"],
  ["snapshots", "importerede snapshots"],
  ["maaltal_lines", "måltalslinjer"],
  ["prices", "priskataloget"],
  ["business_cases", "business cases"],
  ["outcome_group_sets", "grupperinger i udfald"],
  ["users", "brugere"],
  ["jobindsats_values", "tal fra jobindsats.dk"],
];

const FINGERPRINT_KEY = "demo.fingerprint";

type Fingerprint = Record<string, { rows: number; hash: string }>;

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

async function takeFingerprint(db: Db): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const [table] of USER_TABLES) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from "${table}"`));
    const lines = rows
      .map((r) => {
        // timestamps change without the content changing (e.g. a save of the same text)
        const kept = Object.fromEntries(Object.entries(r).filter(([k]) => !k.endsWith("_at")));
        return stable(kept);
      })
      .sort();
    out[table] = { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex") };
  }
  return out;
}

/** Record the demo as laid out now (after installDemo). */
export async function recordDemoFingerprint(db: Db): Promise<void> {
  const value = await takeFingerprint(db);
  await db
    .insert(schema.settings)
    .values({ key: FINGERPRINT_KEY, value })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value } });
}

/**
 * Danish descriptions of what is not demo data (empty: only the demo, or nothing at all).
 * E.g. "importerede snapshots (2 rækker, demoen havde 1)".
 */
export async function nonDemoData(db: Db): Promise<string[]> {
  const now = await takeFingerprint(db);
  const total = Object.values(now).reduce((n, t) => n + t.rows, 0);
  if (total === 0) return [];
  const [stored] = await db
    .select({ value: schema.settings.value })
    .from(schema.settings)
    .where(eq(schema.settings.key, FINGERPRINT_KEY));
  const demo = stored?.value as Fingerprint | undefined;
  if (!demo) {
    return [
      `data, som ikke kan genkendes som demoens (${USER_TABLES.filter(([t]) => (now[t]?.rows ?? 0) > 0)
        .map(([t, name]) => `${name}: ${formatNumber(now[t]!.rows)}`)
        .join(", ")})`,
    ];
  }
  const out: string[] = [];
  for (const [table, name] of USER_TABLES) {
    const a = demo[table];
    const b = now[table];
    if (!b || (a && a.hash === b.hash)) continue;
    if (!a) {
      if (b.rows > 0) out.push(`${name} (${formatNumber(b.rows)})`);
      continue;
    }
    out.push(
      a.rows === b.rows
        ? `${name} (ændret siden demoen blev lagt ud)`
        : `${name} (${formatNumber(b.rows)} nu, demoen havde ${formatNumber(a.rows)})`,
    );
  }
  return out;
}
