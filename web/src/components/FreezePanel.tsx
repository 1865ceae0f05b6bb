import { useCallback, useEffect, useId, useState } from "react";
import { countText, formatDate, formatValue, monthLabel, type Unit } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";

/** GET /api/projects/:id/revisions: `old` is the frozen (reported) value, `new` the current one. */
export interface Revision {
  indicatorId: number;
  code: string;
  name: string;
  period: string;
  old: number | null;
  new: number | null;
  frozenAt: string;
  frozenBy: string;
}

interface Props {
  projectId: number;
  months: string[];
  /** the unit of each indicator (by id), so values read as in the grid ("12,3 fuldtidspersoner") */
  units: Record<number, Unit>;
  /** after a freeze: the grid reloads so the frozen cells are marked */
  onFrozen?: () => void;
  /** some month of the project is frozen (else "no revisions" would say nothing) */
  hasFrozen?: boolean;
  /** the month chosen at first: the latest month a status is judged on; default the last month */
  initialMonth?: string;
}

/**
 * Freezes the values reported to the committee for a month, and lists later revisions (reported →
 * current) so a recomputation never changes a reported number silently.
 */
export function FreezePanel({ projectId, months, units, onFrozen, hasFrozen = false, initialMonth }: Props) {
  const selectId = useId();
  const [period, setPeriod] = useState(initialMonth ?? months[months.length - 1] ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [loadError, setLoadError] = useState("");

  const load = useCallback(() => {
    apiGet<{ revisions: Revision[] }>(`/projects/${projectId}/revisions`)
      .then((r) => {
        setRevisions(r.revisions);
        setLoadError("");
      })
      .catch((e) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [projectId]);
  useEffect(load, [load]);

  async function freeze() {
    try {
      const r = await apiSend<{ frozen: number; alreadyFrozen: number }>(
        "POST",
        `/projects/${projectId}/freeze`,
        { period },
      );
      const now =
        r.frozen === 0
          ? `Ingen nye værdier for ${monthLabel(period)} at indefryse`
          : `${countText(r.frozen, "værdi", "værdier")} for ${monthLabel(period)} er indefrosset`;
      setMessage(
        r.alreadyFrozen
          ? `${now} (${countText(r.alreadyFrozen, "var", "var")} allerede indefrosset).`
          : `${now}.`,
      );
      load();
      onFrozen?.();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  }

  const show = (r: Revision, v: number | null) => {
    const unit = units[r.indicatorId];
    return unit ? formatValue(v, unit) : formatValue(v, "antal");
  };

  return (
    <section aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>Rapporteret til udvalget</h2>
      <p className="muted small">
        Indefrys værdierne for en måned, når de er rapporteret. Indefrosne celler er markeret med ❄ i
        statusskemaet. Ændrer en senere beregning en indefrosset værdi, vises det nedenfor som en revision
        (rapporteret → nu); den rapporterede værdi overskrives aldrig.
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
      {loadError && (
        <p className="error" role="alert">
          Revisionerne kunne ikke hentes: {loadError}
        </p>
      )}
      {revisions && revisions.length === 0 && hasFrozen && (
        <p className="muted small">Ingen revisioner: alle indefrosne værdier er uændrede.</p>
      )}
      {revisions && revisions.length > 0 && (
        <table className="revisions">
          <caption>Revisioner af indefrosne værdier</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col">Måned</th>
              <th scope="col" className="num">
                Rapporteret
              </th>
              <th scope="col" className="num">
                Nu
              </th>
              <th scope="col">Indefrosset</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={`${r.indicatorId}-${r.period}`}>
                <th scope="row">{r.name}</th>
                <td>{monthLabel(r.period)}</td>
                <td className="num">{show(r, r.old)}</td>
                <td className="num">{show(r, r.new)}</td>
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
