import { useEffect, useState } from "react";
import type { MeasureCatalogueResponse, MeasureResponse } from "../../../src/api/contract/measures.ts";
import { BENEFITS, CATEGORIES } from "../../../src/domain/codes.ts";
import { apiGet } from "../api.ts";
import { type EditMode, EditModeButtons, useDebouncedValidation } from "./editor-parts.tsx";
import { CheckboxGroup, Field, TextField } from "./forms.tsx";

/** A stored definition: population + measure (+ result), DESIGN 6.2 without id/name/unit/better. */
export type StoredDefinition = Record<string, unknown>;

interface ValidateResponse {
  value: unknown[];
  errors: { path: string; message: string }[];
  descriptions: string[];
  stored?: StoredDefinition;
}

type Measure = MeasureResponse;

/**
 * The measure catalogue (GET /api/measures), fetched once per page load and shared by every
 * editor: the kinds, their labels, parameters and hints all come from the engine's catalogue.
 */
let cataloguePromise: Promise<Measure[]> | undefined;
export function loadMeasures(): Promise<Measure[]> {
  cataloguePromise ??= apiGet<MeasureCatalogueResponse>("/measures").then(
    (r) => r.measures,
    (e) => {
      cataloguePromise = undefined;
      throw e;
    },
  );
  return cataloguePromise;
}

interface FormState {
  benefits: string[];
  categories: string[];
  ageMin: string;
  ageMax: string;
  project: string;
  kind: string;
  /** parameter key → text (numbers, project) or list (kinds, outcomes, benefits) */
  params: Record<string, string | string[]>;
  result: "share" | "count" | "rest";
}

const emptyForm: FormState = {
  benefits: [],
  categories: [],
  ageMin: "",
  ageMax: "",
  project: "",
  kind: "stock",
  params: {},
  result: "share",
};

function toNumber(text: string): number | string {
  const n = Number(text.trim().replace(",", "."));
  return Number.isFinite(n) ? n : text;
}

/** The form → a definition object (empty fields left out, so the engine's defaults apply). */
export function formToDefinition(f: FormState, measures: readonly Measure[]): StoredDefinition {
  const spec = measures.find((m) => m.kind === f.kind);
  const measure: Record<string, unknown> = { kind: f.kind };
  for (const p of spec?.params ?? []) {
    const v = f.params[p.key];
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    measure[p.key] = p.type === "number" && typeof v === "string" ? toNumber(v) : v;
  }
  const def: StoredDefinition = { measure };
  if (spec?.population !== false || f.benefits.length > 0) {
    const population: Record<string, unknown> = { benefits: f.benefits };
    if (f.categories.length > 0) population.categories = f.categories;
    const age: Record<string, unknown> = {};
    if (f.ageMin.trim()) age.min = toNumber(f.ageMin);
    if (f.ageMax.trim()) age.max = toNumber(f.ageMax);
    if (Object.keys(age).length > 0) population.age = age;
    if (f.project.trim()) population.project = f.project.trim();
    def.population = population;
  }
  if (spec?.share && f.result !== "share") def.result = f.result;
  return def;
}

/** A stored definition → the form (unknown parts are simply not shown; the YAML view has them). */
export function definitionToForm(d: StoredDefinition | null): FormState {
  if (!d) return emptyForm;
  const pop = (d.population ?? {}) as Record<string, unknown>;
  const age = (pop.age ?? {}) as Record<string, unknown>;
  const measure = (d.measure ?? {}) as Record<string, unknown>;
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(measure)) {
    if (k === "kind") continue;
    params[k] = Array.isArray(v) ? v.map(String) : String(v).replace(".", ",");
  }
  return {
    benefits: (pop.benefits as string[] | undefined) ?? [],
    categories: (pop.categories as string[] | undefined) ?? [],
    ageMin: age.min === undefined ? "" : String(age.min),
    ageMax: age.max === undefined ? "" : String(age.max),
    project: typeof pop.project === "string" ? pop.project : "",
    kind: typeof measure.kind === "string" ? measure.kind : "stock",
    params,
    result: d.result === "count" || d.result === "rest" ? d.result : "share",
  };
}

interface Props {
  value: StoredDefinition | null;
  /** the definition as it would be stored, and whether the server found it valid */
  onChange: (definition: StoredDefinition | null, valid: boolean) => void;
}

/**
 * Defines a computed indicator: population (benefits, categories, age band, project) and measure
 * with its parameters, from a form or as YAML. Every change is validated by the server
 * (POST /definitions/validate); errors are shown with their path, and a valid definition in words.
 */
export function DefinitionEditor({ value, onChange }: Props) {
  const [mode, setMode] = useState<EditMode>("form");
  const [measures, setMeasures] = useState<Measure[] | null>(null);
  const [form, setForm] = useState<FormState>(() => definitionToForm(value));
  const [yaml, setYaml] = useState(() =>
    JSON.stringify(value ?? { measure: { kind: emptyForm.kind }, population: { benefits: [] } }, null, 2),
  );
  const [result, setResult] = useState<ValidateResponse | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    let live = true;
    loadMeasures()
      .then((m) => {
        if (live) setMeasures(m);
      })
      .catch((e) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, []);

  useDebouncedValidation<ValidateResponse>(
    "/definitions/validate",
    mode === "yaml" ? { yaml } : measures ? { definition: formToDefinition(form, measures) } : undefined,
    350,
    (r) => {
      setResult(r);
      setError("");
      onChange(r.stored ?? null, r.errors.length === 0 && r.stored !== undefined);
    },
    setError,
  );

  const spec = measures?.find((m) => m.kind === form.kind);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setParam = (key: string, v: string | string[]) =>
    setForm((f) => ({ ...f, params: { ...f.params, [key]: v } }));

  const switchTo = (next: EditMode) => {
    if (next === mode) return;
    if (next === "yaml" && measures) setYaml(JSON.stringify(formToDefinition(form, measures), null, 2));
    else if (result?.stored) setForm(definitionToForm(result.stored));
    setMode(next);
  };

  return (
    <div className="definition-editor">
      <fieldset className="toolbar">
        <legend className="visually-hidden">Redigér som</legend>
        <EditModeButtons mode={mode} onSwitch={switchTo} />
      </fieldset>

      {mode === "form" && !measures ? (
        <p className="muted">Henter målingerne …</p>
      ) : mode === "form" && measures ? (
        <div className="form-grid">
          <Field label="Måling">
            {(p) => (
              <select {...p} value={form.kind} onChange={(e) => set({ kind: e.target.value, params: {} })}>
                {measures.map((m) => (
                  <option key={m.kind} value={m.kind}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {spec?.population !== false && (
            <>
              <CheckboxGroup
                legend="Ydelser (målgruppe)"
                options={BENEFITS}
                value={form.benefits}
                onChange={(v) => set({ benefits: v })}
              />
              <CheckboxGroup
                legend="Visitationskategorier"
                hint="ingen valgt = alle"
                options={CATEGORIES}
                value={form.categories}
                onChange={(v) => set({ categories: v })}
              />
              <TextField
                label="Alder fra"
                hint="år, den 1. i måneden"
                inputMode="numeric"
                value={form.ageMin}
                onChange={(v) => set({ ageMin: v })}
              />
              <TextField
                label="Alder til"
                hint="år, inklusive"
                inputMode="numeric"
                value={form.ageMax}
                onChange={(v) => set({ ageMax: v })}
              />
              <TextField
                label="Projekt"
                hint="kun personer med aktiv markering for projektkoden"
                value={form.project}
                onChange={(v) => set({ project: v })}
              />
            </>
          )}
          {spec?.params.map((param) => {
            const v = form.params[param.key];
            const label = `${param.label}${param.required ? " (skal udfyldes)" : ""}`;
            if (param.type === "codes") {
              return (
                <CheckboxGroup
                  key={param.key}
                  legend={label}
                  hint={param.hint}
                  options={param.options ?? []}
                  value={Array.isArray(v) ? v : []}
                  onChange={(x) => setParam(param.key, x)}
                />
              );
            }
            if (param.type === "choice") {
              return (
                <Field key={param.key} label={label}>
                  {(p) => (
                    <select
                      {...p}
                      value={typeof v === "string" ? v : ""}
                      onChange={(e) => setParam(param.key, e.target.value)}
                    >
                      <option value="">Standard</option>
                      {(param.options ?? []).map((o) => (
                        <option key={o.code} value={o.code}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              );
            }
            return (
              <TextField
                key={param.key}
                label={label}
                hint={param.hint}
                inputMode={param.type === "number" ? "decimal" : undefined}
                value={typeof v === "string" ? v : ""}
                onChange={(x) => setParam(param.key, x)}
              />
            );
          })}
          {spec?.share && (
            <Field label="Tallet viser" hint="andelen, eller antallet bag den">
              {(p) => (
                <select
                  {...p}
                  value={form.result}
                  onChange={(e) => set({ result: e.target.value as FormState["result"] })}
                >
                  <option value="share">Andel (procent)</option>
                  <option value="count">Antal, som opfylder det (tælleren)</option>
                  <option value="rest">Antal, som ikke opfylder det</option>
                </select>
              )}
            </Field>
          )}
        </div>
      ) : (
        <Field
          label="Definition som YAML"
          hint="population og measure som i DESIGN 6.2; JSON er også gyldig YAML"
        >
          {(p) => (
            <textarea
              {...p}
              rows={14}
              spellCheck={false}
              value={yaml}
              onChange={(e) => setYaml(e.target.value)}
            />
          )}
        </Field>
      )}

      <div aria-live="polite">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && result.errors.length > 0 && (
          <div className="error">
            <p>Definitionen er ikke gyldig:</p>
            <ul>
              {result.errors.map((e) => (
                <li key={`${e.path}-${e.message}`}>
                  {e.path ? <code>{e.path}</code> : null}
                  {e.path ? ": " : ""}
                  {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {result && result.errors.length === 0 && result.descriptions[0] && (
          <p>
            <strong>Sådan måles det:</strong> {result.descriptions[0]}
          </p>
        )}
      </div>
    </div>
  );
}
