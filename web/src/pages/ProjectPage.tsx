import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  formatDate,
  formatKroner,
  formatNumber,
  monthLabel,
  monthLabelLong,
} from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import { FreezePanel } from "../components/FreezePanel.tsx";
import { GoalFollowUp } from "../components/GoalFollowUp.tsx";
import { IndicatorChart } from "../components/IndicatorChart.tsx";
import { IndicatorForm } from "../components/IndicatorForm.tsx";
import { JobindsatsBeside } from "../components/JobindsatsBeside.tsx";
import { JobindsatsManualValue } from "../components/JobindsatsManualValue.tsx";
import { ProjectForm } from "../components/ProjectForm.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { StatusGrid } from "../components/StatusGrid.tsx";
import { StatusHelp } from "../components/StatusHelp.tsx";
import type { ProjectDto, SchemeIndicator, SchemeRow, StatusScheme } from "../types.ts";
import "./ProjectPage.css";
import { Can, useCan } from "../session.tsx";

const PRESETS = [6, 12, 24] as const;

/**
 * The months to show: the latest 12 by default, a preset, the whole scheme, or from–to. "Latest"
 * ends at `end`: the latest month a status is judged on.
 */
function MonthRange({
  months,
  end,
  value,
  onChange,
}: {
  months: string[];
  end: string;
  value: { from: string; to: string };
  onChange: (v: { from: string; to: string }) => void;
}) {
  const id = useId();
  const last = months[months.length - 1] ?? "";
  const endIndex = Math.max(0, months.indexOf(end));
  const fromIndex = months.indexOf(value.from);
  const toIndex = months.indexOf(value.to);
  const preset =
    value.from === months[0] && value.to === last
      ? "all"
      : value.to === end && PRESETS.some((n) => toIndex - fromIndex + 1 === n)
        ? String(toIndex - fromIndex + 1)
        : "custom";
  const latest = (n: number) => ({ from: months[Math.max(0, endIndex - n + 1)] ?? "", to: end });
  return (
    <fieldset className="month-range">
      <legend>Viste måneder</legend>
      <label htmlFor={`${id}-p`}>Vis</label>
      <select
        id={`${id}-p`}
        value={preset}
        onChange={(e) =>
          onChange(
            e.target.value === "all"
              ? { from: months[0] ?? "", to: last }
              : e.target.value === "custom"
                ? value
                : latest(Number(e.target.value)),
          )
        }
      >
        {PRESETS.map((n) => (
          <option key={n} value={String(n)} disabled={endIndex + 1 < n}>
            {n} måneder til {monthLabel(end)}
          </option>
        ))}
        <option value="all">Alle {months.length} måneder</option>
        <option value="custom">Selvvalgt periode</option>
      </select>
      <label htmlFor={`${id}-f`}>Fra</label>
      <select
        id={`${id}-f`}
        value={value.from}
        onChange={(e) => onChange({ from: e.target.value, to: [e.target.value, value.to].sort()[1]! })}
      >
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>Til</label>
      <select
        id={`${id}-t`}
        value={value.to}
        onChange={(e) => onChange({ from: [e.target.value, value.from].sort()[0]!, to: e.target.value })}
      >
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </select>
      <span className="muted small">Startmåling, mindste mål, slutmål og status vises altid.</span>
    </fieldset>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul>
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}

function Description({ p }: { p: ProjectDto }) {
  const inv = p.investment;
  const invParts = [
    inv.staff !== undefined
      ? `${formatNumber(inv.staff, 1, true)} medarbejder${inv.staff === 1 ? "" : "e"}`
      : null,
    inv.costPerYear !== undefined ? `${formatKroner(inv.costPerYear)} pr. år` : null,
    inv.years !== undefined ? `${formatNumber(inv.years, 1, true)} år` : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="desc-title">
      <h2 id="desc-title">Projektbeskrivelse</h2>
      <h3>Projektets afsæt</h3>
      {p.background.split("\n\n").map((para) => (
        <p key={para}>{para}</p>
      ))}
      <div className="desc-grid">
        <List title="Målgrupper" items={p.targetGroups} />
        <List title="Indsatser" items={p.activities} />
        <List title="Kortsigtede mål" items={p.shortTermGoals} />
        <List title="Langsigtede mål" items={p.longTermGoals} />
        {(inv.text || invParts.length > 0) && (
          <div>
            <h3>Investering</h3>
            {invParts.length > 0 && <p>{invParts.join(" · ")}</p>}
            {inv.text && <p>{inv.text}</p>}
          </div>
        )}
        {p.relatedProjects.length > 0 && (
          <div>
            <h3>Relaterede projekter</h3>
            <p>{p.relatedProjects.join(", ")}</p>
          </div>
        )}
        <List title="Datakilder" items={p.dataSources} />
        {p.notes && (
          <div>
            <h3>Noter</h3>
            <p>{p.notes}</p>
          </div>
        )}
      </div>
    </section>
  );
}

function CommentEditor({
  scheme,
  onSaved,
  initialMonth,
}: {
  scheme: StatusScheme;
  onSaved: () => void;
  /** the latest month a status is judged on */
  initialMonth?: string;
}) {
  const last = initialMonth || (scheme.months[scheme.months.length - 1] ?? "");
  const [month, setMonth] = useState(last);
  const [text, setText] = useState(scheme.comments[last]?.comment ?? "");
  const [msg, setMsg] = useState("");
  useEffect(() => setText(scheme.comments[month]?.comment ?? ""), [month, scheme.comments]);
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">Månedens kommentar</h2>
      <form
        className="card"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await apiSend("PUT", `/projects/${scheme.project.id}/comments/${month}`, { comment: text });
            setMsg(`Kommentaren for ${monthLabelLong(month)} er gemt`);
            onSaved();
          } catch (err) {
            setMsg(err instanceof Error ? err.message : String(err));
          }
        }}
      >
        <div className="field">
          <label htmlFor="comment-month">Måned</label>
          <select id="comment-month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {scheme.months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
                {scheme.comments[m] ? " (har kommentar)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="comment-text">Kommentar</label>
          <textarea
            id="comment-text"
            rows={3}
            style={{ width: "100%" }}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit">Gem kommentar</button>{" "}
        <span role="status" className="muted">
          {msg}
        </span>
      </form>
    </section>
  );
}

/** A project: description, status scheme grid (with manual values typed in), charts, editing. */
export default function ProjectPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [scheme, setScheme] = useState<StatusScheme | null>(null);
  const [error, setError] = useState("");
  const [editing, setEditing] = useState<"project" | "new-indicator" | SchemeIndicator | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  // manual values are typed in (or taken from jobindsats.dk) only by those who may edit the project
  const canEdit = useCan("edit-project", scheme?.project.id);

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const s = await apiGet<StatusScheme>(`/projects/${id}/status-scheme`);
      setScheme(s);
      setError("");
      document.title = `${s.project.name} – Effektspor`;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    setScheme(null);
    setRange(null);
    load();
  }, [load]);

  const months = scheme?.months ?? [];
  // default: the 12 months up to the latest month a status is judged on (for an ended project the
  // end of its period, not the months after it), else up to the last month
  const judgedLast = (scheme?.rows ?? [])
    .map((r) => r.judgement.period)
    .filter((m): m is string => m !== null && months.includes(m))
    .sort()
    .pop();
  const defaultEnd = judgedLast ?? months[months.length - 1] ?? "";
  const shownRange = useMemo(() => {
    if (range && months.includes(range.from) && months.includes(range.to)) return range;
    const end = months.indexOf(defaultEnd);
    return { from: months[Math.max(0, end - 11)] ?? "", to: defaultEnd };
  }, [months, range, defaultEnd]);
  const shownMonths = months.filter((m) => m >= shownRange.from && m <= shownRange.to);

  if (!id) {
    return (
      <section>
        <h1>Nyt projekt</h1>
        <ProjectForm onSaved={(p) => navigate(`/projekter/${p.id}`)} onCancel={() => navigate("/")} />
      </section>
    );
  }
  if (error && !scheme) {
    return (
      <section>
        <h1>Projekt</h1>
        <p className="error" role="alert">
          {error}
        </p>
        <Link to="/">Tilbage til overblikket</Link>
      </section>
    );
  }
  if (!scheme) return <p>Indlæser projektet …</p>;

  const p = scheme.project as unknown as ProjectDto;
  const replaceRow = (row: SchemeRow) =>
    setScheme((s) =>
      s ? { ...s, rows: s.rows.map((r) => (r.indicator.id === row.indicator.id ? row : r)) } : s,
    );

  return (
    <article>
      <p className="muted small">
        <Link to="/">Overblik</Link> › {p.name}
      </p>
      <h1>{p.name}</h1>
      <p className="muted">
        {p.committee}
        {p.periodStart
          ? ` · ${formatDate(p.periodStart)} – ${p.periodEnd ? formatDate(p.periodEnd) : "…"}`
          : ""}{" "}
        · kode {p.code}
      </p>
      <div className="toolbar">
        <Can action="edit-project" projectId={p.id}>
          <button type="button" className="secondary" onClick={() => setEditing("project")}>
            Ret projekt
          </button>
        </Can>
        <Can action="manage-projects">
          <button type="button" className="secondary" onClick={() => setEditing("new-indicator")}>
            Ny indikator
          </button>
        </Can>
        <a className="button-link secondary" href={`/api/projects/${p.id}/status-scheme.xlsx`} download>
          Hent statusskema som Excel (XLSX)
        </a>
        <Link className="button-link secondary" to={`/oekonomi?projekt=${p.id}`}>
          Økonomi: forventet og realiseret gevinst
        </Link>
        <Link className="button-link secondary" to={`/projekter/${p.id}/effekt`}>
          Effekt mod sammenligningsgruppe
        </Link>
      </div>
      {editing === "project" && (
        <ProjectForm
          project={p}
          onSaved={() => {
            setEditing(null);
            load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing !== null && editing !== "project" && (
        <IndicatorForm
          projectId={p.id}
          indicator={editing === "new-indicator" ? undefined : editing}
          onSaved={() => {
            setEditing(null);
            load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      <section aria-labelledby="scheme-title">
        <h2 id="scheme-title">Månedsvis statusskema</h2>
        <StatusHelp />
        {scheme.ended && (
          <p className="ended-note">
            Projektets periode sluttede {p.periodEnd ? formatDate(p.periodEnd) : ""}. Status er slutstatus:
            den seneste værdi i perioden holdt op mod slutmålet på slutmålets dato (status pr.{" "}
            {formatDate(scheme.asOf)}).
          </p>
        )}
        {scheme.months.length > 1 && (
          <MonthRange months={scheme.months} end={defaultEnd} value={shownRange} onChange={setRange} />
        )}
        <StatusGrid scheme={scheme} onRowChanged={replaceRow} months={shownMonths} canEdit={canEdit} />
      </section>

      <GoalFollowUp projectId={p.id} reloadKey={scheme} />

      <Can action="edit-project" projectId={p.id}>
        <CommentEditor scheme={scheme} onSaved={load} initialMonth={defaultEnd} />
      </Can>

      <Can action="freeze">
        <FreezePanel
          projectId={p.id}
          months={scheme.months}
          units={Object.fromEntries(scheme.rows.map((r) => [r.indicator.id, r.indicator.unit]))}
          onFrozen={load}
          hasFrozen={scheme.rows.some((r) => r.cells.some((c) => c.frozen !== null))}
          initialMonth={defaultEnd}
        />
      </Can>

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">Indikatorer</h2>
        <div className="chart-grid">
          {scheme.rows.map((row) => (
            <div key={row.indicator.id}>
              <IndicatorChart row={row} />
              <JobindsatsBeside row={row} />
              {canEdit && row.indicator.kind === "manual" && (
                <JobindsatsManualValue row={row} onSaved={replaceRow} />
              )}
              <div className="toolbar chart-tools">
                <StatusBadge status={row.status} />
                {row.statusNote && <span className="muted small">{row.statusNote}</span>}
                {canEdit && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Ret indikator og mål: ${row.indicator.name}`}
                    onClick={() => setEditing(row.indicator)}
                  >
                    Ret indikator og mål
                  </button>
                )}
              </div>
            </div>
          ))}
        </div>
      </section>

      <Description p={p} />
    </article>
  );
}
