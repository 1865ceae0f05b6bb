import { type FormEvent, useCallback, useState } from "react";
import type { PersonalDataDto } from "../../../src/api/contract/access.ts";
import { formatDate, formatNumber } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import { ActionMessageLine, useLoadAndAct } from "../components/admin-actions.tsx";

/** Databeskyttelse: the personal data held, retention after a number of months, deletion on request. */
export default function DataProtectionPage() {
  const [data, setData] = useState<PersonalDataDto | null>(null);
  const [months, setMonths] = useState("");
  const load = useCallback(async () => {
    const d = await apiGet<PersonalDataDto>("/data-protection");
    setData(d);
    setMonths(d.retention.keepMonths === null ? "" : String(d.retention.keepMonths));
  }, []);
  const { message, act } = useLoadAndAct(load);
  function saveRetention(e: FormEvent) {
    e.preventDefault();
    const keepMonths = months.trim() === "" ? null : Number(months);
    act(() => apiSend("PUT", "/data-protection/retention", { keepMonths }), "Sletning efter tid er gemt");
  }

  return (
    <div className="page">
      <h1>Databeskyttelse</h1>
      <ActionMessageLine message={message} />
      {data && (
        <>
          <section className="card" aria-labelledby="held-heading">
            <h2 id="held-heading">Persondata i installationen</h2>
            <p>
              {formatNumber(data.snapshotsWithPersonData)} snapshots med persondata, op til{" "}
              {formatNumber(data.largestPersonCount)} personer; ældste dato:{" "}
              {data.oldestDate ? formatDate(data.oldestDate) : "ingen"}.
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Snapshot</th>
                  <th scope="col">Udtræksdato</th>
                  <th scope="col">Personer</th>
                  <th scope="col">Ældste dato</th>
                  <th scope="col">Persondata</th>
                </tr>
              </thead>
              <tbody>
                {data.snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>{s.id}</td>
                    <td>{formatDate(s.extractionDate)}</td>
                    <td>{formatNumber(s.personCount)}</td>
                    <td>{s.oldestDate ? formatDate(s.oldestDate) : "–"}</td>
                    <td>
                      {s.status === "pruned" ? (
                        "Slettet"
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => {
                            if (window.confirm(`Slet persondata i snapshot ${s.id}? Det kan ikke fortrydes.`))
                              act(
                                () => apiSend("DELETE", `/data-protection/snapshots/${s.id}`),
                                `Persondata i ${s.id} er slettet`,
                              );
                          }}
                        >
                          Slet persondata
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <form className="card" onSubmit={saveRetention} aria-labelledby="retention-heading">
            <h2 id="retention-heading">Sletning efter tid</h2>
            <div className="field">
              <label htmlFor="retention-months">Behold snapshots i så mange måneder (tomt: slået fra)</label>
              <input
                id="retention-months"
                inputMode="numeric"
                value={months}
                onChange={(e) => setMonths(e.target.value)}
              />
            </div>
            <p className="hint">
              Kører dagligt; det nyeste snapshot beholdes altid. Sidst kørt:{" "}
              {data.retention.lastRun ? new Date(data.retention.lastRun).toLocaleString("da-DK") : "aldrig"}.
            </p>
            <button type="submit">Gem</button>
          </form>
        </>
      )}
    </div>
  );
}
