import { useEffect, useState } from "react";
import type { IndicatorJobindsatsSeries } from "../../../src/api/contract/jobindsats.ts";
import { formatNumber, monthLabel } from "../../../src/domain/format.ts";
import { apiGet } from "../api.ts";
import type { SchemeRow } from "../types.ts";

const show = (v: number | null | undefined) =>
  v === null || v === undefined ? "–" : formatNumber(v, 1, true);

/**
 * Beside an indicator whose definition or baseline names a jobindsats table: the municipality's
 * jobindsats values for the newest periods, with Effektspor's own value covering the same time
 * (measured primo the month after the period, so June's numbers meet Effektspor's July).
 */
export function JobindsatsBeside({ row }: { row: SchemeRow }) {
  const [series, setSeries] = useState<IndicatorJobindsatsSeries | null>(null);
  const id = row.indicator.id;
  const source = row.indicator.baseline.source;
  useEffect(() => {
    // refetched when the baseline's source changes (it may now name a table)
    void source;
    apiGet<{ series: IndicatorJobindsatsSeries | null }>(`/indicators/${id}/jobindsats`).then(
      (r) => setSeries(r.series),
      () => setSeries(null),
    );
  }, [id, source]);
  if (!series || series.points.length === 0) return null;
  const own = new Map(row.cells.map((c) => [c.period, c.value]));
  const points = series.points.slice(-6);
  return (
    <table
      className="jobindsats-beside small"
      aria-label={`jobindsats.dk ved siden af ${row.indicator.name}`}
    >
      <caption>
        jobindsats.dk ({series.tableId.toUpperCase()}, {series.measure}, {series.area}) ·{" "}
        {series.sources.join(", ")}. Effektspor målt primo måneden efter perioden.
      </caption>
      <thead>
        <tr>
          <th scope="col">Periode</th>
          <th scope="col" className="num">
            jobindsats.dk
          </th>
          <th scope="col" className="num">
            Effektspor
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.period}>
            <th scope="row">{p.label}</th>
            <td className="num">{show(p.value)}</td>
            <td className="num">
              {show(p.month ? own.get(p.month) : null)}
              {p.month && <span className="muted"> ({monthLabel(p.month)})</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
