/**
 * The monthly computation ("Beregn"): every computed indicator of every project, for every month
 * of the project's own period (src/domain/project-period.ts) up to the snapshot's extraction
 * month, in ONE DuckDB session over the snapshot (the engine's batch API materializes the forløb
 * once per distinct range). The snapshot is the named one, else the one with the newest
 * extraction date (src/services/snapshot-choice.ts).
 *
 * Provenance is stored with every value: snapshot, computation, definition version and hash, the
 * compiled SQL and the time. A run is recorded in `computations` (running → ok | failed). Values
 * are written in one transaction only after every indicator succeeded, so a failed run keeps the
 * last good values and records why. Frozen values are never touched; a recomputed value that
 * differs from a frozen one is reported as a revision (old → new).
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { parseDocument } from "yaml";
import { z } from "zod";
import { yamlDepthProblem } from "../domain/input-rules.ts";
import { DEFAULT_FIRST_MONTH, projectComputeRange } from "../domain/project-period.ts";
import { compileIndicator, type MonthRange } from "../engine/compile.ts";
import {
  type DefinitionError,
  describeDefinition,
  formatPath,
  type IndicatorDefinition,
  indicatorDefinitionSchema,
  parseDefinitions,
} from "../engine/definition.ts";
import { EngineQueryError, openSnapshot, runIndicators } from "../engine/execute.ts";
import { isShareKind } from "../engine/measures.ts";
import { type ResolvedSnapshot, resolveSnapshot } from "../engine/snapshots.ts";
import { yamlValue } from "../engine/yaml-list.ts";
import { type Db, schema } from "../store/db.ts";
import {
  type Computation,
  createComputation,
  type IndicatorRow,
  listComputedIndicators,
  listRevisions,
  type NewComputedValue,
  type RevisionRow,
  snapshotInCatalogue,
  storeComputationResult,
  updateComputation,
} from "../store/repositories/computed.ts";
import { computeEffectResults, storeEffectResults } from "./effects.ts";
import { listProjectPeriods } from "./project-periods.ts";
import { invalidateReadModels } from "./read-model.ts";
import { defaultSnapshotId } from "./snapshot-choice.ts";
import { stableJson } from "./stable-json.ts";

/** The first month of a project without a start date (seed 002: primo januar 2024). */
export const FIRST_PROJECT_MONTH = DEFAULT_FIRST_MONTH;

const engineUnits = new Set(["personer", "procent", "uger", "fuldtidspersoner", "antal"]);

type StoredDefinition = Record<string, unknown>;

/**
 * What a stored value shows for a share measure (an Effektspor setting beside the engine
 * definition, stripped before the engine sees it): `share` (default) the percentage; `count` the
 * numerator (seed 002's "Antal …" rows); `rest` denominator − numerator (e.g. a-dagpenge
 * recipients NOT over 3 months = those still in the a-kasse period).
 */
export const resultViews = ["share", "count", "rest"] as const;
export type ResultView = (typeof resultViews)[number];

/** Split the stored object into the engine's part and the result view, checking the view. */
function splitResult(
  raw: StoredDefinition,
  pathPrefix: PropertyKey[],
): {
  engine: StoredDefinition;
  result: ResultView;
  errors: DefinitionError[];
} {
  const { result, ...engine } = raw;
  if (result === undefined) return { engine, result: "share", errors: [] };
  const errors: DefinitionError[] = [];
  const path = formatPath([...pathPrefix, "result"]);
  if (typeof result !== "string" || !(resultViews as readonly string[]).includes(result)) {
    errors.push({ path, message: `Ukendt result; gyldige: ${resultViews.join(", ")}` });
  } else {
    const kind = (engine.measure as { kind?: unknown } | undefined)?.kind;
    if (result !== "share" && !isShareKind(String(kind))) {
      errors.push({
        path,
        message: `result: ${result} kan kun bruges på andelsmål, ikke på ${String(kind)}`,
      });
    }
  }
  return { engine, result: (errors.length === 0 ? result : "share") as ResultView, errors };
}

/** The value to store for an engine row under a result view. */
export function viewValue(
  r: { value: number | null; numerator: number | null; denominator: number | null },
  view: ResultView,
): number | null {
  if (view === "count") return r.numerator;
  if (view === "rest")
    return r.numerator === null || r.denominator === null ? null : r.denominator - r.numerator;
  return r.value;
}

/**
 * The engine definition of an indicator row: the stored object (population, measure, …) with id,
 * name and direction taken from the row. Errors carry paths into the stored object
 * (`definition.measure.kinds`).
 */
export function definitionOfIndicator(
  ind: Pick<IndicatorRow, "code" | "name" | "unit" | "better" | "definition">,
): {
  value?: IndicatorDefinition;
  result: ResultView;
  errors: DefinitionError[];
} {
  if (ind.definition === null || typeof ind.definition !== "object") {
    return {
      result: "share",
      errors: [{ path: "definition", message: "Indikatoren er beregnet, men har ingen definition" }],
    };
  }
  const { engine: raw, result, errors } = splitResult(ind.definition, ["definition"]);
  const candidate = {
    ...raw,
    id: ind.code,
    name: ind.name,
    better: ind.better,
    unit: engineUnits.has(ind.unit) ? ind.unit : (raw.unit ?? "antal"),
  };
  const parsed = indicatorDefinitionSchema.safeParse(candidate, { error: z.locales.da().localeError });
  if (parsed.success && errors.length === 0) return { value: parsed.data, result, errors: [] };
  return {
    result,
    errors: [
      ...errors,
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({
            path: formatPath(["definition", ...i.path]),
            message: i.message,
          }))),
    ],
  };
}

/** The Danish description, with what the value shows when it is not the share. */
export function describeIndicatorDefinition(def: IndicatorDefinition, result: ResultView): string {
  const text = describeDefinition(def);
  if (result === "count") return `${text}. Tallet er antallet (tælleren), ikke andelen`;
  if (result === "rest") return `${text}. Tallet er antallet, som IKKE opfylder det (nævner minus tæller)`;
  return text;
}

/** sha256 of the normalized definition (defaults applied): what exactly was computed. */
export function definitionHash(def: IndicatorDefinition, result: ResultView = "share"): string {
  return createHash("sha256")
    .update(stableJson(result === "share" ? def : { ...def, result }))
    .digest("hex");
}

/**
 * Validate a definition given as YAML text or as an object. A text or object with an
 * `indicators:` list is validated as a definition file (DESIGN 6.2); a single object is one
 * definition, where id, name, unit and better may be left out (the indicator row supplies them).
 */
export function validateDefinitionInput(input: { yaml?: string; definition?: unknown }): {
  value: IndicatorDefinition[];
  errors: DefinitionError[];
  /** for a single definition: the form to store on an indicator (population, measure, result) */
  stored?: Record<string, unknown>;
} {
  let obj: unknown = input.definition;
  if (input.yaml !== undefined) {
    const tooDeep = yamlDepthProblem(input.yaml);
    if (tooDeep) return { value: [], errors: [{ path: "", message: tooDeep }] };
    const doc = parseDocument(input.yaml);
    // broken YAML or a whole file: the engine's parser gives the answer (with line and column)
    if (doc.errors.length > 0) return parseDefinitions(input.yaml);
    const js = yamlValue(doc);
    if ("error" in js) return { value: [], errors: [{ path: "", message: js.error }] };
    obj = js.value;
  }
  if (obj !== null && typeof obj === "object" && !Array.isArray(obj) && "indicators" in obj) {
    return parseDefinitions(JSON.stringify(obj));
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    return {
      value: [],
      errors: [{ path: "", message: "Definitionen skal være et objekt med population og measure" }],
    };
  }
  const { engine: o, errors } = splitResult(obj as Record<string, unknown>, []);
  const candidate = { id: "udkast", name: "Udkast", unit: "antal", better: "higher", ...o };
  const parsed = indicatorDefinitionSchema.safeParse(candidate, { error: z.locales.da().localeError });
  if (parsed.success && errors.length === 0) {
    const { population, measure } = parsed.data;
    const result = (obj as Record<string, unknown>).result;
    const stored = {
      ...(population ? { population } : {}),
      measure,
      ...(result !== undefined && result !== "share" ? { result } : {}),
    };
    return { value: [parsed.data], errors: [], stored };
  }
  return {
    value: [],
    errors: [
      ...errors,
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))),
    ],
  };
}

export interface ComputeProgress {
  done: number;
  total: number;
  step: string;
}

export interface ComputeOptions {
  startedBy: string;
  /** a named snapshot; default the latest */
  snapshotId?: string;
  /**
   * force one first month for every project (default: each project from its own period start,
   * FIRST_PROJECT_MONTH for a project without one; src/domain/project-period.ts)
   */
  firstMonth?: string;
  /** compute only these indicators (a definition saved in the form); default all computed ones */
  indicatorIds?: number[];
  /** a computations row created beforehand (the API creates it to answer at once) */
  computation?: Computation;
  onProgress?: (p: ComputeProgress) => void;
}

export interface ComputeSummary {
  computation: Computation;
  status: "ok" | "failed";
  error?: string;
  snapshot?: { id: string; extractionDate: string };
  range?: { from: string; to: string };
  indicatorCount: number;
  valueCount: number;
  durationMs: number;
  warnings: { indicator: string; message: string }[];
  /** frozen values the run changed: shown as old → new */
  revisions: RevisionRow[];
}

class ComputeFailure extends Error {}

/**
 * Run the whole computation. Never throws for data or definition problems: they end as status
 * failed. Either way the overview and the schemes are built anew afterwards (src/services/read-model.ts).
 */
export async function runComputation(
  db: Db,
  dataDir: string,
  options: ComputeOptions,
): Promise<ComputeSummary> {
  try {
    return await computeAndStore(db, dataDir, options);
  } finally {
    await invalidateReadModels(db);
  }
}

async function computeAndStore(db: Db, dataDir: string, options: ComputeOptions): Promise<ComputeSummary> {
  const started = performance.now();
  const computation = options.computation ?? (await createComputation(db, { startedBy: options.startedBy }));
  const warnings: { indicator: string; message: string }[] = [];
  let progressChain: Promise<unknown> = Promise.resolve();
  const progress = (p: ComputeProgress) => {
    options.onProgress?.(p);
    progressChain = progressChain
      .then(() =>
        updateComputation(db, computation.id, {
          progressDone: p.done,
          progressTotal: p.total,
          progressStep: p.step,
        }),
      )
      .catch(() => {});
  };
  let snapshot: ResolvedSnapshot | undefined;
  let range: { from: string; to: string } | undefined;
  try {
    progress({ done: 0, total: 0, step: "Finder snapshottet" });
    try {
      // none named: the newest extraction date (not the newest import, src/services/snapshot-choice.ts)
      snapshot = await resolveSnapshot(dataDir, options.snapshotId ?? (await defaultSnapshotId(db, dataDir)));
    } catch (e) {
      throw new ComputeFailure(e instanceof Error ? e.message : String(e));
    }
    const extractionDate = snapshot.manifest.extractionDate;
    const [catalogued] = await db
      .select({ dateRange: schema.snapshots.dateRange })
      .from(schema.snapshots)
      .where(eq(schema.snapshots.id, snapshot.id));
    const span = { extractionDate, dataFrom: catalogued?.dateRange?.from ?? null };

    const wanted = options.indicatorIds ? new Set(options.indicatorIds) : undefined;
    const rows = (await listComputedIndicators(db)).filter((r) => !wanted || wanted.has(r.id));
    const periods = await listProjectPeriods(db);
    // each project over its own period (src/domain/project-period.ts), unless a first month is forced
    const rangeOf = new Map<number, { range?: MonthRange; note?: string }>();
    for (const projectId of new Set(rows.map((r) => r.projectId))) {
      const period = periods.get(projectId) ?? { periodStart: null, periodEnd: null };
      rangeOf.set(
        projectId,
        projectComputeRange(
          options.firstMonth ? { ...period, periodStart: `${options.firstMonth}-01` } : period,
          span,
        ),
      );
    }
    const valid: { row: IndicatorRow; def: IndicatorDefinition; result: ResultView; range: MonthRange }[] =
      [];
    for (const row of rows) {
      const { value, result, errors } = definitionOfIndicator(row);
      const projectRange = rangeOf.get(row.projectId);
      if (!value) {
        for (const e of errors) warnings.push({ indicator: row.code, message: `${e.path}: ${e.message}` });
      } else if (!projectRange?.range) {
        warnings.push({ indicator: row.code, message: projectRange?.note ?? "Ingen måneder at beregne" });
      } else {
        valid.push({ row, def: value, result, range: projectRange.range });
      }
    }
    for (const [projectId, r] of rangeOf) {
      if (r.range && r.note) {
        const first = valid.find((v) => v.row.projectId === projectId);
        if (first) warnings.push({ indicator: first.row.code, message: r.note });
      }
    }
    const ranges = [...rangeOf.values()];
    if (ranges.length > 0 && ranges.every((r) => !r.range)) {
      const notes = [...new Set(ranges.map((r) => r.note).filter(Boolean))];
      throw new ComputeFailure(
        `Snapshottet ${snapshot.id} har udtræksdato ${extractionDate}; der er intet at beregne: ${notes.join("; ")}`,
      );
    }
    // the run's span: from the earliest to the latest project month
    const froms = valid.map((v) => v.range.from).sort();
    const tos = valid.map((v) => v.range.to).sort();
    range =
      froms.length > 0
        ? { from: froms[0]!, to: tos[tos.length - 1]! }
        : { from: options.firstMonth ?? FIRST_PROJECT_MONTH, to: extractionDate.slice(0, 7) };
    const inCatalogue = await snapshotInCatalogue(db, snapshot.id);
    await updateComputation(db, computation.id, {
      snapshotId: inCatalogue ? snapshot.id : null,
      fromPeriod: range.from,
      toPeriod: range.to,
    });

    const total = valid.length;
    progress({ done: 0, total, step: `Beregner ${total} indikatorer for ${range.from} – ${range.to}` });

    const codes = new Set(valid.map((v) => v.def.id));
    // indicators sharing a range run together (one forløb materialization per distinct range)
    const groups = new Map<string, typeof valid>();
    for (const v of valid) {
      const key = `${v.range.from}/${v.range.to}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    const session = await openSnapshot(snapshot.dir);
    const results: Awaited<ReturnType<typeof runIndicators>> = [];
    try {
      let done = 0;
      for (const group of groups.values()) {
        const groupRange = group[0]!.range;
        results.push(
          ...(await runIndicators(
            session,
            group.map((v) => v.def),
            groupRange,
            {
              onTiming: (indicator) => {
                // the engine also reports shared steps (the forløb, "(forløb)"), which are no indicator
                if (!codes.has(indicator)) {
                  progress({ done, total, step: `Færdig med ${indicator.replace(/[()]/g, "")}` });
                  return;
                }
                done++;
                progress({ done, total, step: `Beregnet ${indicator}` });
              },
            },
          )),
        );
      }
    } finally {
      session.close();
    }

    const byCode = new Map(valid.map((v) => [v.def.id, v]));
    const provenance = new Map(
      valid.map((v) => [
        v.def.id,
        {
          definitionVersion: v.row.definitionVersion,
          definitionHash: definitionHash(v.def, v.result),
          // the stand-alone query (forløb as a CTE): what a user can read and rerun
          compiledSql: compileIndicator(v.def, v.range).sql,
        },
      ]),
    );
    const values: NewComputedValue[] = results.map((r) => {
      const v = byCode.get(r.indicator)!;
      return {
        indicatorId: v.row.id,
        period: r.period,
        value: viewValue(r, v.result),
        numerator: r.numerator,
        denominator: r.denominator,
        snapshotId: snapshot!.id,
        ...provenance.get(r.indicator)!,
      };
    });
    // the effect definitions (DESIGN 9.1) on the same snapshot, unless only some indicators run
    const effectResults = options.indicatorIds
      ? []
      : await (async () => {
          progress({ done: total, total, step: "Beregner effekterne" });
          return computeEffectResults(
            db,
            snapshot!,
            computation.id,
            (effect, message) => warnings.push({ indicator: effect, message }),
            inCatalogue,
          );
        })();
    progress({ done: total, total, step: "Gemmer værdierne" });
    await progressChain;
    const computeMs = Math.round(performance.now() - started);
    await storeComputationResult(
      db,
      computation.id,
      valid.map((v) => v.row.id),
      values,
      {
        status: "ok",
        error: null,
        indicatorCount: total,
        valueCount: values.length,
        durationMs: computeMs,
        finishedAt: new Date(),
        progressDone: total,
        progressTotal: total,
        progressStep: "Færdig",
        warnings,
      },
    );
    await storeEffectResults(db, effectResults);
    // the new values are shown from the next read on (again at the end, for the failed path too)
    await invalidateReadModels(db);
    // the recorded duration includes writing the values
    const durationMs = Math.round(performance.now() - started);
    await updateComputation(db, computation.id, { durationMs, finishedAt: new Date() });
    return {
      computation: { ...computation, status: "ok" },
      status: "ok",
      snapshot: { id: snapshot.id, extractionDate },
      range,
      indicatorCount: total,
      valueCount: values.length,
      durationMs,
      warnings,
      revisions: await listRevisions(db),
    };
  } catch (e) {
    await progressChain;
    const message =
      e instanceof ComputeFailure || e instanceof EngineQueryError
        ? e.message
        : `Beregningen fejlede: ${e instanceof Error ? e.message : String(e)}`;
    const durationMs = Math.round(performance.now() - started);
    await updateComputation(db, computation.id, {
      status: "failed",
      error: `${message}. De seneste gyldige værdier er bevaret.`,
      durationMs,
      finishedAt: new Date(),
      progressStep: "Fejlet",
      warnings,
    });
    return {
      computation: { ...computation, status: "failed" },
      status: "failed",
      error: message,
      snapshot: snapshot ? { id: snapshot.id, extractionDate: snapshot.manifest.extractionDate } : undefined,
      range,
      indicatorCount: 0,
      valueCount: 0,
      durationMs,
      warnings,
      revisions: [],
    };
  }
}
