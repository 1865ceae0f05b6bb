/** Fetch wrapper for the JSON API: throws an Error with the API's Danish message on failure. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The session's CSRF token (from GET /api/session), sent with every state-changing request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

/** Fired when the API says the session has ended (expired, signed out elsewhere): the app shows sign-in. */
export const SIGNED_OUT_EVENT = "effektspor:signed-out";

async function handle<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiRequestError(
      err?.message ?? `Serveren svarede ${res.status}`,
      res.status,
      err?.code ?? "internal",
      err?.field,
    );
  }
  return body as T;
}

/** GET /api{path} as JSON; `signal` aborts it (a page ignoring a stale request). */
export async function apiGet<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(`/api${path}`, { headers: { accept: "application/json" }, signal: init.signal });
  return handle<T>(res);
}

/** POST/PUT/PATCH/DELETE /api{path} with a JSON body. */
export async function apiSend<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    headers: { "content-type": "application/json", accept: "application/json", ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handle<T>(res);
}
