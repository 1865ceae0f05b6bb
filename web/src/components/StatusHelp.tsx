import { STATUS_HELP } from "../../../src/domain/status.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/**
 * The status rules in plain Danish, rendered from STATUS_HELP in src/domain/status.ts: the same
 * source as the rules themselves and the API's statusHelp text.
 */
export function StatusHelp({ open = false }: { open?: boolean }) {
  return (
    <details className="help-details" open={open}>
      <summary>{STATUS_HELP.title}</summary>
      <div className="help">
        {STATUS_HELP.intro.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <ul className="status-rules">
          {STATUS_HELP.rules.map((r) => (
            <li key={r.status}>
              <StatusBadge status={r.status} />: {r.text}
            </li>
          ))}
        </ul>
        {STATUS_HELP.notes.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </details>
  );
}
