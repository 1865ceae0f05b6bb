/**
 * Pseudonymization (DESIGN 5): person key = HMAC-SHA-256 of the normalized 10-digit CPR with the
 * installation's secret key, hex. The key comes from EFFEKTSPOR_PSEUDONYM_KEY or from
 * `<dataDir>/pseudonym.key`, created with mode 0600 on first use.
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function pseudonymKeyFile(dataDir: string): string {
  return path.join(dataDir, "pseudonym.key");
}

/** The installation's pseudonymization key (created on first use when no environment key is set). */
export function loadPseudonymKey(dataDir: string): string {
  const fromEnv = process.env.EFFEKTSPOR_PSEUDONYM_KEY;
  if (fromEnv && fromEnv.trim() !== "") return fromEnv.trim();
  const file = pseudonymKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      // another process created it first: use theirs
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    chmodSync(file, 0o600);
  }
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 16) throw new Error(`Pseudonymiseringsnøglen i ${file} er for kort (mindst 16 tegn)`);
  return key;
}

/**
 * Person keys for one key. A bounded in-memory cache saves recomputing the HMAC for the same
 * person in the next file (the cache lives only in this process's memory, never on disk).
 */
export class Pseudonymizer {
  private lastCpr = "";
  private lastKey = "";
  private cache = new Map<string, string>();
  constructor(
    private readonly key: string,
    private readonly cacheSize = 400_000,
  ) {}

  personKey(cpr10: string): string {
    if (cpr10 === this.lastCpr) return this.lastKey;
    let k = this.cache.get(cpr10);
    if (k === undefined) {
      k = createHmac("sha256", this.key).update(cpr10).digest("hex");
      // when full, keep what is there: later files list persons in the same order, so the
      // cached ones keep hitting instead of the cache thrashing
      if (this.cache.size < this.cacheSize) this.cache.set(cpr10, k);
    }
    this.lastCpr = cpr10;
    this.lastKey = k;
    return k;
  }
}
