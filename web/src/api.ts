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
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handle<T>(res);
}
