import { useState } from "react";
import type { PickableValue } from "../../../src/api/contract/jobindsats.ts";
import { apiGet } from "../api.ts";

/**
 * "Tag fra jobindsats.dk": a small picker of the stored jobindsats values for the municipality; the
 * chosen one hands its baseline (value, the period's last day, source and a note naming measure,
 * area, period and fetch) to the form, which saves it as usual.
 */
export function JobindsatsPicker({ onPick }: { onPick: (baseline: PickableValue["baseline"]) => void }) {
  const [values, setValues] = useState<PickableValue[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState("");

  async function open() {
    setError("");
    try {
      const r = await apiGet<{ values: PickableValue[] }>("/jobindsats/values");
      setValues(r.values);
      setChosen(r.values[0] ? String(r.values[0].id) : "");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (values === null) {
    return (
      <div className="jobindsats-picker">
        <button type="button" className="secondary" onClick={open}>
          Tag startmåling fra jobindsats.dk
        </button>
        {error && <span className="error">{error}</span>}
      </div>
    );
  }
  const picked = values.find((v) => String(v.id) === chosen);
  return (
    <div className="jobindsats-picker">
      {values.length === 0 ? (
        <span className="muted">Der er ingen gemte tal fra jobindsats.dk (se siden Benchmark).</span>
      ) : (
        <>
          <div className="field">
            <label htmlFor="jobindsats-value">Værdi fra jobindsats.dk</label>
            <select id="jobindsats-value" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {values.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={!picked} onClick={() => picked && onPick(picked.baseline)}>
            Brug som startmåling
          </button>
        </>
      )}
    </div>
  );
}
