/**
 * Use cases of the effect against a matched comparison group (DESIGN 9.1) in the app: effect
 * definitions per project (validated, versioned), their computation next to the indicators
 * (runComputation calls computeEffectResults on the same snapshot), the stored estimates with
 * provenance, and the effect page's model.
 */
import { createHash } from "node:crypto";
import { parseDocument } from "yaml";
import { z } from "zod";
import {
  beforeReferralCheck,
  type EffectRow,
  effectCaveats,
  effectSentence,
  headlineRow,
  matchingRateText,
} from "../domain/effect.ts";
import { ConflictError, InvalidFieldError, notFound } from "../domain/errors.ts";
import { dottedPath } from "../domain/zod-da.ts";
import {
  type EffectDefinition,
  type EffectDefinitionError,
  effectDefinitionSchema,
  parseEffectDefinitions,
} from "../engine/effect/definition.ts";
import { type EffectDetails, runEffectWithDetails } from "../engine/effect/details.ts";
import { loadEffectInputs } from "../engine/effect/run.ts";
import { openSnapshot } from "../engine/execute.ts";
import { resolveSnapshot } from "../engine/snapshots.ts";
import type { Db } from "../store/db.ts";
import { snapshotInCatalogue } from "../store/repositories/computed.ts";
import {
  deleteEffectDefinition,
  type EffectDefinitionRow,
  findEffectDefinitionByCode,
  getEffectDefinition,
  insertEffectDefinition,
  listEffectDefinitions,
  listEffectDefinitionsWithResults,
  type NewEffectResult,
  replaceEffectDefinition,
  storeEffectResults,
} from "../store/repositories/effects.ts";
import { requireProject } from "./projects.ts";
import { defaultSnapshotId } from "./snapshot-choice.ts";
import { stableJson } from "./stable-json.ts";

export interface EffectValidation {
  value: EffectDefinition[];
  errors: EffectDefinitionError[];
}

/**
 * Validate an effect definition given as YAML text or as an object: one definition (DESIGN 9.1's
 * list item; `project` defaults to the project's marker code) or a whole `effects:` file. Errors
 * carry dotted paths (`horizons[1]`, `effects[0].intake.from`) and Danish messages.
 */
export function validateEffectInput(
  input: { yaml?: string; definition?: unknown },
  projectCode?: string,
): EffectValidation {
  let obj: unknown = input.definition;
  if (input.yaml !== undefined) {
    const doc = parseDocument(input.yaml);
    if (doc.errors.length > 0) return parseEffectDefinitions(input.yaml);
    obj = doc.toJS();
  }
  if (obj !== null && typeof obj === "object" && !Array.isArray(obj) && "effects" in obj) {
    return parseEffectDefinitions(JSON.stringify(obj));
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    return {
      value: [],
      errors: [
        {
          path: "",
          message: "Definitionen skal være et objekt med id, name, population, intake og horizons",
        },
      ],
    };
  }
  const candidate = { ...(projectCode ? { project: projectCode } : {}), ...(obj as Record<string, unknown>) };
  const parsed = effectDefinitionSchema.safeParse(candidate, { error: z.locales.da().localeError });
  if (parsed.success) return { value: [parsed.data], errors: [] };
  return {
    value: [],
    errors: parsed.error.issues.map((i) => ({ path: dottedPath(i.path), message: i.message })),
  };
}

/** The engine definition of a stored row (invalid rows give errors, e.g. after a schema change). */
export function definitionOfEffect(row: EffectDefinitionRow): EffectValidation {
  return validateEffectInput({ definition: row.definition });
}

/** sha256 of the normalized definition: what exactly was computed. */
export function effectDefinitionHash(def: EffectDefinition): string {
  return createHash("sha256").update(stableJson(def)).digest("hex");
}

function invalid(errors: EffectDefinitionError[]): InvalidFieldError {
  const first = errors[0];
  return new InvalidFieldError(
    `Effektdefinitionen er ugyldig: ${errors.map((e) => `${e.path || "(definitionen)"}: ${e.message}`).join("; ")}`,
    first?.path || undefined,
  );
}

/**
 * Create (no `id`) or replace an effect definition of a project. Exactly one definition; its id
 * must be free in the installation. The version rises when the definition changes.
 */
export async function saveEffectDefinition(
  db: Db,
  projectId: number,
  input: { yaml?: string; definition?: unknown },
  updatedBy: string,
  id?: number,
): Promise<EffectDefinitionRow> {
  const project = await requireProject(db, projectId);
  const { value, errors } = validateEffectInput(input, project.code);
  if (errors.length > 0) throw invalid(errors);
  if (value.length !== 1) {
    throw new InvalidFieldError("Gem én effektdefinition ad gangen (ikke en hel effects:-liste)", "effects");
  }
  const def = value[0]!;
  const taken = await findEffectDefinitionByCode(db, def.id);
  if (taken && taken.id !== id) throw new ConflictError(`Effekt-id'et ${def.id} er allerede i brug`, "id");
  const row = { code: def.id, name: def.name, definition: def as Record<string, unknown>, updatedBy };
  if (id === undefined) return insertEffectDefinition(db, { ...row, projectId });
  const existing = await getEffectDefinition(db, id);
  if (!existing || existing.projectId !== projectId) throw notFound(`Effektdefinition ${id}`);
  const changed = stableJson(existing.definition) !== stableJson(def);
  return (await replaceEffectDefinition(db, id, row, changed))!;
}

export async function removeEffectDefinition(db: Db, projectId: number, id: number): Promise<void> {
  const existing = await getEffectDefinition(db, id);
  if (!existing || existing.projectId !== projectId) throw notFound(`Effektdefinition ${id}`);
  await deleteEffectDefinition(db, id);
}

/**
 * Compute every stored effect definition on the snapshot folder (one DuckDB session: views over
 * the Parquet files, in-memory copies of the three relations the effect reads). Invalid
 * definitions and failed effects become warnings; the rest is returned for storing.
 */
export async function computeEffectResults(
  db: Db,
  snapshot: { id: string; dir: string },
  computationId: number | null,
  warn: (effect: string, message: string) => void,
  inCatalogue = true,
  projectId?: number,
): Promise<NewEffectResult[]> {
  const rows = await listEffectDefinitions(db, projectId);
  const valid: { row: EffectDefinitionRow; def: EffectDefinition }[] = [];
  for (const row of rows) {
    const { value, errors } = definitionOfEffect(row);
    if (value[0]) valid.push({ row, def: value[0] });
    else for (const e of errors) warn(row.code, `${e.path}: ${e.message}`);
  }
  if (valid.length === 0) return [];
  const session = await openSnapshot(snapshot.dir, { load: "views" });
  const out: NewEffectResult[] = [];
  try {
    await session.connection.run("SET threads = 1");
    const inputs = await loadEffectInputs(session);
    for (const [i, { row, def }] of valid.entries()) {
      try {
        const { estimates, details } = await runEffectWithDetails(session, def, i, { inputs });
        out.push({
          effectDefinitionId: row.id,
          snapshotId: inCatalogue ? snapshot.id : null,
          computationId,
          definitionVersion: row.version,
          definitionHash: effectDefinitionHash(def),
          estimates,
          details: details as unknown as Record<string, unknown>,
        });
      } catch (e) {
        warn(row.code, `Effekten kunne ikke beregnes: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    session.close();
  }
  return out;
}

export { storeEffectResults };

export interface StoredEffectEstimates {
  definition: {
    id: number;
    code: string;
    name: string;
    version: number;
    definition: Record<string, unknown>;
    updatedAt: string;
  };
  /** null until a computation has run with this definition */
  result: {
    estimates: EffectRow[];
    details: EffectDetails;
    snapshotId: string | null;
    computationId: number | null;
    definitionVersion: number;
    definitionHash: string;
    computedAt: string;
    /** the definition was changed after this result was computed */
    outdated: boolean;
  } | null;
}

/**
 * The project's effect definitions with their stored estimates and provenance (snapshot,
 * computation, definition version, time). For the effect page and the committee report.
 */
export async function latestEffectEstimates(db: Db, projectId: number): Promise<StoredEffectEstimates[]> {
  const rows = await listEffectDefinitionsWithResults(db, projectId);
  return rows.map(({ definition: d, result: r }) => ({
    definition: {
      id: d.id,
      code: d.code,
      name: d.name,
      version: d.version,
      definition: d.definition,
      updatedAt: d.updatedAt.toISOString(),
    },
    result: r
      ? {
          estimates: r.estimates as EffectRow[],
          details: r.details as unknown as EffectDetails,
          snapshotId: r.snapshotId,
          computationId: r.computationId,
          definitionVersion: r.definitionVersion,
          definitionHash: r.definitionHash,
          computedAt: r.computedAt.toISOString(),
          outdated: r.definitionVersion !== d.version,
        }
      : null,
  }));
}

/** The effect page of a project: each definition's stored estimates with the page's words. */
export async function projectEffects(db: Db, projectId: number) {
  const project = await requireProject(db, projectId);
  const effects = (await latestEffectEstimates(db, projectId)).map((e) => {
    const rows = e.result?.estimates ?? [];
    const headline = headlineRow(rows);
    const matching = e.result?.details.matching;
    return {
      ...e,
      sentence: e.result
        ? effectSentence(headline)
        : "Effekten er ikke beregnet endnu. Kør en beregning på siden Data.",
      headlineHorizon: headline?.horizon ?? null,
      check: beforeReferralCheck(rows),
      caveats: e.result ? effectCaveats(rows) : [],
      matchingText: matching ? matchingRateText(matching.treated, matching.matched) : null,
    };
  });
  return { project: { id: project.id, code: project.code, name: project.name }, effects };
}

/**
 * Compute one project's effect definitions now (the effect page's "Beregn effekten"), on the
 * snapshot the computation would use (the newest extraction date), and store the estimates. The
 * whole computation (Beregn) does the same for every project next to the indicators.
 */
export async function computeProjectEffects(db: Db, dataDir: string, projectId: number) {
  await requireProject(db, projectId);
  const snapshot = await resolveSnapshot(dataDir, await defaultSnapshotId(db, dataDir));
  const warnings: { indicator: string; message: string }[] = [];
  const results = await computeEffectResults(
    db,
    snapshot,
    null,
    (indicator, message) => warnings.push({ indicator, message }),
    await snapshotInCatalogue(db, snapshot.id),
    projectId,
  );
  await storeEffectResults(db, results);
  return { snapshotId: snapshot.id, effects: results.length, warnings };
}
