/**
 * Canonical code lists (DESIGN 4): benefits, visitation categories, activity kinds, exit reasons.
 * Codes are lower-case ASCII; every code has a Danish label and validity dates (target groups change
 * over time, so a list can say from when a code is used and until when new cases may get it).
 *
 * Pure: no I/O. The import maps source values onto these codes (`resolveCode`), the engine and the
 * UI use the labels.
 */

export interface Code {
  code: string;
  /** Danish label as in the seeds */
  label: string;
  /** other names the case system or the refusion files use for the same thing */
  aliases?: readonly string[];
  /** first date the code is in use (ISO); absent = always */
  validFrom?: string;
  /** last date new cases may get the code (ISO); absent = still in use */
  validTo?: string;
}

export const BENEFITS = [
  {
    code: "a-dagpenge",
    label: "A-dagpenge",
    aliases: ["dagpenge", "arbejdsløshedsdagpenge", "forsikrede ledige"],
  },
  { code: "kontanthjaelp", label: "Kontanthjælp" },
  { code: "uddannelseshjaelp", label: "Uddannelseshjælp", validFrom: "2014-01-01" },
  {
    code: "selvforsoergelsesydelse",
    label: "Selvforsørgelses- og hjemrejseydelse/overgangsydelse",
    aliases: ["selvforsørgelsesydelse", "hjemrejseydelse", "overgangsydelse", "integrationsydelse"],
  },
  { code: "sygedagpenge", label: "Sygedagpenge" },
  {
    code: "jobafklaring",
    label: "Jobafklaringsforløb",
    aliases: ["jobafklaringsforløb"],
    validFrom: "2014-07-01",
  },
  { code: "ressourceforloeb", label: "Ressourceforløb", validFrom: "2013-01-01" },
  { code: "ledighedsydelse", label: "Ledighedsydelse" },
  { code: "fleksjob", label: "Fleksjob", aliases: ["fleksløntilskud", "løntilskud til fleksjob"] },
  { code: "revalidering", label: "Revalidering", aliases: ["revalideringsydelse"] },
  { code: "foertidspension", label: "Førtidspension", aliases: ["pension"] },
] as const satisfies readonly Code[];

export const CATEGORIES = [
  { code: "jobparat", label: "Jobparat" },
  { code: "aktivitetsparat", label: "Aktivitetsparat" },
  { code: "uddannelsesparat", label: "Uddannelsesparat", validFrom: "2014-01-01" },
  {
    code: "aabenlyst-uddannelsesparat",
    label: "Åbenlyst uddannelsesparat",
    aliases: ["åbenlyst uddannelsesparat", "aabenlyst uddannelsesparat"],
    validFrom: "2014-01-01",
  },
] as const satisfies readonly Code[];

export const ACTIVITY_KINDS = [
  { code: "virksomhedspraktik", label: "Virksomhedspraktik", aliases: ["praktik"] },
  { code: "loentilskud", label: "Løntilskud", aliases: ["ansættelse med løntilskud"] },
  {
    code: "vejledning-opkvalificering",
    label: "Vejledning og opkvalificering",
    aliases: ["vejledning", "opkvalificering", "vejledning og opkvalificering"],
  },
  { code: "nytteindsats", label: "Nytteindsats" },
  { code: "mentor", label: "Mentor", aliases: ["mentorstøtte"] },
  { code: "jobsoegningsforloeb", label: "Jobsøgningsforløb" },
  { code: "andet", label: "Andet tilbud", aliases: ["andet"] },
] as const satisfies readonly Code[];

/** Activity kinds that are company-oriented (virksomhedsrettet, DESIGN 4). */
export const COMPANY_ORIENTED_KINDS = ["virksomhedspraktik", "loentilskud"] as const;

/** Exit reasons (afslutningsårsager, seed 003) and marker results. */
export const EXIT_REASONS = [
  {
    code: "job",
    label: "Ordinært job",
    aliases: ["ordinært job", "arbejde", "beskæftigelse", "u-støttet job"],
  },
  { code: "uddannelse", label: "Uddannelse", aliases: ["i uddannelse", "uddannelse, i lære", "voksenlære"] },
  { code: "fleksjob", label: "Fleksjob" },
  { code: "loentilskud", label: "Løntilskud" },
  { code: "virksomhedspraktik", label: "Virksomhedspraktik" },
  { code: "kursus", label: "Kursus" },
  { code: "revalidering", label: "Revalidering" },
  { code: "a-dagpenge", label: "A-dagpenge" },
  { code: "sygedagpenge", label: "Sygedagpenge" },
  { code: "kontanthjaelp", label: "Kontanthjælp" },
  { code: "uddannelseshjaelp", label: "Uddannelseshjælp" },
  { code: "ledighedsydelse", label: "Ledighedsydelse" },
  { code: "ressourceforloeb", label: "Ressourceforløb" },
  { code: "jobafklaring", label: "Jobafklaring", aliases: ["jobafklaringsforløb"] },
  { code: "foertidspension", label: "Førtidspension", aliases: ["pension"] },
  { code: "barsel", label: "Barsel" },
  { code: "flyttet", label: "Flyttet", aliases: ["fraflyttet"] },
  { code: "raskmelding", label: "Raskmelding", aliases: ["raskmeldt", "raskmelding - ledig"] },
  { code: "misligholdelse", label: "Misligholdelse" },
  { code: "doed", label: "Død" },
  { code: "selvforsoergende", label: "Selvforsørgende" },
  { code: "afbrudt", label: "Afbrudt" },
  { code: "ukendt", label: "Ukendt", aliases: ["øvrige", "andet"] },
] as const satisfies readonly Code[];

export type BenefitCode = (typeof BENEFITS)[number]["code"];
export type CategoryCode = (typeof CATEGORIES)[number]["code"];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]["code"];
export type ExitReasonCode = (typeof EXIT_REASONS)[number]["code"];

export type CodeListName = "benefit" | "category" | "activity" | "exitReason";

export const CODE_LISTS: Record<CodeListName, readonly Code[]> = {
  benefit: BENEFITS,
  category: CATEGORIES,
  activity: ACTIVITY_KINDS,
  exitReason: EXIT_REASONS,
};

/** Danish name of each list, for messages */
export const CODE_LIST_NAMES: Record<CodeListName, string> = {
  benefit: "ydelse",
  category: "visitationskategori",
  activity: "tilbudstype",
  exitReason: "afslutningsårsag",
};

/** Lower case, Danish letters folded to ASCII (æ→ae, ø→oe, å→aa), runs of space/_/. to '-'. */
export function foldCode(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/é/g, "e")
    .replace(/[\s_./,]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

const lookupCache = new Map<CodeListName, Map<string, string>>();

function lookup(list: CodeListName): Map<string, string> {
  let map = lookupCache.get(list);
  if (map) return map;
  map = new Map();
  // aliases first so a code or a label always wins over another entry's alias
  for (const entry of CODE_LISTS[list])
    for (const alias of entry.aliases ?? []) map.set(foldCode(alias), entry.code);
  for (const entry of CODE_LISTS[list]) {
    map.set(foldCode(entry.label), entry.code);
    map.set(entry.code, entry.code);
  }
  lookupCache.set(list, map);
  return map;
}

/**
 * The canonical code for a source value: the code itself, its label or an alias, compared
 * case-insensitively with Danish letters folded (`Kontanthjælp` → `kontanthjaelp`). Null when unknown.
 */
export function resolveCode(list: CodeListName, value: string): string | null {
  return lookup(list).get(foldCode(value)) ?? null;
}

export function codeLabel(list: CodeListName, code: string): string {
  return CODE_LISTS[list].find((c) => c.code === code)?.label ?? code;
}

/** True when new cases may get the code on `date` (ISO). */
export function isCodeValidOn(list: CodeListName, code: string, date: string): boolean {
  const entry = CODE_LISTS[list].find((c) => c.code === code);
  if (!entry) return false;
  if (entry.validFrom && date < entry.validFrom) return false;
  if (entry.validTo && date > entry.validTo) return false;
  return true;
}

/** Levenshtein edit distance (insert, delete, substitute: cost 1 each). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known code closest to `value` (by Levenshtein distance over codes, labels and aliases). */
export function closestCode(list: CodeListName, value: string): string {
  const folded = foldCode(value);
  let best = "";
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [name, code] of lookup(list)) {
    const d = levenshtein(folded, name);
    if (d < bestDistance) {
      bestDistance = d;
      best = code;
    }
  }
  return best;
}
