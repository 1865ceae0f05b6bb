/**
 * Phase 1 of the import: find the canonical files in the input folder (CSV files or XLSX sheets,
 * honouring the mapping profile's file names), read manifest.json, and compute the content hash
 * by which a second import of the same files is recognised.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { addDays, isoDateFromUtc, tryParseDate } from "../../domain/calendar.ts";
import { CANONICAL_FILES, type CanonicalFile, fileEncoding, type MappingProfile } from "../profile.ts";
import { csvReader, SourceFileError, xlsxReader, xlsxSheetNames } from "../sources.ts";
import { ImportInputError, type SourceFile } from "./types.ts";

export interface DiscoveredInput {
  /** personer first: the other files' persons are checked against it */
  sources: SourceFile[];
  /** path of manifest.json, or null */
  manifest: string | null;
  /** files in the folder that are not part of the import */
  ignored: string[];
}

export interface ManifestInfo {
  extractionDate: string | null;
  source: string | null;
}

const REFUSION_RE = /^yr-ydelsesrefusion-beregning.*\.csv$/i;

function baseName(file: string): string {
  return file.replace(/\.(csv|xlsx)$/i, "").toLowerCase();
}

/** Finds the canonical files in the folder (CSV or XLSX sheets), honouring the profile's file names. */
export async function discover(
  folder: string,
  profile: MappingProfile | undefined,
): Promise<DiscoveredInput> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ImportInputError(`Mappen ${folder} findes ikke`);
  }
  const names = readdirSync(folder).filter(
    (n) => !n.startsWith(".") && statSync(path.join(folder, n)).isFile(),
  );
  names.sort();
  const byProfileName = new Map<string, CanonicalFile>();
  for (const c of CANONICAL_FILES) {
    const f = profile?.files?.[c]?.file;
    if (f) byProfileName.set(f.toLowerCase(), c);
  }
  const sources: SourceFile[] = [];
  const ignored: string[] = [];
  let manifest: string | null = null;
  const canonicalOf = (name: string): CanonicalFile | null => {
    const fromProfile = byProfileName.get(name.toLowerCase()) ?? byProfileName.get(baseName(name));
    if (fromProfile) return fromProfile;
    if (REFUSION_RE.test(name)) return "refusion";
    const base = baseName(name);
    return (CANONICAL_FILES as readonly string[]).includes(base) && base !== "refusion"
      ? (base as CanonicalFile)
      : null;
  };
  for (const name of names) {
    const full = path.join(folder, name);
    if (name.toLowerCase() === "manifest.json") {
      manifest = full;
      continue;
    }
    const bytes = statSync(full).size;
    if (/\.csv$/i.test(name)) {
      const canonical = canonicalOf(name);
      if (canonical)
        sources.push({
          canonical,
          label: name,
          path: full,
          reader: csvReader(full, fileEncoding(profile, canonical)),
          bytes,
          csv: true,
        });
      else ignored.push(name);
    } else if (/\.xlsx$/i.test(name)) {
      const single = canonicalOf(name);
      const sheets = await xlsxSheetNames(full).catch((err: unknown) => {
        throw err instanceof SourceFileError ? new ImportInputError(err.message) : err;
      });
      let used = false;
      for (const sheet of sheets) {
        const canonical = canonicalOf(sheet) ?? (sheets.length === 1 ? single : null);
        if (!canonical) continue;
        used = true;
        const label = sheets.length === 1 && single ? name : `${name}[${sheet}]`;
        sources.push({
          canonical,
          label,
          path: full,
          reader: xlsxReader(full, sheet, label),
          bytes,
          csv: false,
        });
      }
      if (!used) ignored.push(name);
    } else ignored.push(name);
  }
  for (const c of CANONICAL_FILES) {
    if (c === "refusion") continue;
    const dup = sources.filter((s) => s.canonical === c);
    if (dup.length > 1) {
      throw new ImportInputError(
        `Filen ${c} findes flere gange i mappen (${dup.map((d) => d.label).join(", ")}); behold én af dem`,
      );
    }
  }
  if (sources.length === 0) {
    throw new ImportInputError(
      `Mappen ${folder} indeholder ingen kendte filer (forventet fx personer.csv, ydelsesforloeb.csv, tilbud.csv, loentimer.csv, markeringer.csv eller en XLSX-fil med faneblade med de navne)`,
    );
  }
  // personer first: the other files' persons are checked against it
  sources.sort((a, b) => CANONICAL_FILES.indexOf(a.canonical) - CANONICAL_FILES.indexOf(b.canonical));
  return { sources, manifest, ignored };
}

/**
 * The source label: plain words (letters, digits, spaces and ordinary punctuation), at most 100
 * characters. It is shown and stored as the snapshot's source, so no path, markup or control
 * characters ("../../../../tmp/evil" is refused).
 */
const SOURCE_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} .,()&+:'-]*$/u;
const SOURCE_LABEL_MAX = 100;

/**
 * The extraction date and source named by manifest.json (both null without one). The extraction
 * date may not lie after `today` (the import day; a day later is let through for time zones): an
 * extract cannot be made in the future.
 */
export function readManifest(file: string | null, today = isoDateFromUtc(new Date())): ManifestInfo {
  if (!file) return { extractionDate: null, source: null };
  let raw: { udtraeksdato?: unknown; kilde?: unknown };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ImportInputError(`manifest.json er ikke gyldig JSON: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new ImportInputError('manifest.json skal være et JSON-objekt, fx {"udtraeksdato": "2024-06-30"}');
  let extractionDate: string | null = null;
  if (raw.udtraeksdato !== undefined) {
    extractionDate = typeof raw.udtraeksdato === "string" ? tryParseDate(raw.udtraeksdato) : null;
    if (!extractionDate) {
      throw new ImportInputError(
        `manifest.json: «udtraeksdato» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD): ${String(raw.udtraeksdato)}`,
      );
    }
    // a day's grace: the import day is a UTC date, the extract's a Danish one
    if (extractionDate > addDays(today, 1)) {
      throw new ImportInputError(
        `manifest.json: «udtraeksdato» ${extractionDate} ligger efter importdagen ${today}; et udtræk kan ikke være dannet i fremtiden`,
      );
    }
  }
  let source: string | null = null;
  if (raw.kilde !== undefined && raw.kilde !== null) {
    const text = typeof raw.kilde === "string" ? raw.kilde.trim() : null;
    if (text === null || (text !== "" && (!SOURCE_LABEL.test(text) || text.length > SOURCE_LABEL_MAX))) {
      throw new ImportInputError(
        `manifest.json: «kilde» skal være en betegnelse med almindelige ord (bogstaver, tal, mellemrum og tegnsætning, højst ${SOURCE_LABEL_MAX} tegn), fx "FACIT"; ikke en sti eller kode: ${JSON.stringify(raw.kilde).slice(0, 120)}`,
      );
    }
    source = text === "" ? null : text;
  }
  return { extractionDate, source };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Content hash of the input: the name and SHA-256 of every file that is imported (each workbook
 * once, manifest.json included; ignored files are not), and the profile.
 */
export async function contentHash(
  folder: string,
  input: DiscoveredInput,
  profile: MappingProfile | undefined,
): Promise<string> {
  const files = [...new Set(input.sources.map((s) => path.basename(s.path)))];
  if (input.manifest) files.push(path.basename(input.manifest));
  const hash = createHash("sha256");
  for (const f of [...files].sort())
    hash.update(`${path.basename(f)}\0${await hashFile(path.join(folder, f))}\n`);
  if (profile) hash.update(`profile\0${JSON.stringify(profile)}`);
  return hash.digest("hex");
}
