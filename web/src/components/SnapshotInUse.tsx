import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { formatDate } from "../../../src/domain/format.ts";
import { apiGet } from "../api.ts";
import {
  formatTimestamp,
  personsText,
  type SnapshotUseDto,
  snapshotLabel,
  VALUES_CHANGED_EVENT,
} from "./snapshot-use.ts";

/** Reads /api/snapshot-in-use, again whenever a computation finishes (or `refreshKey` changes). */
export function useSnapshotInUse(refreshKey?: unknown): SnapshotUseDto | null | undefined {
  const [state, setState] = useState<SnapshotUseDto | null | undefined>(undefined);
  const load = useCallback(() => {
    apiGet<SnapshotUseDto>("/snapshot-in-use")
      .then(setState)
      .catch(() => setState(null));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only triggers a re-read
  useEffect(() => {
    load();
  }, [load, refreshKey]);
  useEffect(() => {
    window.addEventListener(VALUES_CHANGED_EVENT, load);
    return () => window.removeEventListener(VALUES_CHANGED_EVENT, load);
  }, [load]);
  return state;
}

/** The sentence naming the snapshot the values come from: extraction date, persons, imported when. */
export function SnapshotInUseText({ use }: { use: SnapshotUseDto }) {
  const s = use.inUse;
  if (!s) {
    return (
      <>
        Der er ikke beregnet nogen værdier endnu. Importér et udtræk, og tryk «Beregn» på siden{" "}
        <Link to="/data">Data</Link>.
      </>
    );
  }
  const next = use.next;
  return (
    <>
      Værdierne kommer fra snapshot <strong>{s.id}</strong>: udtræksdato{" "}
      {s.extractionDate ? formatDate(s.extractionDate) : "ukendt"}, {personsText(s.persons)}, importeret{" "}
      {formatTimestamp(s.importedAt)}; beregnet {formatTimestamp(s.computedAt)}.
      {next && next.snapshot.id !== s.id && (
        <>
          {" "}
          «Beregn» vil bruge {snapshotLabel(next.snapshot)}
          {next.change.needsConfirmation ? " og spørger først" : ""} (<Link to="/data">Data</Link>).
        </>
      )}
    </>
  );
}

/** Every page's footer: which snapshot the values on the page come from. */
export function SnapshotFooter() {
  const use = useSnapshotInUse();
  return (
    <footer className="app-footer">
      <div className="inner small">
        {use === undefined ? (
          "Henter datagrundlaget …"
        ) : use === null ? (
          "Datagrundlaget kunne ikke hentes."
        ) : (
          <SnapshotInUseText use={use} />
        )}
      </div>
    </footer>
  );
}
