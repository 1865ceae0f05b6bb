import { useState } from "react";
import { apiSend } from "../api.ts";
import type { ProjectDto } from "../types.ts";
import { Field, lines, numberOrNull, numText } from "./forms.tsx";

interface Props {
  project?: ProjectDto;
  onSaved: (project: ProjectDto) => void;
  onCancel: () => void;
}

const LISTS = [
  ["targetGroups", "Målgrupper"],
  ["activities", "Indsatser"],
  ["shortTermGoals", "Kortsigtede mål (output)"],
  ["longTermGoals", "Langsigtede mål (outcome)"],
  ["relatedProjects", "Relaterede projekter (projektkoder)"],
  ["dataSources", "Datakilder"],
  ["footnotes", "Fodnoter til udvalgsrapporten"],
] as const;

/** Create or edit a project's description (afsæt, målgrupper, indsatser, mål, investering …). */
export function ProjectForm({ project, onSaved, onCancel }: Props) {
  const [f, setF] = useState(
    () =>
      ({
        code: project?.code ?? "",
        name: project?.name ?? "",
        committee: project?.committee ?? "Udvalget for Beskæftigelse",
        periodStart: project?.periodStart ?? "",
        periodEnd: project?.periodEnd ?? "",
        background: project?.background ?? "",
        notes: project?.notes ?? "",
        investmentText: project?.investment.text ?? "",
        staff: numText(project?.investment.staff),
        costPerYear: numText(project?.investment.costPerYear),
        years: numText(project?.investment.years),
        ...Object.fromEntries(LISTS.map(([k]) => [k, (project?.[k] ?? []).join("\n")])),
      }) as Record<string, string>,
  );
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) =>
    setF((old) => ({ ...old, [k]: e.target.value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const investment: Record<string, string> = {};
    if (f.investmentText) investment.text = f.investmentText;
    for (const k of ["staff", "costPerYear", "years"]) {
      const v = numberOrNull(f[k] ?? "");
      if (v !== null) investment[k] = v;
    }
    const body = {
      code: f.code,
      name: f.name,
      committee: f.committee,
      periodStart: f.periodStart || null,
      periodEnd: f.periodEnd || null,
      background: f.background,
      notes: f.notes,
      investment,
      ...Object.fromEntries(LISTS.map(([k]) => [k, lines(f[k] ?? "")])),
    };
    try {
      const res = project
        ? await apiSend<{ project: ProjectDto }>("PATCH", `/projects/${project.id}`, body)
        : await apiSend<{ project: ProjectDto }>("POST", "/projects", body);
      onSaved(res.project);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="project-form-title">
      <h2 id="project-form-title">{project ? "Ret projekt" : "Nyt projekt"}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-grid">
        <Field label="Navn">{(p) => <input {...p} value={f.name} onChange={set("name")} required />}</Field>
        <Field label="Kode" hint="små bogstaver, tal og -; samme kode som markeringen i FACIT">
          {(p) => (
            <input {...p} value={f.code} onChange={set("code")} required pattern="[a-z0-9][a-z0-9\-]*" />
          )}
        </Field>
        <Field label="Udvalg">
          {(p) => <input {...p} value={f.committee} onChange={set("committee")} />}
        </Field>
        <Field label="Periode fra">
          {(p) => <input {...p} type="date" value={f.periodStart} onChange={set("periodStart")} />}
        </Field>
        <Field label="Periode til">
          {(p) => <input {...p} type="date" value={f.periodEnd} onChange={set("periodEnd")} />}
        </Field>
      </div>
      <Field label="Projektets afsæt / udfordring">
        {(p) => (
          <textarea
            {...p}
            rows={5}
            style={{ width: "100%" }}
            value={f.background}
            onChange={set("background")}
          />
        )}
      </Field>
      <div className="form-grid">
        {LISTS.map(([k, label]) => (
          <Field key={k} label={label} hint="ét punkt pr. linje">
            {(p) => <textarea {...p} rows={4} style={{ width: "100%" }} value={f[k]} onChange={set(k)} />}
          </Field>
        ))}
      </div>
      <fieldset>
        <legend>Investering</legend>
        <Field label="Beskrivelse">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              style={{ width: "100%" }}
              value={f.investmentText}
              onChange={set("investmentText")}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field label="Medarbejdere">
            {(p) => <input {...p} inputMode="decimal" value={f.staff} onChange={set("staff")} />}
          </Field>
          <Field label="Udgift pr. år (kr.)">
            {(p) => <input {...p} inputMode="decimal" value={f.costPerYear} onChange={set("costPerYear")} />}
          </Field>
          <Field label="Antal år">
            {(p) => <input {...p} inputMode="decimal" value={f.years} onChange={set("years")} />}
          </Field>
        </div>
      </fieldset>
      <Field label="Noter">
        {(p) => (
          <textarea {...p} rows={2} style={{ width: "100%" }} value={f.notes} onChange={set("notes")} />
        )}
      </Field>
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          Gem projekt
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
