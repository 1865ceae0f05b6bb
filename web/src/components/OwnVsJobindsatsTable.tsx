import type { OwnVsJobindsats } from "../../../src/api/contract/jobindsats.ts";
import { formatNumber, monthLabel, monthLabelLong } from "../../../src/domain/format.ts";
import { DataTable } from "./DataTable.tsx";

type Row = OwnVsJobindsats["rows"][number];
type Benefit = OwnVsJobindsats["benefits"][number];

/** how many of the newest months the compact table shows */
const SHOWN_MONTHS = 6;

const fte = (v: number | null) => (v === null ? "–" : formatNumber(v, 1, true));
const pct = (v: number | null) =>
  v === null ? "–" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatNumber(Math.abs(v), 1, true)} %`;

/**
 * Effektspor's own full-time persons against jobindsats.dk's: one row per benefit with the newest
 * months as columns (own / jobindsats and the difference in per cent), differences above the
 * threshold marked in words, and every month in a table that unfolds (and copies to Excel).
 */
export function OwnVsJobindsatsTable({ own }: { own: OwnVsJobindsats }) {
  const over = (v: number | null) => v !== null && Math.abs(v) > own.threshold;
  const months = [...new Set(own.rows.map((r) => r.month))].sort().slice(-SHOWN_MONTHS);
  const at = new Map(own.rows.map((r) => [`${r.benefit}\u0000${r.month}`, r]));
  const cell = (b: Benefit, m: string) => at.get(`${b.benefit}\u0000${m}`);
  const cellText = (r: Row | undefined) =>
    r
      ? `${fte(r.own)} / ${fte(r.jobindsats)} (${pct(r.differencePct)}${over(r.differencePct) ? ", afviger" : ""})`
      : "";
  const thresholdText = `${formatNumber(own.threshold)} %`;

  return (
    <>
      <p className="own-vs-question">
        <strong>Er udtrækket komplet?</strong> Ligger Effektspors egne fuldtidspersoner inden for ±
        {thresholdText} af jobindsats.dk's, dækker udtrækket ydelsen; ligger de markant under, mangler
        udtrækket sandsynligvis sager eller perioder.
      </p>
      <DataTable<Benefit>
        caption={`Fuldtidspersoner: Effektspor / jobindsats.dk, de seneste ${months.length} måneder`}
        rows={own.benefits}
        rowKey={(b) => b.benefit}
        columns={[
          {
            key: "benefit",
            header: "Ydelse",
            rowHeader: true,
            text: (b) => `${b.benefitLabel} (${b.tableId.toUpperCase()})`,
          },
          ...months.map((m) => ({
            key: m,
            header: monthLabel(m),
            numeric: true,
            text: (b: Benefit) => cellText(cell(b, m)),
            render: (b: Benefit) => {
              const r = cell(b, m);
              if (!r) return "";
              const off = over(r.differencePct);
              return (
                <span className={`own-vs-cell${off ? " own-vs-off" : ""}`}>
                  <span className="own-vs-pct">
                    {pct(r.differencePct)}
                    {off && <span className="own-vs-flag"> afviger</span>}
                  </span>
                  <span className="muted small">
                    {fte(r.own)} / {fte(r.jobindsats)}
                  </span>
                </span>
              );
            },
          })),
          {
            key: "over",
            header: `Mdr. over ±${thresholdText}`,
            numeric: true,
            text: (b) => `${b.over} af ${b.months}`,
          },
          {
            key: "largest",
            header: "Største",
            numeric: true,
            text: (b) => pct(b.largestPct),
          },
        ]}
      />
      <p className="muted small">
        Hver celle: forskel i procent af jobindsats.dk's tal, under den Effektspor / jobindsats.dk i
        fuldtidspersoner. Måneden er den, jobindsats.dk tæller; Effektspors tal er målt primo måneden efter.
        «afviger»: mere end {thresholdText} fra jobindsats.dk.
      </p>
      <details className="own-vs-all">
        <summary>Vis alle {own.rows.length} måneder</summary>
        <DataTable<Row>
          caption="Fuldtidspersoner: Effektspor og jobindsats.dk, alle måneder"
          rows={own.rows}
          rowKey={(r) => `${r.benefit}-${r.month}`}
          columns={[
            { key: "benefit", header: "Ydelse", rowHeader: true, text: (r) => r.benefitLabel },
            { key: "month", header: "Måned", text: (r) => monthLabelLong(r.month) },
            { key: "own", header: "Effektspor", numeric: true, text: (r) => fte(r.own) },
            { key: "ji", header: "jobindsats.dk", numeric: true, text: (r) => fte(r.jobindsats) },
            { key: "diff", header: "Forskel", numeric: true, text: (r) => fte(r.difference) },
            {
              key: "pct",
              header: "Forskel i pct.",
              numeric: true,
              text: (r) => `${pct(r.differencePct)}${over(r.differencePct) ? " afviger" : ""}`,
            },
          ]}
        />
      </details>
    </>
  );
}
