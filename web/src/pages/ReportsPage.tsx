import { useCallback, useEffect, useId, useRef, useState } from "react";
import {
  type ApprovedReportDto,
  REPORT_FORMAT_LABELS,
  type ReportJobDto,
} from "../../../src/api/contract/reports.ts";
import { formatDate, formatNumber, monthLabelLong } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import type { OverviewProject } from "../types.ts";

type Format = keyof typeof REPORT_FORMAT_LABELS;

function when(iso: string): string {
  return `${formatDate(iso.slice(0, 10))} kl. ${iso.slice(11, 16)}`;
}

/**
 * Rapporter: the committee report for a month (Udvalget for Beskæftigelse) as PDF, Word or Excel.
 * Choose month, projects, publication and format; generate (with progress); download and approve;
 * earlier approved reports open exactly as they were approved.
 */
export default function ReportsPage() {
  const id = useId();
  const [projects, setProjects] = useState<OverviewProject[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [month, setMonth] = useState("");
  const [publication, setPublication] = useState(false);
  const [format, setFormat] = useState<Format>("pdf");
  const [job, setJob] = useState<ReportJobDto | null>(null);
  const [reports, setReports] = useState<ApprovedReportDto[] | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const loadReports = useCallback(() => {
    apiGet<{ reports: ApprovedReportDto[]; defaultMonth: string }>("/reports")
      .then((r) => {
        setReports(r.reports);
        setMonth((m) => m || r.defaultMonth);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    document.title = "Rapporter – Effektspor";
    loadReports();
    apiGet<{ projects: OverviewProject[] }>("/overview")
      .then((r) => {
        setProjects(r.projects);
        setChosen(new Set(r.projects.map((p) => p.id)));
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [loadReports]);

  const poll = useCallback((jobId: string) => {
    apiGet<{ job: ReportJobDto }>(`/reports/jobs/${jobId}`)
      .then((r) => {
        setJob(r.job);
        if (r.job.state === "running") timer.current = setTimeout(() => poll(jobId), 400);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  async function generate() {
    setError("");
    setMessage("");
    if (chosen.size === 0) {
      setError("Vælg mindst ét projekt");
      return;
    }
    try {
      const r = await apiSend<{ job: ReportJobDto }>("POST", "/reports/jobs", {
        month: month || undefined,
        projectIds: [...chosen],
        publication,
        format,
      });
      setJob(r.job);
      poll(r.job.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function approve() {
    if (!job) return;
    setError("");
    try {
      const r = await apiSend<{ report: ApprovedReportDto }>("POST", `/reports/jobs/${job.id}/approve`);
      setMessage(
        `Rapport nr. ${r.report.id} er godkendt: ${formatNumber(r.report.frozenCount)} værdier er indefrosset${
          r.report.alreadyFrozenCount
            ? ` (${formatNumber(r.report.alreadyFrozenCount)} var allerede indefrosset)`
            : ""
        }, og filen er gemt.`,
      );
      poll(job.id);
      loadReports();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const toggle = (pid: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(pid)) next.delete(pid);
      else next.add(pid);
      return next;
    });

  const running = job?.state === "running";
  const done = job?.state === "done" ? job : null;

  return (
    <section>
      <h1>Rapporter</h1>
      <p className="muted">
        Udvalgsrapporten til Udvalget for Beskæftigelse: forside, sammenfatning, opfølgning på mål,
        statusskema, diagrammer, økonomi og bilag – som PDF, Word eller Excel. Når rapporten godkendes,
        indefryses de rapporterede tal, og filen gemmes uændret.
      </p>

      <form
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-month`}>Måned</label>
          <input
            id={`${id}-month`}
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            required
          />
          {month && <span className="muted small"> {monthLabelLong(month)}</span>}
        </div>
        <fieldset>
          <legend>Projekter</legend>
          {projects === null && <p>Indlæser projekterne …</p>}
          {projects?.map((p) => (
            <label key={p.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} /> {p.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          {(Object.keys(REPORT_FORMAT_LABELS) as Format[]).map((f) => (
            <label key={f} className="checkbox">
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === f}
                onChange={() => setFormat(f)}
              />{" "}
              {REPORT_FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={publication} onChange={(e) => setPublication(e.target.checked)} />{" "}
          Til offentliggørelse (antal under 5 vises som «&lt;5», andele med færre end 5 i nævneren vises ikke)
        </label>
        <div className="toolbar">
          <button type="submit" disabled={running}>
            {running ? "Danner rapporten …" : "Dan rapport"}
          </button>
        </div>
      </form>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {job && (
        <section aria-labelledby={`${id}-job`} aria-live="polite">
          <h2 id={`${id}-job`}>Den dannede rapport</h2>
          {running && (
            <>
              <progress max={1} value={job.progress?.fraction ?? 0} aria-label="Fremdrift for rapporten" />
              <p>{job.progress?.step ?? "Starter …"}</p>
            </>
          )}
          {job.state === "failed" && (
            <p className="error" role="alert">
              {job.error}
            </p>
          )}
          {done?.result && (
            <>
              <p>
                {done.result.monthText}, {done.result.projectNames.length} projekter,{" "}
                {REPORT_FORMAT_LABELS[done.result.format]}
                {done.result.publication ? ", til offentliggørelse" : ""} –{" "}
                {formatNumber(done.result.sizeBytes / 1024)} kB.
                {done.result.extractionDate
                  ? ` Data fra udtræk af ${formatDate(done.result.extractionDate)}.`
                  : ""}
              </p>
              <div className="toolbar">
                <a className="button-link secondary" href={`/api/reports/jobs/${done.id}/file`} download>
                  Hent {done.result.fileName}
                </a>
                {done.result.approvedReportId === null ? (
                  <button type="button" onClick={() => void approve()}>
                    Godkend til udvalget
                  </button>
                ) : (
                  <span>Godkendt som rapport nr. {done.result.approvedReportId}</span>
                )}
              </div>
            </>
          )}
          {message && <p role="status">{message}</p>}
        </section>
      )}

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Godkendte rapporter</h2>
        {reports === null && <p>Indlæser …</p>}
        {reports?.length === 0 && <p className="muted">Ingen rapporter er godkendt endnu.</p>}
        {reports && reports.length > 0 && (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Rapport</th>
                  <th scope="col">Format</th>
                  <th scope="col">Udtræk</th>
                  <th scope="col">Godkendt</th>
                  <th scope="col">Fil</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <td>{r.id}</td>
                    <td>
                      {r.title}
                      {r.publication ? " (til offentliggørelse)" : ""}
                    </td>
                    <td>{REPORT_FORMAT_LABELS[r.format]}</td>
                    <td>{r.extractionDate ? formatDate(r.extractionDate) : "–"}</td>
                    <td>
                      {when(r.approvedAt)} af {r.approvedBy}
                    </td>
                    <td>
                      <a href={`/api/reports/${r.id}/file`} download={r.fileName}>
                        Åbn {r.fileName}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
