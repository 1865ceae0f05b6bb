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

/**
 * A status as colour plus symbol plus text (never colour alone). `ended`: the project's period is
 * over, so this is its final status ("Slutstatus").
 */
export function StatusBadge({ status, ended = false }: { status: Status; ended?: boolean }) {
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span>
      {ended && status !== "no_data" && status !== "no_goal" ? "Slutstatus: " : ""}
      {STATUS_LABELS[status]}
    </span>
  );
}
