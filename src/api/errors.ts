import { DomainError } from "../domain/errors.ts";

/**
 * The one error shape of the API: `{ error: { code, message, field? } }`, messages in Danish.
 * Handlers throw ApiError for HTTP-level refusals (bad JSON, forbidden); services throw the typed
 * domain errors (src/domain/errors.ts). `toApiError` is the one place that maps either to the shape;
 * the app's onError calls it.
 */
export type ApiErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "internal";

const statusOf: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 409 | 500> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
  get status() {
    return statusOf[this.code];
  }
  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) },
    };
  }
}

const codeOfKind: Record<DomainError["kind"], ApiErrorCode> = {
  not_found: "not_found",
  conflict: "conflict",
  invalid: "bad_request",
};

/** The error a response carries for anything thrown below a handler; null for an unexpected error. */
export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof DomainError) return new ApiError(codeOfKind[err.kind], err.message, err.field);
  return null;
}

export const notFound = (what: string) => new ApiError("not_found", `${what} findes ikke`);
export const badRequest = (message: string, field?: string) => new ApiError("bad_request", message, field);
