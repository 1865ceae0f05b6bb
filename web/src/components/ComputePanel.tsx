import { useCallback, useEffect, useRef, useState } from "react";
import type { ComputationDto } from "../../../src/api/contract/engine.ts";
import { formatDate, formatNumber } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";

export type { ComputationDto };

interface Latest {
  computation: ComputationDto | null;
  lastSuccessful: ComputationDto | null;
}

const when = (iso: string) => `${formatDate(iso.slice(0, 10))} kl. ${iso.slice(11, 16)}`;
const seconds = (ms: number | null) => (ms === null ? "" : `${formatNumber(ms / 1000, 1)} s`);

/**
 * "Beregn": starts the monthly computation of every computed indicator, shows its progress while it
 * runs (polling /computations/latest), and the last computation's status; a failed computation
 * says why and that the last good values are kept.
 */
export function ComputePanel({ onFinished }: { onFinished?: (c: ComputationDto) => void }) {
  const [latest, setLatest] = useState<Latest | null>(null);
  const [error, setError] = useState("");
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasRunning = useRef(false);

  const poll = useCallback(async () => {
    try {
      const l = await apiGet<Latest>("/computations/latest");
      setLatest(l);
      const running = l.computation?.status === "running";
      if (wasRunning.current && !running && l.computation) onFinished?.(l.computation);
      wasRunning.current = running;
      if (running) timer.current = setTimeout(poll, 800);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [onFinished]);

  useEffect(() => {
    poll();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [poll]);

  const start = async () => {
    setError("");
    setStarting(true);
    try {
      await apiSend("POST", "/compute");
      wasRunning.current = true;
      await poll();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };

  const c = latest?.computation ?? null;
  const running = c?.status === "running";
  return (
    <section className="card compute-panel" aria-labelledby="compute-title">
      <h2 id="compute-title">Beregning af indikatorer</h2>
      <p className="muted small">
        Beregner alle projekters beregnede indikatorer for hver måned fra januar 2024 til det seneste
        snapshots udtræksmåned.
      </p>
      <div className="toolbar">
        <button type="button" onClick={start} disabled={starting || running}>
          {running ? "Beregner …" : "Beregn"}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {running && c && (
          <div>
            <label htmlFor="compute-progress">
              {c.progressStep ?? "Beregner"}
              {c.progressTotal > 0 ? ` (${c.progressDone} af ${c.progressTotal} indikatorer)` : ""}
            </label>
            <progress
              id="compute-progress"
              max={Math.max(c.progressTotal, 1)}
              value={c.progressTotal > 0 ? c.progressDone : undefined}
            />
          </div>
        )}
        {c && c.status === "ok" && (
          <p>
            Seneste beregning {when(c.finishedAt ?? c.startedAt)}: {formatNumber(c.indicatorCount)}{" "}
            indikatorer, {formatNumber(c.valueCount)} værdier ({c.fromPeriod} – {c.toPeriod}) på snapshot{" "}
            {c.snapshotId ?? "–"}, {seconds(c.durationMs)}.
          </p>
        )}
        {c && c.status === "failed" && (
          <div className="error" role="alert">
            <p>
              Beregningen {when(c.startedAt)} fejlede: {c.error}
            </p>
            {latest?.lastSuccessful && (
              <p>
                De viste værdier er fra beregningen{" "}
                {when(latest.lastSuccessful.finishedAt ?? latest.lastSuccessful.startedAt)}.
              </p>
            )}
          </div>
        )}
        {c && c.warnings.length > 0 && (
          <details>
            <summary>{c.warnings.length} indikatorer blev sprunget over (ugyldig definition)</summary>
            <ul>
              {c.warnings.map((w) => (
                <li key={`${w.indicator}-${w.message}`}>
                  <code>{w.indicator}</code>: {w.message}
                </li>
              ))}
            </ul>
          </details>
        )}
        {!c && latest && <p className="muted">Der er ikke beregnet endnu.</p>}
      </div>
    </section>
  );
}
