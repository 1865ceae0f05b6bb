import { useEffect, useRef, useState } from "react";
import { formatDate, formatNumber, monthLabelLong } from "../../../src/domain/format.ts";
import { ApiRequestError, apiGet } from "../api.ts";
import type { Provenance } from "../types.ts";
import { PersonList } from "./PersonList.tsx";

interface Props {
  indicatorId: number;
  indicatorName: string;
  period: string;
  onClose: () => void;
}

const num = (v: number | null | undefined) =>
  v === null || v === undefined ? "–" : formatNumber(v, 2, true);

/** "Hvordan er tallet beregnet?": the computed value's definition, query, snapshot and time. */
export function ProvenanceDialog({ indicatorId, indicatorName, period, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<
    | { kind: "loading" }
    | { kind: "none" }
    | { kind: "error"; message: string }
    | { kind: "ok"; p: Provenance }
  >({ kind: "loading" });
  const [showPersons, setShowPersons] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
    apiGet<Provenance>(`/indicators/${indicatorId}/values/${period}/provenance`)
      .then((p) => setState({ kind: "ok", p }))
      .catch((err) => {
        if (err instanceof ApiRequestError && err.status === 404) setState({ kind: "none" });
        else setState({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      });
  }, [indicatorId, period]);

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="provenance-title">
      <h2 id="provenance-title">
        {indicatorName}, {monthLabelLong(period)}
      </h2>
      {state.kind === "loading" && <p>Henter beregningen …</p>}
      {state.kind === "none" && <p>Ingen beregning endnu</p>}
      {state.kind === "error" && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "ok" && (
        <dl>
          <dt>Hvad måles</dt>
          <dd>{state.p.description ?? "Ingen beskrivelse"}</dd>
          {state.p.value !== undefined && (
            <>
              <dt>Værdi</dt>
              <dd>{num(state.p.value)}</dd>
            </>
          )}
          <dt>Tæller / nævner</dt>
          <dd>
            {num(state.p.numerator)} / {num(state.p.denominator)}
          </dd>
          <dt>Datagrundlag (snapshot)</dt>
          <dd>
            {state.p.snapshotId ?? "–"}
            {state.p.extractionDate ? ` (udtræk ${formatDate(state.p.extractionDate.slice(0, 10))})` : ""}
          </dd>
          <dt>Beregnet</dt>
          <dd>
            {formatDate(String(state.p.computedAt).slice(0, 10))} kl.{" "}
            {String(state.p.computedAt).slice(11, 16)} (UTC)
          </dd>
          {state.p.definitionVersion !== undefined &&
            state.p.currentDefinitionVersion !== undefined &&
            state.p.definitionVersion !== state.p.currentDefinitionVersion && (
              <>
                <dt>Definition</dt>
                <dd>
                  Beregnet med version {state.p.definitionVersion}; definitionen er siden ændret (version{" "}
                  {state.p.currentDefinitionVersion})
                </dd>
              </>
            )}
          {state.p.frozen ? (
            <>
              <dt>Indberettet til udvalget (låst)</dt>
              <dd>
                {num(state.p.frozen.value)}, låst {formatDate(String(state.p.frozen.frozenAt).slice(0, 10))}{" "}
                af {state.p.frozen.frozenBy}
              </dd>
            </>
          ) : null}
          {state.p.revision ? (
            <>
              <dt>Revision</dt>
              <dd>
                Indberettet {num(state.p.revision.old)}, nu {num(state.p.revision.new)}
              </dd>
            </>
          ) : null}
          <dt>Forespørgsel (SQL)</dt>
          <dd>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the long query scrolls and must be reachable by keyboard */}
            <pre tabIndex={0}>{state.p.sql}</pre>
          </dd>
        </dl>
      )}
      {state.kind === "ok" && state.p.personListAvailable && (
        <div className="field">
          {showPersons ? (
            <PersonList indicatorId={indicatorId} period={period} />
          ) : (
            <button type="button" className="secondary" onClick={() => setShowPersons(true)}>
              Vis borgerne bag tallet (borgeroverblik)
            </button>
          )}
        </div>
      )}
      <button type="button" onClick={() => ref.current?.close()}>
        Luk
      </button>
    </dialog>
  );
}
