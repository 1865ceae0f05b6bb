/**
 * Mapping profiles (YAML): let a municipality's own extract load unedited by renaming source
 * files and columns to the canonical ones and mapping source values to canonical codes.
 * See docs/mapping-profile.example.yaml.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { yamlDepthProblem } from "../domain/input-rules.ts";
import { zodIssues } from "../domain/zod-da.ts";

export const CANONICAL_FILES = [
  "personer",
  "ydelsesforloeb",
  "tilbud",
  "loentimer",
  "markeringer",
  "refusion",
] as const;
export type CanonicalFile = (typeof CANONICAL_FILES)[number];

const valueMap = z.record(z.string(), z.string());

/** The character encodings a CSV file may be declared to have (UTF-8 when none is declared). */
export const CSV_ENCODINGS = ["utf-8", "windows-1252", "utf-16"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
const encoding = z.enum(CSV_ENCODINGS);

const fileProfile = z
  .object({
    /** the source file name (without folder), when it differs from the canonical name */
    file: z.string().min(1).optional(),
    /** source column heading → canonical column */
    columns: z.record(z.string(), z.string()).optional(),
    /** canonical column → (source value → canonical value), for this file only */
    values: z.record(z.string(), valueMap).optional(),
    /** the file's character encoding (CSV), when not UTF-8 */
    encoding: encoding.optional(),
  })
  .strict();

export const mappingProfileSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    files: z.partialRecord(z.enum(CANONICAL_FILES), fileProfile).optional(),
    /** canonical column → (source value → canonical value), for every file with that column */
    values: z.record(z.string(), valueMap).optional(),
    /** the character encoding of every CSV file (a file's own `encoding` wins) */
    encoding: encoding.optional(),
  })
  .strict();

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

export class ProfileError extends Error {}

/** Parses and validates a profile; throws ProfileError with a Danish message naming the path. */
export function parseProfile(text: string, fileName = "profil"): MappingProfile {
  let raw: unknown;
  // a hostile profile nested thousands deep would use up the parser's memory (issue 16)
  const tooDeep = yamlDepthProblem(text);
  if (tooDeep) throw new ProfileError(`${fileName}: ${tooDeep}`);
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ProfileError(`${fileName}: ugyldig YAML: ${(err as Error).message}`);
  }
  const parsed = mappingProfileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = zodIssues(parsed.error)[0];
    throw new ProfileError(`${fileName}: ${issue?.path || "(rod)"}: ${issue?.message ?? "ugyldig profil"}`);
  }
  return parsed.data;
}

export function loadProfile(file: string): MappingProfile {
  return parseProfile(readFileSync(file, "utf8"), file);
}

const fold = (s: string) => s.trim().toLowerCase();

/** The applied profile for one file: column renames and value maps, matched case-insensitively. */
export interface FileMapping {
  /** lower-cased source heading → canonical column */
  columns: Map<string, string>;
  /** canonical column → lower-cased source value → canonical value */
  values: Map<string, Map<string, string>>;
}

export function fileMapping(profile: MappingProfile | undefined, file: CanonicalFile): FileMapping {
  const columns = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  const fp = profile?.files?.[file];
  for (const [source, canonical] of Object.entries(fp?.columns ?? {}))
    columns.set(fold(source), fold(canonical));
  for (const layer of [profile?.values, fp?.values]) {
    for (const [column, map] of Object.entries(layer ?? {})) {
      const m = values.get(fold(column)) ?? new Map<string, string>();
      for (const [from, to] of Object.entries(map)) m.set(fold(from), to);
      values.set(fold(column), m);
    }
  }
  return { columns, values };
}

/** The declared encoding of a canonical file's CSV (UTF-8 when the profile declares none). */
export function fileEncoding(profile: MappingProfile | undefined, file: CanonicalFile): CsvEncoding {
  return profile?.files?.[file]?.encoding ?? profile?.encoding ?? "utf-8";
}
