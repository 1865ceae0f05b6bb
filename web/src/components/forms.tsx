import { type ReactNode, useId } from "react";

/** A labelled form field; the hint is tied to the input with aria-describedby. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {hint && (
          <span className="hint" id={hintId}>
            {" "}
            – {hint}
          </span>
        )}
      </label>
      {children({ id, ...(hint ? { "aria-describedby": hintId } : {}) })}
    </div>
  );
}

export const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

/** A number typed by a person: "" → null, else the text as typed (the API reads Danish numbers). */
export const numberOrNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());
export const textOrNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());
export const numText = (v: number | null | undefined): string =>
  v === null || v === undefined ? "" : String(v).replace(".", ",");

/**
 * An API error in a form's words: "Ugyldigt felt «target.goal.value»: …" becomes "Slutmål, værdi: …"
 * when `labels` names the field (a function gets the dotted path, for numbered fields such as
 * target.milestones[1].value); otherwise the reason alone, never the field's code name.
 */
export function formErrorText(err: unknown, labels: (path: string) => string | undefined): string {
  const raw = err instanceof Error ? err.message : String(err);
  const m = /^Ugyldigt felt «([^»]*)»:\s*(.*)$/s.exec(raw);
  if (!m) return raw;
  const label = labels(m[1] ?? "");
  return label ? `${label}: ${m[2]}` : (m[2] ?? raw);
}
