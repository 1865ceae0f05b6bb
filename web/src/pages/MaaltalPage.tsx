import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { BENEFITS } from "../../../src/domain/codes.ts";
import { MAALTAL_KIND_LABELS, MAALTAL_KINDS } from "../../../src/domain/economics/maaltal.ts";
import { checkMaaltalLine, type MaaltalLineDraft } from "../../../src/domain/economics/maaltal-input.ts";
import { formatNumber, monthLabel } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import { CheckboxGroup } from "../components/forms.tsx";
import { ScrollRegion } from "../components/ScrollRegion.tsx";
import type { MaaltalReportDto } from "./economics/types.ts";

type Group = MaaltalReportDto["groups"][number];

const fte = (v: number) => formatNumber(v, 1, true);

type Line = Group["lines"][number];

function GroupTable({
  g,
  onEdit,
  onDelete,
}: {
  g: Group;
  onEdit: (l: Line) => void;
  onDelete: (l: Line) => void;
}) {
  return (
    <div className="table-block">
      <ScrollRegion label={`Måltal: ${g.group}`}>
        <table>
          <caption>{g.group}</caption>
          <thead>
            <tr>
              <th scope="col">Linje</th>
              <th scope="col" className="num">
                Antal fuldtidspersoner
              </th>
              <th scope="col">Type</th>
              <th scope="col">Projekt</th>
              <th scope="col">
                <span className="visually-hidden">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {g.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.label}</th>
                <td className="num">{fte(l.fte)}</td>
                <td>{MAALTAL_KIND_LABELS[l.kind]}</td>
                <td>{l.projectId ? <Link to={`/projekter/${l.projectId}`}>{l.projectName}</Link> : ""}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => onEdit(l)}>
                    Ret<span className="visually-hidden"> linjen {l.label}</span>
                  </button>{" "}
                  <button type="button" className="secondary" onClick={() => onDelete(l)}>
                    Slet<span className="visually-hidden"> linjen {l.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              <td className="num">
                <strong>{fte(g.total)}</strong>
              </td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}

function FollowUpTable({ report }: { report: MaaltalReportDto }) {
  const months = report.months.filter((m) =>
    report.groups.some((g) => g.followUp.some((f) => f.month === m && f.measured !== null)),
  );
  if (!report.hasData) {
    return (
      <p>
        Ingen data: der er endnu ingen beregnede fuldtidspersoner (fte-indikatorer for hele ydelsen) at følge
        måltallene op imod.
      </p>
    );
  }
  return (
    <div className="table-block">
      <ScrollRegion label="Opfølgning på måltal pr. måned">
        <table>
          <caption>Målte fuldtidspersoner mod måltal pr. måned (forskel i parentes)</caption>
          <thead>
            <tr>
              <th scope="col">Ydelsesgruppe</th>
              <th scope="col" className="num">
                Måltal
              </th>
              {months.map((m) => (
                <th key={m} scope="col" className="num">
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td className="num">{fte(g.total)}</td>
                {months.map((m) => {
                  const f = g.followUp.find((x) => x.month === m);
                  return (
                    <td key={m} className="num">
                      {f?.measured == null
                        ? "Ingen data"
                        : `${fte(f.measured)} (${f.difference! > 0 ? "+" : ""}${fte(f.difference!)})`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

const NEW_GROUP = "__ny__";

const emptyDraft = (groupName = ""): MaaltalLineDraft => ({
  groupName,
  label: "",
  fte: "",
  kind: "project",
  projectId: null,
  benefits: [],
});

/** Add or edit one måltal line; checked in the browser (Danish messages) before it is sent. */
function LineForm({
  report,
  editing,
  projects,
  budgetPeriod,
  onDone,
}: {
  report: MaaltalReportDto | null;
  editing: Line | null;
  projects: { id: number; name: string }[];
  budgetPeriod: string;
  onDone: (message: string) => void;
}) {
  const groups = report?.groups ?? [];
  const [draft, setDraft] = useState<MaaltalLineDraft>(emptyDraft(groups[0]?.group ?? ""));
  const [newGroup, setNewGroup] = useState(groups.length === 0);
  const [errors, setErrors] = useState<Partial<Record<keyof MaaltalLineDraft, string>>>({});
  const [serverError, setServerError] = useState("");
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the line to edit changes
  useEffect(() => {
    setErrors({});
    setServerError("");
    if (editing) {
      setNewGroup(false);
      setDraft({
        groupName: editing.groupName,
        label: editing.label,
        fte: String(editing.fte).replace(".", ","),
        kind: editing.kind,
        projectId: editing.projectId ?? null,
        benefits: editing.benefits,
      });
      headingRef.current?.focus();
    } else {
      setDraft(emptyDraft(groups[0]?.group ?? ""));
      setNewGroup(groups.length === 0);
    }
  }, [editing]);

  // the table arrives after the form: start a new line in its first group
  const firstGroup = groups[0]?.group ?? "";
  useEffect(() => {
    if (editing || !firstGroup) return;
    setNewGroup(false);
    setDraft((d) => (d.groupName === "" ? { ...d, groupName: firstGroup } : d));
  }, [firstGroup, editing]);

  const set = <K extends keyof MaaltalLineDraft>(k: K, v: MaaltalLineDraft[K]) =>
    setDraft({ ...draft, [k]: v });

  const chooseGroup = (value: string) => {
    if (value === NEW_GROUP) {
      setNewGroup(true);
      setDraft({ ...draft, groupName: "", benefits: [] });
      return;
    }
    setNewGroup(false);
    // a new line follows its group up against the group's benefits
    const g = groups.find((x) => x.group === value);
    setDraft({ ...draft, groupName: value, benefits: editing ? draft.benefits : (g?.benefits ?? []) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError("");
    const checked = checkMaaltalLine(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const v = checked.value;
    const group = groups.find((g) => g.group === v.groupName);
    const groupOrder = group ? group.order : Math.max(-1, ...groups.map((g) => g.order)) + 1;
    setBusy(true);
    try {
      if (editing) {
        await apiSend("PATCH", `/economics/maaltal/lines/${editing.id}`, {
          ...v,
          ...(editing.groupName !== v.groupName ? { groupOrder } : {}),
        });
        onDone(`Linjen «${v.label}» er rettet.`);
      } else {
        const lineOrder = Math.max(-1, ...(group?.lines ?? []).map((l) => l.lineOrder)) + 1;
        await apiSend("POST", "/economics/maaltal/lines", { ...v, budgetPeriod, groupOrder, lineOrder });
        onDone(`Linjen «${v.label}» er tilføjet.`);
        setDraft(emptyDraft(v.groupName));
      }
    } catch (err) {
      setServerError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const err = (k: keyof MaaltalLineDraft) =>
    errors[k] ? (
      <span className="error" id={`ml-${k}-error`}>
        {errors[k]}
      </span>
    ) : null;
  const described = (k: keyof MaaltalLineDraft) =>
    errors[k] ? { "aria-describedby": `ml-${k}-error`, "aria-invalid": true } : {};

  return (
    <form className="card" onSubmit={submit} aria-labelledby="ml-form-title" noValidate>
      <h2 id="ml-form-title" ref={headingRef} tabIndex={-1}>
        {editing ? `Ret linjen «${editing.label}»` : "Tilføj en linje"}
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="ml-group">Ydelsesgruppe</label>
          <select
            id="ml-group"
            value={newGroup ? NEW_GROUP : draft.groupName}
            onChange={(e) => chooseGroup(e.target.value)}
            {...(newGroup ? {} : described("groupName"))}
          >
            {groups.map((g) => (
              <option key={g.group} value={g.group}>
                {g.group}
              </option>
            ))}
            <option value={NEW_GROUP}>Ny ydelsesgruppe …</option>
          </select>
          {!newGroup && err("groupName")}
        </div>
        {newGroup && (
          <div className="field">
            <label htmlFor="ml-new-group">Navn på den nye ydelsesgruppe</label>
            <input
              id="ml-new-group"
              value={draft.groupName}
              onChange={(e) => set("groupName", e.target.value)}
              {...described("groupName")}
            />
            {err("groupName")}
          </div>
        )}
        <div className="field">
          <label htmlFor="ml-label">Linje</label>
          <input
            id="ml-label"
            value={draft.label}
            onChange={(e) => set("label", e.target.value)}
            {...described("label")}
          />
          {err("label")}
        </div>
        <div className="field">
          <label htmlFor="ml-fte">Antal fuldtidspersoner</label>
          <input
            id="ml-fte"
            inputMode="decimal"
            value={draft.fte}
            onChange={(e) => set("fte", e.target.value)}
            {...described("fte")}
          />
          {err("fte")}
        </div>
        <div className="field">
          <label htmlFor="ml-kind">Type</label>
          <select
            id="ml-kind"
            value={draft.kind}
            onChange={(e) => set("kind", e.target.value)}
            {...described("kind")}
          >
            {MAALTAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {MAALTAL_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {err("kind")}
        </div>
        <div className="field">
          <label htmlFor="ml-project">Projekt</label>
          <select
            id="ml-project"
            value={draft.projectId ?? ""}
            onChange={(e) => set("projectId", e.target.value ? Number(e.target.value) : null)}
            {...described("projectId")}
          >
            <option value="">Intet projekt</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {err("projectId")}
        </div>
      </div>
      <CheckboxGroup
        legend="Følges op mod de målte fuldtidspersoner på"
        options={BENEFITS}
        value={draft.benefits}
        onChange={(v) => set("benefits", v)}
      />
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          {editing ? "Gem rettelsen" : "Tilføj linjen"}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={() => onDone("")}>
            Fortryd
          </button>
        )}
      </div>
      {serverError && (
        <p className="error" role="alert">
          {serverError}
        </p>
      )}
    </form>
  );
}

/**
 * Måltal: the FTE target table per benefit group with each adjustment, totals and monthly
 * follow-up; lines are added, corrected and deleted here.
 */
export default function MaaltalPage() {
  const [periods, setPeriods] = useState<string[]>([]);
  const [period, setPeriod] = useState<string | undefined>();
  const [report, setReport] = useState<MaaltalReportDto | null>(null);
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [editing, setEditing] = useState<Line | null>(null);
  const [projects, setProjects] = useState<{ id: number; name: string }[]>([]);

  useEffect(() => {
    document.title = "Måltal – Effektspor";
    apiGet<{ projects: { id: number; name: string }[] }>("/projects")
      .then((r) => setProjects(r.projects))
      .catch(() => setProjects([]));
  }, []);
  const load = useCallback(() => {
    apiGet<{ periods: string[]; report: MaaltalReportDto | null }>(
      `/economics/maaltal${period ? `?period=${period}` : ""}`,
    )
      .then((r) => {
        setPeriods(r.periods);
        setReport(r.report);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [period]);
  useEffect(() => {
    load();
  }, [load]);

  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
    load();
  };

  const remove = async (l: Line) => {
    if (!window.confirm(`Slet linjen «${l.label}» (${fte(l.fte)} fuldtidspersoner) fra ${l.groupName}?`))
      return;
    setError("");
    try {
      await apiSend("DELETE", `/economics/maaltal/lines/${l.id}`);
      done(`Linjen «${l.label}» er slettet.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const thisYear = new Date().getFullYear();
  const budgetPeriod = report?.budgetPeriod ?? period ?? `${thisYear}-${thisYear + 1}`;

  return (
    <section>
      <h1>Måltal</h1>
      <p className="muted">
        Budgetterede fuldtidspersoner pr. ydelsesgruppe med investeringsprojekternes og budgetforligets
        justeringer.
      </p>
      <div className="toolbar">
        {periods.length > 1 && (
          <label>
            Budgetperiode{" "}
            <select value={report?.budgetPeriod ?? ""} onChange={(e) => setPeriod(e.target.value)}>
              {periods.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        {report && (
          <a
            className="button-link secondary"
            href={`/api/economics/maaltal.xlsx?period=${report.budgetPeriod}`}
            download
          >
            Hent som Excel (XLSX)
          </a>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p>Ingen måltalstabel endnu.</p>}
      {report && (
        <>
          <h2>Måltal. Investeringsprojekter i Udvalget for Beskæftigelse – {report.budgetPeriod}</h2>
          {report.groups.map((g) => (
            <GroupTable key={g.group} g={g} onEdit={setEditing} onDelete={remove} />
          ))}
          <p>
            Måltal i alt: <strong>{fte(report.grandTotal)}</strong> fuldtidspersoner.
          </p>
        </>
      )}
      <div aria-live="polite">{message && <p role="status">{message}</p>}</div>
      <LineForm
        report={report}
        editing={editing}
        projects={projects}
        budgetPeriod={budgetPeriod}
        onDone={done}
      />
      {report && (
        <>
          <h2>Månedlig opfølgning</h2>
          <FollowUpTable report={report} />
        </>
      )}
    </section>
  );
}
