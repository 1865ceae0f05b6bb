import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { AuditEntryDto } from "../../../src/api/contract/access.ts";
import { ApiRequestError, apiGet } from "../api.ts";

/** The audit log for the administrator: search, filter by user, action and dates, export as CSV. */
export default function AuditPage() {
  const [filter, setFilter] = useState({ q: "", actor: "", action: "", from: "", to: "" });
  const [shown, setShown] = useState("");
  const [result, setResult] = useState<{ entries: AuditEntryDto[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (query: string) => {
    try {
      setResult(await apiGet(`/audit?${query}`));
      setShown(query);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    load("");
  }, [load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
    load(q.toString());
  }
  const field = (key: keyof typeof filter, label: string, type = "text") => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        type={type}
        value={filter[key]}
        onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <div className="page">
      <h1>Revisionslog</h1>
      <form className="card" onSubmit={submit} aria-label="Søg i revisionsloggen">
        <div className="form-grid">
          {field("q", "Søg")}
          {field("actor", "Bruger")}
          {field("action", "Handling (fx sign-in, read-persons, edit-project)")}
          {field("from", "Fra dato", "date")}
          {field("to", "Til dato", "date")}
        </div>
        <button type="submit">Søg</button>{" "}
        <a className="button-link secondary" href={`/api/audit.csv?${shown}`} download>
          Eksportér som CSV
        </a>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <section className="card" aria-labelledby="audit-heading">
          <h2 id="audit-heading">
            {result.entries.length} af {result.total} hændelser
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Bruger</th>
                <th scope="col">Handling</th>
                <th scope="col">Emne</th>
                <th scope="col">Detaljer</th>
              </tr>
            </thead>
            <tbody>
              {result.entries.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString("da-DK")}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>{e.subject}</td>
                  <td>
                    <code className="audit-details">{JSON.stringify(e.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
