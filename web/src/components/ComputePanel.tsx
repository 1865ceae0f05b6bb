import { useCallback, useEffect, useRef, useState } from "react";
import type { ComputationDto } from "../../../src/api/contract/engine.ts";
import { countText, formatDate, formatNumber } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import {
  type ComputationPlanDto,
  formatTimestamp,
  personsText,
  snapshotLabel,
  VALUES_CHANGED_EVENT,
} from "./snapshot-use.ts";

export type { ComputationDto };

interface Latest {
  computation: ComputationDto | null;
  lastSuccessful: ComputationDto | null;
}

const seconds = (ms: number | null) => (ms === null ? "" : `${formatNumber(ms / 1000, 1)} s`);

/**
 * "Beregn": starts the computation of every computed indicator over each project's period, on the
 * snapshot with the newest extraction date unless one is chosen. A step back from the snapshot the
 * values come from (an earlier extraction date, or more than 20 % fewer persons) is asked first,
 * naming both snapshots and the drop. Shows the progress while it runs (polling
 * /computations/latest) and the last computation's status; a failed one says why and that the last
 * good values are kept.
 *
 * `candidate`: a snapshot just imported; when computing on it would be such a step back, the
 * question is shown at once.
 */
export function ComputePanel({
  onFinished,
  candidate,
}: {
  onFinished?: (c: ComputationDto) => void;
  candidate?: string | null;
}) {
  const [latest, setLatest] = useState<Latest | null>(null);
  const [error, setError] = useState("");
  const [starting, setStarting] = useState(false);
  const [choice, setChoice] = useState("");
  const [plan, setPlan] = useState<ComputationPlanDto | null>(null);
  const [asking, setAsking] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasRunning = useRef(false);
  const questionRef = useRef<HTMLDivElement>(null);
  const planRequest = useRef(0);

  const loadPlan = useCallback(async (snapshot: string): Promise<ComputationPlanDto | null> => {
    const mine = ++planRequest.current;
    try {
      const p = await apiGet<ComputationPlanDto>(
        `/compute/plan${snapshot ? `?snapshot=${encodeURIComponent(snapshot)}` : ""}`,
      );
      if (mine !== planRequest.current) return null; // a newer choice was made meanwhile
      setPlan(p);
      return p;
    } catch (e) {
      if (mine === planRequest.current) {
        setPlan(null);
        // no snapshot yet is said by the status below, not as an error
        if (!(e instanceof Error && /ingen snapshots/i.test(e.message))) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }
      return null;
    }
  }, []);

  const poll = useCallback(async () => {
    try {
      const l = await apiGet<Latest>("/computations/latest");
      setLatest(l);
      const running = l.computation?.status === "running";
      if (wasRunning.current && !running && l.computation) {
        onFinished?.(l.computation);
        window.dispatchEvent(new Event(VALUES_CHANGED_EVENT));
        setChoice("");
        await loadPlan("");
      }
      wasRunning.current = running;
      if (running) timer.current = setTimeout(poll, 800);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [onFinished, loadPlan]);

  useEffect(() => {
    poll();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [poll]);

  // a newly imported snapshot: choose it, and ask at once when it would be a step back
  useEffect(() => {
    if (!candidate) return;
    setChoice(candidate);
    loadPlan(candidate).then((p) => {
      if (p?.change.needsConfirmation) setAsking(true);
    });
  }, [candidate, loadPlan]);

  useEffect(() => {
    if (!candidate) loadPlan("");
  }, [candidate, loadPlan]);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const choose = (id: string) => {
    setChoice(id);
    setAsking(false);
    setError("");
    loadPlan(id);
  };

  const run = async (snapshotId: string, confirm: boolean) => {
    setError("");
    setStarting(true);
    try {
      await apiSend("POST", "/compute", { snapshotId, ...(confirm ? { confirm: true } : {}) });
      setAsking(false);
      wasRunning.current = true;
      await poll();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };

  const start = async () => {
    setError("");
    const p = await loadPlan(choice);
    if (!p) return;
    if (p.change.needsConfirmation) {
      setAsking(true);
      return;
    }
    await run(p.snapshot.id, false);
  };

  const keep = () => {
    setAsking(false);
    choose("");
  };

  const c = latest?.computation ?? null;
  const running = c?.status === "running";
  const available = plan?.available ?? [];
  const newest = available[0];
  return (
    <section className="card compute-panel" aria-labelledby="compute-title">
      <h2 id="compute-title">Beregning af indikatorer</h2>
      <p className="muted small">
        Beregner hvert projekts beregnede indikatorer for hver måned i projektets periode (til og med
        snapshottets udtræksmåned). Uden andet valg bruges snapshottet med den nyeste udtræksdato.
      </p>
      {available.length > 0 && (
        <div className="field">
          <label htmlFor="compute-snapshot">Snapshot til beregningen</label>
          <select
            id="compute-snapshot"
            value={choice}
            onChange={(e) => choose(e.target.value)}
            disabled={running}
          >
            <option value="">
              Nyeste udtræksdato{newest ? ` (${newest.id}, ${formatDate(newest.extractionDate)})` : ""}
            </option>
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} – udtræk {formatDate(s.extractionDate)}, {personsText(s.persons)}, importeret{" "}
                {formatTimestamp(s.importedAt)}
              </option>
            ))}
          </select>
        </div>
      )}
      {plan && !asking && (
        <p className="small">
          Beregn bruger {snapshotLabel(plan.snapshot)}
          {plan.inUse && plan.inUse.id === plan.snapshot.id ? ", som værdierne kommer fra nu" : ""}.
        </p>
      )}
      {asking && plan && (
        <div
          ref={questionRef}
          className="help snapshot-question"
          role="alertdialog"
          aria-labelledby="compute-question-title"
          aria-describedby="compute-question-text"
          tabIndex={-1}
        >
          <h3 id="compute-question-title">Vil du erstatte værdierne med tal fra {plan.snapshot.id}?</h3>
          <div id="compute-question-text">
            {plan.change.reasons.map((r) => (
              <p key={r}>{r}</p>
            ))}
            <p>
              Beregner du på det, erstattes alle projekters beregnede værdier. Værdierne er ikke ændret endnu.
            </p>
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => run(plan.snapshot.id, true)} disabled={starting || running}>
              Beregn på {plan.snapshot.id} alligevel
            </button>
            <button type="button" className="secondary" onClick={keep}>
              Behold værdierne{plan.inUse ? ` fra ${plan.inUse.id}` : ""}
            </button>
          </div>
        </div>
      )}
      <div className="toolbar">
        <button type="button" onClick={start} disabled={starting || running || asking}>
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
              {c.progressTotal > 0
                ? ` (${formatNumber(c.progressDone)} af ${countText(c.progressTotal, "indikator", "indikatorer")})`
                : ""}
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
            Seneste beregning {formatTimestamp(c.finishedAt ?? c.startedAt)}:{" "}
            {countText(c.indicatorCount, "indikator", "indikatorer")},{" "}
            {countText(c.valueCount, "værdi", "værdier")} ({c.fromPeriod} – {c.toPeriod}) på snapshot{" "}
            {c.snapshotId ?? plan?.inUse?.id ?? "–"}, {seconds(c.durationMs)}.
          </p>
        )}
        {c && c.status === "failed" && (
          <div className="error" role="alert">
            <p>
              Beregningen {formatTimestamp(c.startedAt)} fejlede: {c.error}
            </p>
            {latest?.lastSuccessful && (
              <p>
                De viste værdier er fra beregningen{" "}
                {formatTimestamp(latest.lastSuccessful.finishedAt ?? latest.lastSuccessful.startedAt)}.
              </p>
            )}
          </div>
        )}
        {c && c.warnings.length > 0 && (
          <details>
            <summary>
              {countText(c.warnings.length, "bemærkning", "bemærkninger")} (ugyldige definitioner eller
              måneder uden for snapshottet)
            </summary>
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
