import { useEffect, useRef, useState } from "react";
import { countText, parseDanishNumber, UNITS } from "../../../src/domain/format.ts";
import {
  DIRECTION_LABELS,
  GOAL_KIND_LABELS,
  type GoalKind,
  goalKindsFor,
  INDICATOR_KIND_LABELS,
  NUMBER_HINT,
} from "../../../src/domain/projects.ts";
import { apiSend } from "../api.ts";
import type { SchemeIndicator } from "../types.ts";
import { ComputePanel } from "./ComputePanel.tsx";
import { DefinitionEditor, type StoredDefinition } from "./DefinitionEditor.tsx";
import { Field, formErrorText, numberOrNull, numText, SelectField, textOrNull } from "./forms.tsx";
import { JobindsatsPicker } from "./JobindsatsPicker.tsx";

/** The form's label of an API field path, so errors name what the user sees. */
function fieldLabel(path: string): string | undefined {
  const milestone = /^target\.milestones\[(\d+)\]\.(date|value|label)$/.exec(path);
  if (milestone) {
    const n = Number(milestone[1]) + 1;
    const what = { date: "Dato", value: "Værdi", label: "Kolonnenavn" }[
      milestone[2] as "date" | "value" | "label"
    ];
    return `${what}, mindste mål ${n}`;
  }
  return {
    code: "Kode",
    name: "Navn",
    groupLabel: "Overskrift i skemaet",
    unit: "Enhed",
    better: "Retning",
    kind: "Type",
    "target.baseline.value": "Startmåling, værdi",
    "target.baseline.date": "Startmåling, dato",
    "target.baseline.source": "Startmåling, kilde",
    "target.baseline.note": "Startmåling, note",
    "target.milestones": "Mindste mål",
    "target.goal.kind": "Måltype",
    "target.goal.value": "Slutmål, værdi",
    "target.goal.date": "Slutmål, dato",
    "target.goal.text": "Slutmål i ord",
  }[path];
}

/** The first number field that does not hold a number, as "Label: «x» er ikke et tal. …". */
function numberProblem(fields: [string, string][]): string | null {
  for (const [label, text] of fields) {
    if (text.trim() !== "" && parseDanishNumber(text) === null) {
      return `${label}: «${text.trim()}» er ikke et tal. ${NUMBER_HINT}`;
    }
  }
  return null;
}

interface Props {
  projectId: number;
  indicator?: SchemeIndicator;
  onSaved: () => void;
  onCancel: () => void;
}

interface MilestoneDraft {
  key: number;
  date: string;
  value: string;
  label: string;
}

interface ComputeOneResult {
  status: "ok" | "failed";
  error: string | null;
  warnings: { indicator: string; message: string }[];
  valueCount: number;
  snapshot: { id: string; extractionDate: string } | null;
  range: { from: string; to: string } | null;
}

let nextKey = 1;

/** Create or edit an indicator and its target: baseline, any number of milestones, final goal. */
export function IndicatorForm({ projectId, indicator, onSaved, onCancel }: Props) {
  const [f, setF] = useState({
    code: indicator?.code ?? "",
    name: indicator?.name ?? "",
    groupLabel: indicator?.groupLabel ?? "",
    unit: indicator?.unit ?? "personer",
    better: indicator?.better ?? "higher",
    kind: indicator?.kind ?? "manual",
    baselineValue: numText(indicator?.baseline.value),
    baselineDate: indicator?.baseline.date ?? "",
    baselineSource: indicator?.baseline.source ?? "",
    baselineNote: indicator?.baseline.note ?? "",
    breakMonth: indicator?.breakMonth ?? "",
    goalKind: indicator?.goal.kind ?? "absolute",
    goalValue: numText(indicator?.goal.value),
    goalDate: indicator?.goal.date ?? "",
    goalText: indicator?.goal.text ?? "",
  });
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(
    (indicator?.milestones ?? []).map((m) => ({
      key: nextKey++,
      date: m.date,
      value: numText(m.value),
      label: m.label ?? "",
    })),
  );
  const [definition, setDefinition] = useState<{ value: StoredDefinition | null; valid: boolean }>({
    value: indicator?.definition ?? null,
    valid: true,
  });
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  /** after saving a computed indicator: computed at once, or why it waits for "Beregn" */
  const [computed, setComputed] = useState<{ ok: boolean; text: string } | null>(null);
  // the message sits at the top of a long form: bring it into view where the user pressed Gem
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const put = (k: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [k]: value }));
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => put(k)(e.target.value);
  // procentpoint only for a share; a count (fuldtidspersoner, personer) changes in its own unit. An
  // old goal stored with another kind stays selectable so editing never changes it silently.
  const goalKinds: GoalKind[] = [
    ...new Set([...goalKindsFor(f.unit), ...(indicator ? [indicator.goal.kind as GoalKind] : [])]),
  ].filter((k) => k in GOAL_KIND_LABELS);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (f.kind === "computed" && definition.value !== null && !definition.valid) {
      setError("Definitionen er ikke gyldig: ret fejlene i definitionen, før indikatoren gemmes");
      return;
    }
    const problem = numberProblem([
      ["Startmåling, værdi", f.baselineValue],
      ...milestones.map((m, i): [string, string] => [`Værdi, mindste mål ${i + 1}`, m.value]),
      ["Slutmål, værdi", f.goalValue],
    ]);
    if (problem) {
      setError(problem);
      return;
    }
    const target = {
      baseline: {
        value: numberOrNull(f.baselineValue),
        date: f.baselineDate || null,
        source: textOrNull(f.baselineSource),
        note: textOrNull(f.baselineNote),
      },
      milestones: milestones.map((m) => ({
        date: m.date,
        value: numberOrNull(m.value),
        label: textOrNull(m.label),
      })),
      goal: {
        kind: f.goalKind,
        value: numberOrNull(f.goalValue),
        date: f.goalDate || null,
        text: textOrNull(f.goalText),
      },
    };
    const body = {
      code: f.code,
      name: f.name,
      groupLabel: textOrNull(f.groupLabel),
      unit: f.unit,
      better: f.better,
      kind: f.kind,
      definition: f.kind === "computed" ? definition.value : (indicator?.definition ?? null),
      breakMonth: f.breakMonth.trim() || null,
      target,
    };
    setBusy(true);
    try {
      const saved = indicator
        ? await apiSend<{ indicator: { id: number } }>("PATCH", `/indicators/${indicator.id}`, body)
        : await apiSend<{ indicator: { id: number } }>("POST", `/projects/${projectId}/indicators`, body);
      if (f.kind !== "computed" || definition.value === null) {
        onSaved();
        return;
      }
      // a computed indicator is computed at once, so the scheme shows its values (issue 9, item 5)
      setComputed({ ok: true, text: "Indikatoren er gemt. Beregner den nu …" });
      try {
        const r = await apiSend<ComputeOneResult>("POST", `/indicators/${saved.indicator.id}/compute`);
        setComputed(
          r.status === "ok" && r.valueCount > 0
            ? {
                ok: true,
                text: `Indikatoren er gemt og beregnet: ${countText(r.valueCount, "værdi", "værdier")} (${r.range?.from} – ${r.range?.to}) på snapshot ${r.snapshot?.id}.`,
              }
            : {
                ok: false,
                text: `Indikatoren er gemt, men ikke beregnet: ${r.error || r.warnings.map((w) => w.message).join("; ") || "ingen måneder at beregne"}. Værdierne kommer, når du trykker «Beregn».`,
              },
        );
      } catch (err) {
        setComputed({
          ok: false,
          text: `Indikatoren er gemt, men ikke beregnet endnu: ${err instanceof Error ? err.message : String(err)}. Værdierne kommer, når du trykker «Beregn».`,
        });
      }
    } catch (err) {
      setError(formErrorText(err, fieldLabel));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!indicator || !window.confirm(`Slet indikatoren «${indicator.name}» og alle dens værdier?`)) return;
    try {
      await apiSend("DELETE", `/indicators/${indicator.id}`);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  if (computed) {
    return (
      <section className="card" aria-labelledby="indicator-computed-title">
        <h2 id="indicator-computed-title">{f.name}</h2>
        <p role="status" className={computed.ok ? "" : "error"}>
          {computed.text}
        </p>
        {!computed.ok && <ComputePanel />}
        <div className="toolbar">
          <button type="button" onClick={onSaved}>
            Luk og vis statusskemaet
          </button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="indicator-form-title">
      <h2 id="indicator-form-title">{indicator ? `Ret indikator: ${indicator.name}` : "Ny indikator"}</h2>
      {error && (
        <p className="error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      )}
      <div className="form-grid">
        <Field label="Navn">{(p) => <input {...p} value={f.name} onChange={set("name")} required />}</Field>
        <Field label="Kode" hint="a-z, 0-9 og -; entydig">
          {(p) => (
            <input {...p} value={f.code} onChange={set("code")} required pattern="[a-z0-9][a-z0-9\-]*" />
          )}
        </Field>
        <Field label="Overskrift i skemaet" hint="valgfri gruppe">
          {(p) => <input {...p} value={f.groupLabel} onChange={set("groupLabel")} />}
        </Field>
        <Field label="Enhed">
          {(p) => (
            <select
              {...p}
              value={f.unit}
              onChange={(e) => {
                const unit = e.target.value as typeof f.unit;
                setF((old) => ({
                  ...old,
                  unit,
                  // a change of a share is in procentpoint, of anything else in its own unit
                  goalKind:
                    old.goalKind === "relative_points" && unit !== "procent"
                      ? "relative_change"
                      : old.goalKind === "relative_change" && unit === "procent"
                        ? "relative_points"
                        : old.goalKind,
                }));
              }}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SelectField label="Retning" options={DIRECTION_LABELS} value={f.better} onChange={put("better")} />
        <SelectField label="Type" options={INDICATOR_KIND_LABELS} value={f.kind} onChange={put("kind")} />
      </div>
      {f.kind === "computed" && (
        <DefinitionEditor
          value={definition.value}
          onChange={(value, valid) => setDefinition({ value, valid })}
        />
      )}
      <fieldset>
        <legend>Startmåling</legend>
        <div className="form-grid">
          <Field label="Startmåling, værdi">
            {(p) => (
              <input {...p} inputMode="decimal" value={f.baselineValue} onChange={set("baselineValue")} />
            )}
          </Field>
          <Field label="Startmåling, dato">
            {(p) => <input {...p} type="date" value={f.baselineDate} onChange={set("baselineDate")} />}
          </Field>
          <Field label="Startmåling, kilde" hint="fx jobindsats.dk 3.kvt.2022 til 2.kvt.2023">
            {(p) => <input {...p} value={f.baselineSource} onChange={set("baselineSource")} />}
          </Field>
          <Field label="Startmåling, note">
            {(p) => <input {...p} value={f.baselineNote} onChange={set("baselineNote")} />}
          </Field>
          <Field
            label="Brudmåned"
            hint="ÅÅÅÅ-MM, fx en lovændring; prognosen bruger tallene fra den senere af startmåling og brudmåned"
          >
            {(p) => <input {...p} placeholder="ÅÅÅÅ-MM" value={f.breakMonth} onChange={set("breakMonth")} />}
          </Field>
        </div>
        <JobindsatsPicker
          onPick={({ baseline: b }) =>
            setF((old) => ({
              ...old,
              baselineValue: numText(b.value),
              baselineDate: b.date,
              baselineSource: b.source,
              baselineNote: b.note,
            }))
          }
        />
      </fieldset>
      <fieldset>
        <legend>Mindste mål</legend>
        {milestones.length === 0 && <p className="muted">Ingen mindste mål.</p>}
        {milestones.map((m, i) => (
          <div className="form-grid" key={m.key}>
            <Field label={`Dato, mindste mål ${i + 1}`}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  required
                  value={m.date}
                  onChange={(e) =>
                    setMilestones((ms) =>
                      ms.map((x) => (x.key === m.key ? { ...x, date: e.target.value } : x)),
                    )
                  }
                />
              )}
            </Field>
            <Field label={`Værdi, mindste mål ${i + 1}`}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={m.value}
                  onChange={(e) =>
                    setMilestones((ms) =>
                      ms.map((x) => (x.key === m.key ? { ...x, value: e.target.value } : x)),
                    )
                  }
                />
              )}
            </Field>
            <Field label={`Kolonnenavn, mindste mål ${i + 1}`} hint="valgfrit, fx Mål ultimo 2024">
              {(p) => (
                <input
                  {...p}
                  value={m.label}
                  onChange={(e) =>
                    setMilestones((ms) =>
                      ms.map((x) => (x.key === m.key ? { ...x, label: e.target.value } : x)),
                    )
                  }
                />
              )}
            </Field>
            <div className="field">
              <button
                type="button"
                className="secondary"
                onClick={() => setMilestones((ms) => ms.filter((x) => x.key !== m.key))}
              >
                Fjern mindste mål {i + 1}
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setMilestones((ms) => [...ms, { key: nextKey++, date: "", value: "", label: "" }])}
        >
          Tilføj mindste mål
        </button>
      </fieldset>
      <fieldset>
        <legend>Slutmål</legend>
        <div className="form-grid">
          <Field label="Måltype" hint="sig om målet er absolut eller relativt">
            {(p) => (
              <select {...p} value={f.goalKind} onChange={set("goalKind")}>
                {goalKinds.map((k) => (
                  <option key={k} value={k}>
                    {GOAL_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Slutmål, værdi"
            hint={
              f.goalKind === "relative_percent"
                ? "fx -40 (pct. af startmålingen)"
                : f.goalKind === "relative_points"
                  ? "fx 10 (procentpoint)"
                  : f.goalKind === "relative_change"
                    ? `fx -2 (${f.unit} i forhold til startmålingen)`
                    : "fx 92"
            }
          >
            {(p) => <input {...p} inputMode="decimal" value={f.goalValue} onChange={set("goalValue")} />}
          </Field>
          <Field label="Slutmål, dato">
            {(p) => <input {...p} type="date" value={f.goalDate} onChange={set("goalDate")} />}
          </Field>
          <Field label="Slutmål i ord">
            {(p) => <input {...p} value={f.goalText} onChange={set("goalText")} />}
          </Field>
        </div>
      </fieldset>
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          Gem indikator
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annullér
        </button>
        {indicator && (
          <button type="button" className="secondary" onClick={remove}>
            Slet indikator
          </button>
        )}
      </div>
    </form>
  );
}
