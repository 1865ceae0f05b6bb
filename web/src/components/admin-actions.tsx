/**
 * The administrator's pages (Brugere, Databeskyttelse) load their data, then act on it: every
 * action is followed by a fresh load and answered with one line, a notice or an error.
 */
import { useCallback, useEffect, useState } from "react";
import { ApiRequestError } from "../api.ts";

export interface ActionMessage {
  ok: boolean;
  text: string;
}

/**
 * Runs `load` when the page opens (and whenever `load` changes; pass a stable useCallback) and
 * gives `act`: run an API call, say `ok` when it succeeded, load again; a failure becomes the
 * message instead.
 */
export function useLoadAndAct(load: () => Promise<unknown>): {
  message: ActionMessage | null;
  act: (fn: () => Promise<unknown>, ok: string) => Promise<void>;
} {
  const [message, setMessage] = useState<ActionMessage | null>(null);
  useEffect(() => {
    load().catch((e) => setMessage({ ok: false, text: String(e.message) }));
  }, [load]);
  const act = useCallback(
    async (fn: () => Promise<unknown>, ok: string) => {
      try {
        await fn();
        setMessage({ ok: true, text: ok });
        await load();
      } catch (e) {
        setMessage({ ok: false, text: e instanceof ApiRequestError ? e.message : String(e) });
      }
    },
    [load],
  );
  return { message, act };
}

/** The answer to the last action: read out politely when it went well, at once when not. */
export function ActionMessageLine({ message }: { message: ActionMessage | null }) {
  if (!message) return null;
  return (
    <p className={message.ok ? "notice" : "error"} role={message.ok ? "status" : "alert"}>
      {message.text}
    </p>
  );
}
