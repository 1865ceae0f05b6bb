import { useCallback, useEffect, useId, useState } from "react";
import { formatDate, formatNumber, monthLabel } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";

interface Revision {
  code: string;
  name: string;
  period: string;
  frozen: number | null;
  current: number | null;
  frozenAt: string;
  frozenBy: string;
}

const show = (v: number | null) => (v === null ? "–" : formatNumber(v, 1, true));

/**
 * Freezes the values reported to the committee for a month, and lists later revisions (frozen →
 * current) so a recomputation never changes a reported number silently.
 */
export function FreezePanel({ projectId, months }: { projectId: number; months: string[] }) {
  const selectId = useId();
  const [period, setPeriod] = useState(months[months.length - 1] ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [revisions, setRevisions] = useState<Revision[]>([]);

  const load = useCallback(() => {
    apiGet<{ revisions: Revision[] }>(`/projects/${projectId}/revisions`)
      .then((r) => setRevisions(r.revisions))
      .catch(() => setRevisions([]));
  }, [projectId]);
  useEffect(load, [load]);

  async function freeze() {
    try {
      const r = await apiSend<{ frozen: number; alreadyFrozen: number }>(
        "POST",
        `/projects/${projectId}/freeze`,
        {
          period,
        },
      );
      setMessage(
        `${r.frozen} værdier for ${monthLabel(period)} er indefrosset` +
          (r.alreadyFrozen ? ` (${r.alreadyFrozen} var allerede indefrosset)` : "."),
      );
      load();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>Rapporteret til udvalget</h2>
      <p className="muted small">
        Indefrys de beregnede værdier for en måned, når de er rapporteret. Ændrer en senere beregning en
        indefrosset værdi, vises det nedenfor som en revision (gammel → ny); den rapporterede værdi
        overskrives aldrig.
      </p>
      <div className="toolbar">
        <label htmlFor={selectId}>Måned, der indefryses</label>
        <select id={selectId} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={freeze} disabled={!period}>
          Indefrys måned
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {revisions.length > 0 && (
        <table>
          <caption>Revisioner af indefrosne værdier</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col">Måned</th>
              <th scope="col">Rapporteret</th>
              <th scope="col">Nu</th>
              <th scope="col">Indefrosset</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={`${r.code}-${r.period}`}>
                <td>{r.name}</td>
                <td>{monthLabel(r.period)}</td>
                <td className="num">{show(r.frozen)}</td>
                <td className="num">{show(r.current)}</td>
                <td>
                  {formatDate(r.frozenAt.slice(0, 10))} af {r.frozenBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
