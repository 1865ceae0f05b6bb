import { useId, useState } from "react";
import type { PickableValue } from "../../../src/api/contract/jobindsats.ts";
import { formatValue, monthLabelLong } from "../../../src/domain/format.ts";
import { unitMismatch } from "../../../src/domain/jobindsats.ts";
import { apiSend } from "../api.ts";
import type { SchemeRow } from "../types.ts";
import { JobindsatsPicker } from "./JobindsatsPicker.tsx";

/**
 * "Hent fra jobindsats.dk" for a manual indicator: a stored jobindsats value becomes the value of
 * one month, by default the month after the value's period (Effektspor measures primo måneden:
 * June's numbers are the value primo July). The server writes source and period into the value's
 * note; the grid shows it.
 */
export function JobindsatsManualValue({
  row,
  onSaved,
}: {
  row: SchemeRow;
  onSaved: (row: SchemeRow) => void;
}) {
  const id = useId();
  const [month, setMonth] = useState<{ valueId: number; month: string } | null>(null);
  const [saved, setSaved] = useState("");
  const ind = row.indicator;
  const monthOf = (v: PickableValue) => (month?.valueId === v.id ? month.month : v.month);

  return (
    <div className="jobindsats-manual">
      <JobindsatsPicker
        openLabel="Hent månedsværdi fra jobindsats.dk"
        pickLabel="Gem som månedsværdi"
        extra={(v) => {
          const months = [...new Set([...row.cells.map((c) => c.period), v.month])].sort();
          const mismatch = unitMismatch(v.measure, ind.unit);
          return (
            <>
              {mismatch && (
                <p className="notice small" role="status">
                  {mismatch}
                </p>
              )}
              <div className="field">
                <label htmlFor={`${id}-month`}>Måned (målt primo)</label>
                <select
                  id={`${id}-month`}
                  value={monthOf(v)}
                  onChange={(e) => setMonth({ valueId: v.id, month: e.target.value })}
                >
                  {months.map((m) => (
                    <option key={m} value={m}>
                      {monthLabelLong(m)}
                      {m === v.month ? ` (efter ${v.periodLabel})` : ""}
                    </option>
                  ))}
                </select>
              </div>
            </>
          );
        }}
        onPick={async (v) => {
          setSaved("");
          const period = monthOf(v);
          const res = await apiSend<{ row: SchemeRow }>(
            "POST",
            `/indicators/${ind.id}/manual-values/from-jobindsats`,
            { valueId: v.id, month: period },
          );
          onSaved(res.row);
          setSaved(
            `${formatValue(v.value, ind.unit)} er gemt for ${monthLabelLong(period)} med kilde og periode i noten.`,
          );
        }}
      />
      {saved && (
        <p className="success small" role="status">
          {saved}
        </p>
      )}
    </div>
  );
}
