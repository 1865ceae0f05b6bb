/**
 * What the two definition editors share (indicators: DefinitionEditor, effects:
 * EffectDefinitionEditor): the Formular/YAML switch and the server's validation of every change.
 */
import { useEffect, useRef } from "react";
import { apiSend } from "../api.ts";

export type EditMode = "form" | "yaml";

/** The two buttons that switch an editor between its form and its YAML text. */
export function EditModeButtons({ mode, onSwitch }: { mode: EditMode; onSwitch: (next: EditMode) => void }) {
  return (
    <>
      <button
        type="button"
        className={mode === "form" ? undefined : "secondary"}
        aria-pressed={mode === "form"}
        onClick={() => onSwitch("form")}
      >
        Formular
      </button>
      <button
        type="button"
        className={mode === "yaml" ? undefined : "secondary"}
        aria-pressed={mode === "yaml"}
        onClick={() => onSwitch("yaml")}
      >
        YAML
      </button>
    </>
  );
}

/**
 * POSTs `body` to `path` once it has stood still for `delayMs` (typing sends one request, not one
 * a key) and hands the answer, or the failure's message, to the callbacks. An answer to an older
 * body is dropped, so what is shown is always about the text on screen. `body` undefined: nothing
 * to validate yet.
 */
export function useDebouncedValidation<R>(
  path: string,
  body: unknown,
  delayMs: number,
  onAnswer: (answer: R) => void,
  onFailure: (message: string) => void,
): void {
  const seq = useRef(0);
  const handlers = useRef({ onAnswer, onFailure });
  handlers.current = { onAnswer, onFailure };
  const bodyJson = body === undefined ? undefined : JSON.stringify(body);

  useEffect(() => {
    if (bodyJson === undefined) return;
    const mine = ++seq.current;
    const t = setTimeout(() => {
      apiSend<R>("POST", path, JSON.parse(bodyJson))
        .then((r) => {
          if (mine === seq.current) handlers.current.onAnswer(r);
        })
        .catch((e) => {
          if (mine === seq.current) handlers.current.onFailure(e instanceof Error ? e.message : String(e));
        });
    }, delayMs);
    return () => clearTimeout(t);
  }, [path, bodyJson, delayMs]);
}
