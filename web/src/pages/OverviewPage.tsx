import { useEffect, useState } from "react";
import { Link } from "react-router";
import { countText, formatDate, formatValue, monthLabel } from "../../../src/domain/format.ts";
import { STATUS_LABELS, STATUS_ORDER } from "../../../src/domain/status.ts";
import { apiGet } from "../api.ts";
import { DataTable } from "../components/DataTable.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { StatusHelp } from "../components/StatusHelp.tsx";
import { forecastClass, forecastText } from "../forecast.ts";
import { Can } from "../session.tsx";
import type { OverviewIndicator, OverviewProject } from "../types.ts";

function period(p: OverviewProject): string {
  if (!p.periodStart && !p.periodEnd) return "";
  return `${p.periodStart ? formatDate(p.periodStart) : "…"} – ${p.periodEnd ? formatDate(p.periodEnd) : "…"}`;
}

/** Overblik: every project with its indicators' latest value and status (colour plus text). */
export default function OverviewPage() {
  const [projects, setProjects] = useState<OverviewProject[] | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    document.title = "Overblik – Effektspor";
    apiGet<{ projects: OverviewProject[] }>("/overview")
      .then((r) => setProjects(r.projects))
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <section>
      <h1>Overblik</h1>
      <p className="muted">Investeringsprojekterne og deres indikatorers seneste værdi og status.</p>
      <div className="toolbar">
        <Can action="manage-projects">
          <Link to="/projekter/ny" className="button-link">
            Nyt projekt
          </Link>
        </Can>
      </div>
      <StatusHelp />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!projects && !error && <p>Indlæser projekter …</p>}
      {projects?.map((p) => (
        <section key={p.id} className="card overview-project" aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`}>
            <Link to={`/projekter/${p.id}`}>{p.name}</Link>
          </h2>
          <p className="muted small">
            {p.committee}
            {period(p) ? ` · ${period(p)}` : ""}
            {p.ended ? " (afsluttet: slutstatus)" : ""} ·{" "}
            {countText(p.indicators.length, "indikator", "indikatorer")}:{" "}
            {STATUS_ORDER.filter((s) => (p.counts[s] ?? 0) > 0)
              .map((s) => `${p.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
              .join(", ")}
          </p>
          <DataTable<OverviewIndicator>
            caption={`Indikatorer i ${p.name}`}
            hideCaption
            rows={p.indicators}
            rowKey={(i) => String(i.id)}
            columns={[
              { key: "name", header: "Indikator", rowHeader: true, text: (i) => i.name },
              {
                key: "latest",
                header: "Seneste værdi",
                numeric: true,
                // the value the status is judged on (the latest inside the project's period), else the latest
                text: (i) => {
                  const v = i.judgement.period !== null ? i.judgement.value : (i.latest?.value ?? null);
                  return v !== null ? formatValue(v, i.unit) : "Ingen data";
                },
              },
              {
                key: "month",
                header: "Måned",
                text: (i) => {
                  const m = i.judgement.period ?? i.latest?.period;
                  return m ? monthLabel(m) : "";
                },
              },
              {
                key: "goal",
                header: "Slutmål",
                numeric: true,
                text: (i) =>
                  i.goal.value === null
                    ? ""
                    : `${formatValue(i.goal.value, i.unit)}${i.goal.date ? ` (${monthLabel(i.goal.date.slice(0, 7))})` : ""}`,
              },
              {
                key: "forecast",
                header: "Prognose",
                // the final goal's forecast; an ended project has its final status instead
                text: (i) => (i.forecast && !p.ended ? forecastText(i.forecast) : ""),
                render: (i) =>
                  i.forecast && !p.ended ? (
                    <span className={`small forecast-word ${forecastClass(i.forecast.status)}`}>
                      {forecastText(i.forecast)}
                    </span>
                  ) : null,
              },
              {
                key: "status",
                header: "Status",
                text: (i) => STATUS_LABELS[i.status],
                render: (i) => (
                  <>
                    <StatusBadge status={i.status} />
                    {i.judgement.ended &&
                    (i.status === "achieved" || i.status === "behind" || i.status === "on_track") ? (
                      <span className="muted small"> slutstatus</span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </section>
      ))}
    </section>
  );
}
