import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";
import { InvalidFieldError } from "../domain/errors.ts";

/**
 * Password hashing and the password rule. argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1;
 * docs/DECISIONS.md); passwords of at least 12 characters that are not on the list of common ones
 * shipped in src/services/data/common-passwords.txt, nor the user name.
 */
export const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL("./data/common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

/** Throws (Danish, field «password») when the password breaks the rule. */
export function checkPasswordRule(password: string, username: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InvalidFieldError(`Adgangskoden skal have mindst ${MIN_PASSWORD_LENGTH} tegn`, "password");
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    throw new InvalidFieldError("Adgangskoden er for almindelig; vælg en anden", "password");
  }
  if (lower.includes(username.toLowerCase()) && username.length >= 3) {
    throw new InvalidFieldError("Adgangskoden må ikke indeholde brugernavnet", "password");
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** a hash of nothing, verified when the user does not exist so both answers take as long */
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword("ingen-bruger-ingen-adgang");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
