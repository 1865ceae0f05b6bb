import { STATUS_RULES_HELP } from "../../../src/domain/status.ts";

/** The status rules in plain Danish (the same text as the API's statusHelp). */
export function StatusHelp({ open = false }: { open?: boolean }) {
  const [title, ...rest] = STATUS_RULES_HELP.split("\n\n");
  return (
    <details className="help-details" open={open}>
      <summary>{title}</summary>
      <div className="help">{rest.join("\n\n")}</div>
    </details>
  );
}
