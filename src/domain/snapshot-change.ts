/**
 * Whether computing on another snapshot than the one in use would change the values in a way the
 * analyst must confirm (issue 9, item 1): an earlier extraction date than the snapshot in use, or
 * a person count more than 20 % below it (a small test extract, a partial extract). Pure: no I/O.
 */
import { formatDate, formatNumber } from "./format.ts";

/** More than this share fewer persons than the snapshot in use must be confirmed. */
export const PERSON_DROP_LIMIT = 0.2;

export interface SnapshotFacts {
  id: string;
  /** YYYY-MM-DD */
  extractionDate: string;
  persons: number;
  /** ISO timestamp of the import, when known */
  importedAt?: string | null;
}

export interface SnapshotChange {
  /** true when the candidate must be confirmed before values are replaced */
  needsConfirmation: boolean;
  olderExtraction: boolean;
  /** share of persons lost, 0.99 = 99 % fewer; 0 when the candidate has as many or more */
  personDrop: number;
  /** Danish sentences naming both snapshots and the drop; empty when nothing needs confirming */
  reasons: string[];
}

/** "snapshot X (udtræksdato 10-10-2025, 30.000 personer)" */
export function describeSnapshot(s: SnapshotFacts): string {
  return `snapshot ${s.id} (udtræksdato ${formatDate(s.extractionDate)}, ${formatNumber(s.persons)} ${
    s.persons === 1 ? "person" : "personer"
  })`;
}

/** A share 0–1 as Danish whole percent ("42 %"); one decimal near 0 and 100, so 99,5 % is not "100 %". */
function percentText(share: number): string {
  const pct = share * 100;
  const shown =
    pct < 1 || (pct >= 99.5 && pct < 100) ? formatNumber(pct, 1, true) : formatNumber(Math.round(pct));
  return `${shown} %`;
}

/**
 * Compare a candidate with the snapshot the current values come from. With no snapshot in use (no
 * computation yet) or the same snapshot, nothing needs confirming.
 */
export function compareSnapshots(inUse: SnapshotFacts | null, candidate: SnapshotFacts): SnapshotChange {
  if (!inUse || inUse.id === candidate.id) {
    return { needsConfirmation: false, olderExtraction: false, personDrop: 0, reasons: [] };
  }
  const olderExtraction = candidate.extractionDate < inUse.extractionDate;
  const personDrop =
    inUse.persons > 0 && candidate.persons < inUse.persons
      ? (inUse.persons - candidate.persons) / inUse.persons
      : 0;
  const reasons: string[] = [];
  if (olderExtraction) {
    reasons.push(
      `${capitalize(describeSnapshot(candidate))} har en tidligere udtræksdato end ${describeSnapshot(inUse)}, som værdierne kommer fra nu.`,
    );
  }
  if (personDrop > PERSON_DROP_LIMIT) {
    reasons.push(
      `${capitalize(describeSnapshot(candidate))} har ${formatNumber(inUse.persons - candidate.persons)} færre personer (${percentText(personDrop)} færre) end ${describeSnapshot(inUse)}, som værdierne kommer fra nu.`,
    );
  }
  return { needsConfirmation: reasons.length > 0, olderExtraction, personDrop, reasons };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The snapshot "Beregn" uses when none is chosen: the newest extraction date; among equal dates
 * the latest imported, then the id (deterministic).
 */
export function newestByExtraction<T extends SnapshotFacts>(snapshots: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of snapshots) {
    if (
      !best ||
      s.extractionDate > best.extractionDate ||
      (s.extractionDate === best.extractionDate &&
        ((s.importedAt ?? "") > (best.importedAt ?? "") ||
          ((s.importedAt ?? "") === (best.importedAt ?? "") && s.id > best.id)))
    ) {
      best = s;
    }
  }
  return best;
}
