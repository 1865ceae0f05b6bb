import { countText, formatDate } from "../../../src/domain/format.ts";

/** Shapes of /api/snapshot-in-use and /api/compute/plan (src/services/snapshot-choice.ts). */
export interface SnapshotChoiceDto {
  id: string;
  extractionDate: string;
  persons: number;
  importedAt: string | null;
  source: string;
  dataFrom: string | null;
  inCatalogue: boolean;
}

export interface SnapshotInUseDto extends SnapshotChoiceDto {
  computationId: number;
  computedAt: string | null;
}

export interface SnapshotChangeDto {
  needsConfirmation: boolean;
  olderExtraction: boolean;
  personDrop: number;
  reasons: string[];
}

export interface ComputationPlanDto {
  snapshot: SnapshotChoiceDto;
  explicit: boolean;
  inUse: SnapshotInUseDto | null;
  change: SnapshotChangeDto;
  available: SnapshotChoiceDto[];
}

export interface SnapshotUseDto {
  inUse: SnapshotInUseDto | null;
  next: { snapshot: SnapshotChoiceDto; change: SnapshotChangeDto } | null;
}

/** Fired on window when a computation has finished, so the footer and pages re-read what is in use. */
export const VALUES_CHANGED_EVENT = "effektspor:values-changed";

/** "02-12-2026 kl. 14:05" in the browser's time zone */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} kl. ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const personsText = (n: number) => countText(n, "person", "personer");

/** "snapshot X (udtræksdato 15-11-2026, 30.000 personer)" */
export function snapshotLabel(s: SnapshotChoiceDto): string {
  return `snapshot ${s.id} (udtræksdato ${formatDate(s.extractionDate)}, ${personsText(s.persons)})`;
}
