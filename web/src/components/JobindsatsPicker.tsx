import { type ReactNode, useId, useState } from "react";
import type { PickableValue } from "../../../src/api/contract/jobindsats.ts";
import { apiGet } from "../api.ts";

interface Props {
  /** called with the chosen value; a rejected promise is shown beside the button */
  onPick: (value: PickableValue) => void | Promise<void>;
  /** the button that opens the picker */
  openLabel?: string;
  /** the button that uses the chosen value */
  pickLabel?: string;
  /** more fields for the chosen value (e.g. the month a manual value goes into) */
  extra?: (picked: PickableValue) => ReactNode;
  onCancel?: () => void;
}

/**
 * "Tag fra jobindsats.dk": a small picker of the stored jobindsats values for the municipality.
 * The indicator form takes a chosen value's baseline (value, the period's last day, source and a
 * note naming measure, area, period and fetch); a manual indicator takes it as a monthly value.
 */
/** The values grouped by table and measure (the service sorts them so, newest period first). */
function seriesOf(values: PickableValue[]): [string, PickableValue[]][] {
  const groups = new Map<string, PickableValue[]>();
  for (const v of values) {
    const key = `${v.tableId.toUpperCase()} ${v.tableName}: ${v.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups];
}

export function JobindsatsPicker({
  onPick,
  openLabel = "Tag startmåling fra jobindsats.dk",
  pickLabel = "Brug som startmåling",
  extra,
  onCancel,
}: Props) {
  const id = useId();
  const [values, setValues] = useState<PickableValue[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function open() {
    setError("");
    try {
      const r = await apiGet<{ values: PickableValue[] }>("/jobindsats/values");
      setValues(r.values);
      // nothing chosen beforehand: the first of some 500 values is seldom the one meant
      setChosen("");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function use(value: PickableValue) {
    setBusy(true);
    setError("");
    try {
      await onPick(value);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (values === null) {
    return (
      <div className="jobindsats-picker">
        <button type="button" className="secondary" onClick={open}>
          {openLabel}
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
            <label htmlFor={`${id}-value`}>Værdi fra jobindsats.dk</label>
            <select id={`${id}-value`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Vælg tabel, måling og periode …</option>
              {seriesOf(values).map(([series, inSeries]) => (
                <optgroup key={series} label={series}>
                  {inSeries.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {picked && extra?.(picked)}
          <button type="button" disabled={!picked || busy} onClick={() => picked && use(picked)}>
            {busy ? "Gemmer …" : pickLabel}
          </button>
        </>
      )}
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Annullér
        </button>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
