import type { ReactNode } from "react";
import { CopyButton } from "./CopyButton.tsx";

export interface Column<R> {
  key: string;
  header: string;
  /** numbers right-aligned */
  numeric?: boolean;
  /** cell content; defaults to text(row) */
  render?: (row: R) => ReactNode;
  /** the cell as plain text, for display and for "Kopiér til Excel" */
  text: (row: R) => string;
  /** the first column is the row header (th scope=row) */
  rowHeader?: boolean;
}

interface DataTableProps<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** hide the caption visually (it is still read by screen readers) */
  hideCaption?: boolean;
  empty?: string;
}

/** An accessible table (caption, th scope) with a "Kopiér til Excel" button (tab-separated text). */
export function DataTable<R>({ caption, columns, rows, rowKey, hideCaption, empty }: DataTableProps<R>) {
  return (
    <div className="table-block">
      <div className="table-tools">
        <CopyButton
          rows={() => [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.text(r)))]}
        />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section className="table-scroll" tabIndex={0} aria-label={caption}>
        <table>
          <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty ?? "Ingen rækker"}</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={rowKey(r)}>
                  {columns.map((c) => {
                    const content = c.render ? c.render(r) : c.text(r);
                    return c.rowHeader ? (
                      <th key={c.key} scope="row">
                        {content}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? "num" : undefined}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    </div>
  );
}
