import { useState } from "react";
import { countText } from "../../../src/domain/format.ts";
import { copyText, toTsv } from "./copy.ts";

/** "Kopiér til Excel": copies the given rows as tab-separated text and says so (aria-live). */
export function CopyButton({ rows, label = "Kopiér til Excel" }: { rows: () => string[][]; label?: string }) {
  const [done, setDone] = useState<string>("");
  return (
    <span className="copy">
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const data = rows();
          await copyText(toTsv(data));
          setDone(`Kopieret ${countText(data.length, "række", "rækker")} – indsæt i Excel`);
          setTimeout(() => setDone(""), 4000);
        }}
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="muted">
        {done}
      </span>
    </span>
  );
}
