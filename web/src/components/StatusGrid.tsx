import { Fragment, useEffect, useState } from "react";
import { formatDate, formatNumber, formatValue, monthLabelLong } from "../../../src/domain/format.ts";
import { STATUS_LABELS } from "../../../src/domain/status.ts";
import { apiSend } from "../api.ts";
import type { SchemeCell, SchemeRow, StatusScheme } from "../types.ts";
import { CopyButton } from "./CopyButton.tsx";
import { ProvenanceDialog } from "./ProvenanceDialog.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

const SYMBOL = { achieved: "✓", on_track: "→", behind: "!", no_data: "" } as const;

/** The value as typed in an input: Danish decimals, no grouping or unit ("17,8"). */
function inputText(value: number | null): string {
  return value === null ? "" : formatNumber(value, 4, true);
}

function baselineText(row: SchemeRow): string {
  const b = row.indicator.baseline;
  if (b.value === null) return b.note ? "**" : "";
  const v = formatValue(b.value, row.indicator.unit);
  return b.count !== null && row.indicator.unit === "procent" ? `${formatNumber(b.count)} (${v})` : v;
}

/** The scheme as text rows for "Kopiér til Excel" (the same cells as on screen). */
export function schemeAsRows(scheme: StatusScheme): string[][] {
  const head = [
    "Indikator",
    "Startmåling",
    ...scheme.monthLabels,
    ...scheme.columns.map((c) => c.label),
    "Status",
  ];
  const rows = scheme.rows.map((r) => [
    r.indicator.name,
    baselineText(r),
    ...r.cells.map((c) => formatValue(c.value, r.indicator.unit, { empty: "" })),
    ...scheme.columns.map((c) =>
      c.key in r.targets ? formatValue(r.targets[c.key] ?? null, r.indicator.unit, { empty: "" }) : "",
    ),
    STATUS_LABELS[r.status],
  ]);
  const comments = ["Månedens kommentar", "", ...scheme.months.map((m) => scheme.comments[m]?.comment ?? "")];
  return [head, ...rows, comments];
}

function ValueInput({
  row,
  cell,
  onSaved,
  onError,
}: {
  row: SchemeRow;
  cell: SchemeCell;
  onSaved: (row: SchemeRow) => void;
  onError: (message: string) => void;
}) {
  const [text, setText] = useState(inputText(cell.value));
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(inputText(cell.value)), [cell.value]);

  async function commit() {
    if (text.trim() === inputText(cell.value)) return;
    setBusy(true);
    try {
      const path = `/indicators/${row.indicator.id}/values/${cell.period}`;
      const res =
        text.trim() === ""
          ? await apiSend<{ row: SchemeRow }>("DELETE", path)
          : await apiSend<{ row: SchemeRow }>("PUT", path, { value: text.trim() });
      onSaved(res.row);
      onError("");
    } catch (err) {
      onError(
        `${row.indicator.name}, ${monthLabelLong(cell.period)}: ${err instanceof Error ? err.message : err}`,
      );
      setText(inputText(cell.value));
    } finally {
      setBusy(false);
    }
  }

  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={`${row.indicator.name}, ${monthLabelLong(cell.period)}`}
      value={text}
      disabled={busy}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
        if (e.key === "Escape") setText(inputText(cell.value));
      }}
    />
  );
}

function CellStatus({ cell }: { cell: SchemeCell }) {
  if (cell.value === null) return null;
  return (
    <span className={`cell-status status-${cell.status}`} title={STATUS_LABELS[cell.status]}>
      <span aria-hidden="true">{SYMBOL[cell.status] || "–"}</span>
      <span className="visually-hidden">{STATUS_LABELS[cell.status]}</span>
    </span>
  );
}

interface Props {
  scheme: StatusScheme;
  onRowChanged: (row: SchemeRow) => void;
  canEdit?: boolean;
}

/**
 * The status scheme grid: indicators as rows; baseline, months and milestone columns as in seed 002.
 * Manual indicators are typed in directly (Enter or leaving the cell saves); a computed value opens
 * its provenance ("Hvordan er tallet beregnet?").
 */
export function StatusGrid({ scheme, onRowChanged, canEdit = true }: Props) {
  const [error, setError] = useState("");
  const [provenance, setProvenance] = useState<{ row: SchemeRow; period: string } | null>(null);
  const baselineDates = [
    ...new Set(scheme.rows.map((r) => r.indicator.baseline.date).filter(Boolean)),
  ] as string[];
  const baselineHead =
    baselineDates.length === 1 ? `Startmåling ${formatDate(baselineDates[0]!)}` : "Startmåling";
  const colCount = 3 + scheme.months.length + scheme.columns.length;
  const footnotes = scheme.rows
    .filter((r) => r.indicator.baseline.source || r.indicator.baseline.note)
    .map(
      (r) =>
        `${r.indicator.name}: ${[r.indicator.baseline.source, r.indicator.baseline.note].filter(Boolean).join(". ")}`,
    );
  let lastGroup: string | null = null;

  return (
    <div className="table-block">
      <div className="table-tools">
        <CopyButton rows={() => schemeAsRows(scheme)} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section className="table-scroll" tabIndex={0} aria-label={`Statusskema for ${scheme.project.name}`}>
        <table className="status-grid">
          <caption>Månedsvis status – {scheme.project.name}. Opfølgning primo måneden</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col" className="num baseline">
                {baselineHead}
              </th>
              {scheme.monthLabels.map((m) => (
                <th scope="col" className="num" key={m}>
                  {m}
                </th>
              ))}
              {scheme.columns.map((c) => (
                <th scope="col" className="num milestone" key={c.key}>
                  {c.label}
                </th>
              ))}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {scheme.rows.map((row) => {
              const ind = row.indicator;
              const group = ind.groupLabel && ind.groupLabel !== lastGroup ? ind.groupLabel : null;
              lastGroup = ind.groupLabel;
              return (
                <Fragment key={ind.id}>
                  {group && (
                    <tr className="group-row">
                      <th scope="colgroup" colSpan={colCount}>
                        {group}
                      </th>
                    </tr>
                  )}
                  <tr data-indicator={ind.code}>
                    <th scope="row">
                      {ind.name}
                      <span className="muted small">
                        {" "}
                        ({ind.kind === "manual" ? "manuel" : "beregnet"},{" "}
                        {ind.better === "lower" ? "lavere" : "højere"} er bedre)
                      </span>
                    </th>
                    <td
                      className="num baseline"
                      title={[ind.baseline.source, ind.baseline.note].filter(Boolean).join(". ")}
                    >
                      {baselineText(row)}
                      {ind.baseline.source && ind.baseline.value !== null ? "*" : ""}
                    </td>
                    {row.cells.map((cell) => (
                      <td
                        key={cell.period}
                        className={`num cell-${cell.status}${ind.kind === "manual" ? " cell-edit" : ""}`}
                      >
                        {ind.kind === "manual" && canEdit ? (
                          <span className="cell-wrap">
                            <ValueInput row={row} cell={cell} onSaved={onRowChanged} onError={setError} />
                            <CellStatus cell={cell} />
                          </span>
                        ) : ind.kind === "computed" && cell.value !== null ? (
                          <span className="cell-wrap">
                            <button
                              type="button"
                              className="link"
                              onClick={() => setProvenance({ row, period: cell.period })}
                              aria-label={`${formatValue(cell.value, ind.unit)} – ${ind.name}, ${monthLabelLong(cell.period)}: vis beregning`}
                            >
                              {formatValue(cell.value, ind.unit)}
                            </button>
                            <CellStatus cell={cell} />
                          </span>
                        ) : cell.value !== null ? (
                          <span className="cell-wrap">
                            {formatValue(cell.value, ind.unit)}
                            <CellStatus cell={cell} />
                          </span>
                        ) : ind.kind === "computed" ? (
                          <span className="muted small">Ingen data</span>
                        ) : (
                          ""
                        )}
                      </td>
                    ))}
                    {scheme.columns.map((c) => (
                      <td key={c.key} className="num milestone">
                        {c.key in row.targets
                          ? formatValue(row.targets[c.key] ?? null, ind.unit, { empty: "" })
                          : ""}
                        {c.kind === "final" && ind.goal.kind !== "absolute" && ind.goal.value !== null && (
                          <span className="muted small">
                            {" "}
                            ({ind.goal.value > 0 ? "+" : ""}
                            {formatNumber(ind.goal.value, 1, true)}
                            {ind.goal.kind === "relative_percent" ? " pct." : " procentpoint"})
                          </span>
                        )}
                      </td>
                    ))}
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                  </tr>
                </Fragment>
              );
            })}
            <tr className="comment-row">
              <th scope="row">Månedens kommentar</th>
              <td className="baseline" />
              {scheme.months.map((m) => (
                <td key={m} className="small">
                  {scheme.comments[m]?.comment ?? ""}
                </td>
              ))}
              <td colSpan={scheme.columns.length + 1} />
            </tr>
          </tbody>
        </table>
      </section>
      {footnotes.length > 0 && (
        <ul className="muted small footnotes">
          {footnotes.map((f) => (
            <li key={f}>* {f}</li>
          ))}
        </ul>
      )}
      {provenance && (
        <ProvenanceDialog
          indicatorId={provenance.row.indicator.id}
          indicatorName={provenance.row.indicator.name}
          period={provenance.period}
          onClose={() => setProvenance(null)}
        />
      )}
    </div>
  );
}
