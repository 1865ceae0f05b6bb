import type { Status } from "../../../src/domain/status.ts";
import { STATUS_LABELS } from "../../../src/domain/status.ts";

export const STATUS_SYMBOLS: Record<Status, string> = {
  achieved: "✓",
  on_track: "→",
  behind: "!",
  no_baseline: "?",
  no_goal: "○",
  no_data: "–",
};

/** A status as colour plus symbol plus text (never colour alone). */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
