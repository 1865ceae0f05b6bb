import { useState } from "react";
import type { EffectValidationResponse } from "../../../src/api/contract/effects.ts";
import { BENEFITS, CATEGORIES } from "../../../src/domain/codes.ts";
import { apiSend } from "../api.ts";
import { type EditMode, EditModeButtons, useDebouncedValidation } from "./editor-parts.tsx";
import { CheckboxGroup, Field, TextField } from "./forms.tsx";

/** The form's fields of one effect definition (DESIGN 9.1). */
interface EffectForm {
  id: string;
  name: string;
  benefits: string[];
  categories: string[];
  ageMin: string;
  ageMax: string;
  from: string;
  to: string;
  horizons: string;
  outcome: string[];
}

type Def = Record<string, unknown>;

function toForm(d: Def | undefined): EffectForm {
  const pop = (d?.population ?? {}) as {
    benefits?: string[];
    categories?: string[];
    age?: { min?: number; max?: number };
  };
  const intake = (d?.intake ?? {}) as { from?: string; to?: string };
  return {
    id: String(d?.id ?? ""),
    name: String(d?.name ?? ""),
    benefits: pop.benefits ?? [],
    categories: pop.categories ?? [],
    ageMin: pop.age?.min === undefined ? "" : String(pop.age.min),
    ageMax: pop.age?.max === undefined ? "" : String(pop.age.max),
    from: intake.from ?? "",
    to: intake.to ?? "",
    horizons: ((d?.horizons as number[] | undefined) ?? [-6, 3, 6, 12]).join(", "),
    outcome: (d?.outcome_benefits as string[] | undefined) ?? [],
  };
}

function toDefinition(f: EffectForm, project: string): Def {
  const age: Record<string, number> = {};
  if (f.ageMin.trim() !== "") age.min = Number(f.ageMin);
  if (f.ageMax.trim() !== "") age.max = Number(f.ageMax);
  return {
    id: f.id,
    name: f.name,
    project,
    population: {
      ...(f.benefits.length > 0 ? { benefits: f.benefits } : {}),
      ...(f.categories.length > 0 ? { categories: f.categories } : {}),
      ...(Object.keys(age).length > 0 ? { age } : {}),
    },
    intake: { from: f.from, to: f.to },
    horizons: f.horizons
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((h) => Number(h.replace("−", "-"))),
    ...(f.outcome.length > 0 ? { outcome_benefits: f.outcome } : {}),
  };
}

/**
 * Create or edit an effect definition of a project, from a form or as YAML (JSON is valid YAML).
 * Every change is validated by the server, which answers Danish messages with dotted paths
 * (`intake.from`, `horizons[1]`); saving raises the definition's version when it changed.
 */
export function EffectDefinitionEditor({
  projectId,
  projectCode,
  existing,
  onSaved,
  onCancel,
}: {
  projectId: number;
  projectCode: string;
  existing?: { id: number; definition: Def };
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<EditMode>("form");
  const [form, setForm] = useState(() => toForm(existing?.definition));
  const [yaml, setYaml] = useState(() =>
    JSON.stringify(existing?.definition ?? toDefinition(form, projectCode), null, 2),
  );
  const [errors, setErrors] = useState<EffectValidationResponse["errors"]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const body = mode === "form" ? { definition: toDefinition(form, projectCode) } : { yaml };
  useDebouncedValidation<EffectValidationResponse>(
    `/projects/${projectId}/effects/validate`,
    body,
    250,
    (r) => setErrors(r.errors),
    (message) => setErrors([{ path: "", message }]),
  );

  const set = (patch: Partial<EffectForm>) => setForm((f) => ({ ...f, ...patch }));
  const switchTo = (next: EditMode) => {
    if (next === "yaml") setYaml(JSON.stringify(toDefinition(form, projectCode), null, 2));
    else {
      try {
        setForm(toForm(JSON.parse(yaml) as Def));
      } catch {
        // YAML that is not JSON: the form starts from what it had
      }
    }
    setMode(next);
  };
  const save = async () => {
    setSaveError(null);
    try {
      if (existing) await apiSend("PUT", `/projects/${projectId}/effects/${existing.id}`, body);
      else await apiSend("POST", `/projects/${projectId}/effects`, body);
      onSaved();
    } catch (e) {
      setSaveError((e as Error).message);
    }
  };

  return (
    <section className="panel effect-editor" aria-labelledby="effect-editor-title">
      <h3 id="effect-editor-title">{existing ? "Ret effektdefinition" : "Ny effektdefinition"}</h3>
      <div className="toolbar">
        <EditModeButtons mode={mode} onSwitch={switchTo} />
      </div>
      {mode === "form" ? (
        <div className="form-grid">
          <TextField label="Id" hint="a-z, 0-9 og -" value={form.id} onChange={(v) => set({ id: v })} />
          <TextField label="Navn" value={form.name} onChange={(v) => set({ name: v })} />
          <CheckboxGroup
            className="checks"
            legend="Målgruppe: ydelser"
            options={BENEFITS}
            value={form.benefits}
            onChange={(v) => set({ benefits: v })}
          />
          <CheckboxGroup
            className="checks"
            legend="Målgruppe: kategorier (ingen = alle)"
            options={CATEGORIES}
            value={form.categories}
            onChange={(v) => set({ categories: v })}
          />
          <TextField
            label="Alder fra (år)"
            inputMode="numeric"
            value={form.ageMin}
            onChange={(v) => set({ ageMin: v })}
          />
          <TextField
            label="Alder til (år)"
            inputMode="numeric"
            value={form.ageMax}
            onChange={(v) => set({ ageMax: v })}
          />
          <TextField
            label="Henvisninger fra måned"
            hint="ÅÅÅÅ-MM"
            value={form.from}
            onChange={(v) => set({ from: v })}
          />
          <TextField
            label="Henvisninger til måned"
            hint="ÅÅÅÅ-MM"
            value={form.to}
            onChange={(v) => set({ to: v })}
          />
          <TextField
            label="Horisonter (måneder)"
            hint="negative = før henvisningen, fx -6, 3, 6, 12"
            value={form.horizons}
            onChange={(v) => set({ horizons: v })}
          />
          <CheckboxGroup
            className="checks"
            legend="Udfald: ydelser (ingen = alle)"
            options={BENEFITS}
            value={form.outcome}
            onChange={(v) => set({ outcome: v })}
          />
        </div>
      ) : (
        <Field label="Effektdefinition som YAML" hint="som i DESIGN 9.1; JSON er også gyldig YAML">
          {(p) => (
            <textarea
              {...p}
              rows={14}
              className="code"
              value={yaml}
              onChange={(e) => setYaml(e.target.value)}
            />
          )}
        </Field>
      )}
      {errors.length > 0 ? (
        <ul className="errors" aria-live="polite" aria-label="Fejl i definitionen">
          {errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok" aria-live="polite">
          Definitionen er gyldig.
        </p>
      )}
      {saveError && (
        <p className="error" role="alert">
          {saveError}
        </p>
      )}
      <div className="toolbar">
        <button type="button" onClick={save} disabled={errors.length > 0}>
          Gem
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </section>
  );
}
