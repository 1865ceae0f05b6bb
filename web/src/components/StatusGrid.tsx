import { Fragment, useEffect, useState } from "react";
import {
  formatDate,
  formatNumber,
  formatValue,
  monthLabel,
  monthLabelLong,
} from "../../../src/domain/format.ts";
import { describeGoalKind } from "../../../src/domain/projects.ts";
import { judgementShortText, STATUS_LABELS } from "../../../src/domain/status.ts";
import { ApiRequestError, apiSend } from "../api.ts";
import { forecastClass, forecastText } from "../forecast.ts";
import type { SchemeCell, SchemeRow, StatusScheme } from "../types.ts";
import { CopyButton } from "./CopyButton.tsx";
import { ProvenanceDialog } from "./ProvenanceDialog.tsx";
import { STATUS_SYMBOLS, StatusBadge } from "./StatusBadge.tsx";

/** A target column's value: fuldtidspersoner without the unit word (the row names the unit). */
function cellText(value: number | null, row: SchemeRow, empty = "–"): string {
  const unit = row.indicator.unit;
  return formatValue(value, unit, { empty, withUnit: unit !== "fuldtidspersoner" });
}

/** A month's value, compact so more months fit: "94,7" in a row marked "(pct. · …)". */
function monthText(value: number | null, row: SchemeRow, empty = "–"): string {
  const unit = row.indicator.unit;
  return formatValue(value, unit, { empty, withUnit: unit !== "fuldtidspersoner" && unit !== "procent" });
}

/** Milestone, goal and status columns stay at the right edge while the months scroll. */
function stickRight(columns: StatusScheme["columns"], index: number): React.CSSProperties {
  const width = (c: StatusScheme["columns"][number]) => (c.kind === "final" ? 8 : 6.25); // rem
  const right = columns.slice(index + 1).reduce((sum, c) => sum + width(c), 0);
  const w = `${width(columns[index]!)}rem`;
  return { right: `calc(var(--grid-status-w) + ${right}rem)`, width: w, minWidth: w, maxWidth: w };
}

/**
 * A typed value the API rejected, in words a user can act on. The API names the field
 * ("Ugyldigt felt «value»: …"); the grid already says which cell, so only the reason is shown, and
 * a value that is not a number gets an example.
 */
export function valueErrorText(err: unknown, typed: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  if (err instanceof ApiRequestError && err.field === "value") {
    const reason = raw.replace(/^Ugyldigt felt «[^»]*»:\s*/, "");
    if (/matcher ingen|er ikke et tal|expected|forventede/i.test(reason)) {
      return `«${typed}» er ikke et tal. Skriv et tal, fx 12 eller 15,5`;
    }
    return reason;
  }
  return raw;
}

/** The value as typed in an input: Danish decimals, no grouping or unit ("17,8"). */
function inputText(value: number | null): string {
  return value === null ? "" : formatNumber(value, 4, true);
}

function baselineText(row: SchemeRow): string {
  const b = row.indicator.baseline;
  if (b.value === null) return b.note ? "**" : "";
  const v = cellText(b.value, row);
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
    ...r.cells.map((c) => cellText(c.value, r, "")),
    ...scheme.columns.map((c) => (c.key in r.targets ? cellText(r.targets[c.key] ?? null, r, "") : "")),
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
      onError(`${row.indicator.name}, ${monthLabelLong(cell.period)}: ${valueErrorText(err, text.trim())}`);
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
  if (cell.value === null || cell.status === "no_goal") return null;
  return (
    <span className={`cell-status status-${cell.status}`} title={STATUS_LABELS[cell.status]}>
      <span aria-hidden="true">{STATUS_SYMBOLS[cell.status]}</span>
      <span className="visually-hidden">{STATUS_LABELS[cell.status]}</span>
    </span>
  );
}

/** ❄ on a frozen cell; the reported value beside it when a later computation changed it. */
function FrozenMark({ cell, row }: { cell: SchemeCell; row: SchemeRow }) {
  const f = cell.frozen;
  if (!f) return null;
  const changed = f.value !== cell.value;
  const reported = cellText(f.value, row);
  const title = `Indefrosset ${formatDate(f.frozenAt.slice(0, 10))} af ${f.frozenBy}: rapporteret ${reported}${changed ? `, nu ${cellText(cell.value, row)}` : ""}`;
  return (
    <span className={`frozen-mark${changed ? " frozen-changed" : ""}`} title={title}>
      <span aria-hidden="true">❄{changed ? ` ${reported}` : ""}</span>
      <span className="visually-hidden">{title}</span>
    </span>
  );
}

/** † on a month whose value has a note (a value taken from jobindsats.dk names source and period). */
function NoteMark({ cell }: { cell: SchemeCell }) {
  if (!cell.note) return null;
  return (
    <span className="note-mark" title={cell.note}>
      <span aria-hidden="true">†</span>
      <span className="visually-hidden">Note: {cell.note}</span>
    </span>
  );
}

interface Props {
  scheme: StatusScheme;
  onRowChanged: (row: SchemeRow) => void;
  canEdit?: boolean;
  /** the months shown (default all); baseline, milestone, goal and status columns always show */
  months?: string[];
}

/**
 * The status scheme grid: indicators as rows; baseline, months and milestone columns as in seed 002.
 * Manual indicators are typed in directly (Enter or leaving the cell saves); a computed value opens
 * its provenance ("Hvordan er tallet beregnet?").
 */
export function StatusGrid({ scheme, onRowChanged, canEdit = true, months }: Props) {
  const [error, setError] = useState("");
  const shown = new Set(months ?? scheme.months);
  const shownMonths = scheme.months.filter((m) => shown.has(m));
  const [provenance, setProvenance] = useState<{ row: SchemeRow; period: string } | null>(null);
  const baselineDates = [
    ...new Set(scheme.rows.map((r) => r.indicator.baseline.date).filter(Boolean)),
  ] as string[];
  const baselineHead =
    baselineDates.length === 1 ? `Startmåling ${formatDate(baselineDates[0]!)}` : "Startmåling";
  const colCount = 3 + shownMonths.length + scheme.columns.length;
  const footnotes = scheme.rows
    .filter((r) => r.indicator.baseline.source || r.indicator.baseline.note)
    .map(
      (r) =>
        `${r.indicator.name}: ${[r.indicator.baseline.source, r.indicator.baseline.note].filter(Boolean).join(". ")}`,
    );
  // notes of the shown months' values, listed under the grid (the cell's † points to them)
  const valueNotes = scheme.rows.flatMap((r) =>
    r.cells
      .filter((c) => c.note && shown.has(c.period))
      .map((c) => ({
        key: `${r.indicator.id}-${c.period}`,
        text: `${r.indicator.name}, ${monthLabelLong(c.period)}: ${c.note}`,
      })),
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
              <th scope="col" className="num baseline stick-left">
                {baselineHead}
              </th>
              {shownMonths.map((m) => (
                <th scope="col" className="num" key={m}>
                  {monthLabel(m)}
                </th>
              ))}
              {scheme.columns.map((c, i) => (
                <th
                  scope="col"
                  className="num milestone stick-right"
                  key={c.key}
                  style={stickRight(scheme.columns, i)}
                >
                  {c.label}
                </th>
              ))}
              <th scope="col" className="stick-right status-cell">
                Status
              </th>
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
                        <span className="group-label">{group}</span>
                      </th>
                    </tr>
                  )}
                  <tr data-indicator={ind.code}>
                    <th scope="row">
                      {ind.name}
                      <span className="muted small row-meta">
                        {" "}
                        ({ind.unitName} · {ind.kind === "manual" ? "manuel" : "beregnet"} ·{" "}
                        {ind.better === "lower" ? "lavere" : "højere"} er bedre)
                      </span>
                    </th>
                    <td
                      className="num baseline stick-left"
                      title={[ind.baseline.source, ind.baseline.note].filter(Boolean).join(". ")}
                    >
                      {baselineText(row)}
                      {ind.baseline.source && ind.baseline.value !== null ? "*" : ""}
                    </td>
                    {row.cells
                      .filter((cell) => shown.has(cell.period))
                      .map((cell) => (
                        <td
                          key={cell.period}
                          className={`num cell-${cell.status}${ind.kind === "manual" ? " cell-edit" : ""}${cell.frozen ? " cell-frozen" : ""}`}
                        >
                          {ind.kind === "manual" && canEdit ? (
                            <span className="cell-wrap">
                              <ValueInput row={row} cell={cell} onSaved={onRowChanged} onError={setError} />
                              <CellStatus cell={cell} />
                              <NoteMark cell={cell} />
                              <FrozenMark cell={cell} row={row} />
                            </span>
                          ) : ind.kind === "computed" && cell.value !== null ? (
                            <span className="cell-wrap">
                              <button
                                type="button"
                                className="link"
                                onClick={() => setProvenance({ row, period: cell.period })}
                                aria-label={`${formatValue(cell.value, ind.unit)} – ${ind.name}, ${monthLabelLong(cell.period)}: vis beregning`}
                              >
                                {monthText(cell.value, row)}
                              </button>
                              <CellStatus cell={cell} />
                              <NoteMark cell={cell} />
                              <FrozenMark cell={cell} row={row} />
                            </span>
                          ) : cell.value !== null ? (
                            <span className="cell-wrap">
                              {monthText(cell.value, row)}
                              <CellStatus cell={cell} />
                              <NoteMark cell={cell} />
                              <FrozenMark cell={cell} row={row} />
                            </span>
                          ) : ind.kind === "computed" ? (
                            <span className="muted small">Ingen data</span>
                          ) : (
                            ""
                          )}
                        </td>
                      ))}
                    {scheme.columns.map((c, i) => (
                      <td
                        key={c.key}
                        className="num milestone stick-right"
                        style={stickRight(scheme.columns, i)}
                      >
                        {c.key in row.targets ? cellText(row.targets[c.key] ?? null, row, "") : ""}
                        {c.kind === "final" && c.key in row.targets && ind.goal.changeText && (
                          <span
                            className="muted small goal-change"
                            title={
                              ind.goal.value === null
                                ? undefined
                                : describeGoalKind(ind.goal.kind, ind.goal.value, ind.unit)
                            }
                          >
                            {" "}
                            ({ind.goal.changeText})
                          </span>
                        )}
                        {(() => {
                          const f = row.forecast?.targets.find((t) => t.key === c.key);
                          return f ? (
                            <span
                              className={`small forecast-word ${forecastClass(f.status)}`}
                              data-forecast={f.status}
                              title={`Prognose ${cellText(f.forecast, row, "")} (80 %: ${cellText(f.pi80[0], row, "")} – ${cellText(f.pi80[1], row, "")}), lineær trend af ${row.forecast!.n} måneders værdier`}
                            >
                              {forecastText(f)}
                            </span>
                          ) : null;
                        })()}
                      </td>
                    ))}
                    <td className="status-cell stick-right">
                      <StatusBadge status={row.status} />
                      {judgementShortText(row.judgement) && (
                        <span className="muted small status-note">{judgementShortText(row.judgement)}</span>
                      )}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
            <tr className="comment-row">
              <th scope="row">Månedens kommentar</th>
              <td className="baseline stick-left" />
              {shownMonths.map((m) => (
                <td key={m} className="small" title={scheme.comments[m]?.comment}>
                  <span className="comment-clamp">{scheme.comments[m]?.comment ?? ""}</span>
                </td>
              ))}
              <td colSpan={scheme.columns.length + 1} className="stick-right comment-end" />
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
      {valueNotes.length > 0 && (
        <ul className="muted small footnotes" aria-label="Noter til månedsværdier">
          {valueNotes.map((n) => (
            <li key={n.key}>† {n.text}</li>
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
