import { useEffect, useRef, useState } from "react";
import { formatDate, formatNumber, monthLabelLong } from "../../../src/domain/format.ts";
import { ApiRequestError, apiGet } from "../api.ts";
import type { Provenance } from "../types.ts";

interface Props {
  indicatorId: number;
  indicatorName: string;
  period: string;
  onClose: () => void;
}

/** "Hvordan er tallet beregnet?": the computed value's definition, query, snapshot and time. */
export function ProvenanceDialog({ indicatorId, indicatorName, period, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<
    | { kind: "loading" }
    | { kind: "none" }
    | { kind: "error"; message: string }
    | { kind: "ok"; p: Provenance }
  >({ kind: "loading" });

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
          <dd>{state.p.description}</dd>
          <dt>Tæller / nævner</dt>
          <dd>
            {state.p.numerator === null ? "–" : formatNumber(state.p.numerator, 2, true)} /{" "}
            {state.p.denominator === null ? "–" : formatNumber(state.p.denominator, 2, true)}
          </dd>
          <dt>Datagrundlag (snapshot)</dt>
          <dd>{state.p.snapshotId ?? "–"}</dd>
          <dt>Beregnet</dt>
          <dd>
            {formatDate(state.p.computedAt.slice(0, 10))} kl. {state.p.computedAt.slice(11, 16)}
          </dd>
          {state.p.frozen ? (
            <>
              <dt>Indberettet (låst)</dt>
              <dd>{JSON.stringify(state.p.frozen)}</dd>
            </>
          ) : null}
          {state.p.revision ? (
            <>
              <dt>Revision</dt>
              <dd>{JSON.stringify(state.p.revision)}</dd>
            </>
          ) : null}
          <dt>Forespørgsel (SQL)</dt>
          <dd>
            <pre>{state.p.sql}</pre>
          </dd>
        </dl>
      )}
      <button type="button" onClick={() => ref.current?.close()}>
        Luk
      </button>
    </dialog>
  );
}
