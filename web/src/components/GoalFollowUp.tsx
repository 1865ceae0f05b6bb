import { useEffect, useId, useState } from "react";
import type { ReportProject } from "../../../src/api/contract/reports.ts";
import { apiGet } from "../api.ts";
import { StatusBadge } from "./StatusBadge.tsx";

interface FollowUp {
  month: string;
  monthText: string;
  extractionText: string;
  project: ReportProject;
}

/**
 * "Opfølgning på mål" as in the committee report (seed 000): each goal beside its current status in
 * words and numbers, with the footnotes on the periods compared and the source. The same model as
 * the report (GET /api/projects/:id/goal-follow-up), so the page and the report say the same.
 */
export function GoalFollowUp({ projectId, reloadKey }: { projectId: number; reloadKey?: unknown }) {
  const id = useId();
  const [data, setData] = useState<FollowUp | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    void reloadKey;
    const ctrl = new AbortController();
    apiGet<FollowUp>(`/projects/${projectId}/goal-follow-up`, { signal: ctrl.signal })
      .then((d) => {
        setData(d);
        setError("");
      })
      .catch((e) => {
        if (!ctrl.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => ctrl.abort();
  }, [projectId, reloadKey]);

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Opfølgning på mål</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p>Indlæser opfølgningen …</p>}
      {data && (
        <>
          <p className="muted small">
            Status primo {data.monthText.toLowerCase()}. {data.extractionText}.
          </p>
          <div className="table-scroll">
            <table className="goal-follow-up">
              <thead>
                <tr>
                  <th scope="col">Mål</th>
                  <th scope="col">Aktuel status</th>
                  <th scope="col">Status</th>
                  <th scope="col">Slutmål forventes</th>
                </tr>
              </thead>
              <tbody>
                {data.project.goals.map((g) => (
                  <tr key={g.indicatorId}>
                    <th scope="row">
                      <strong>{g.indicator}</strong>
                      <br />
                      <span>{g.goal}</span>
                    </th>
                    <td>
                      {g.sentence}
                      {g.footnotes.length > 0 && (
                        <sup>
                          {" "}
                          <span className="visually-hidden">note </span>
                          {g.footnotes.join(",")}
                        </sup>
                      )}
                    </td>
                    <td>
                      <StatusBadge status={g.status} />
                    </td>
                    <td>{g.forecast ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.project.footnotes.length > 0 && (
            <ol className="footnotes small muted">
              {data.project.footnotes.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
