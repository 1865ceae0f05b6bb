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

/** A text input in a Field; `onChange` gets the text as typed. */
export function TextField({
  label,
  hint,
  value,
  onChange,
  inputMode,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (text: string) => void;
  inputMode?: "numeric" | "decimal";
}) {
  return (
    <Field label={label} hint={hint}>
      {(p) => <input {...p} inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A choice of one code in a Field, shown by its label (`options`: code → label). */
export function SelectField({
  label,
  hint,
  options,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  options: Readonly<Record<string, string>>;
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {Object.entries(options).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Codes to tick in a fieldset (benefits, categories, …); the hint is tied to it with aria-describedby. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  hint,
  className,
}: {
  legend: string;
  options: readonly { code: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={className} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint small muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((o) => (
        <label key={o.code} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.code] : value.filter((x) => x !== o.code))
            }
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
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
