/**
 * The one error shape of the API: `{ error: { code, message, field? } }`, messages in Danish.
 * Throw ApiError anywhere below a handler; the app's onError turns it into the response.
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

export const notFound = (what: string) => new ApiError("not_found", `${what} findes ikke`);
export const badRequest = (message: string, field?: string) => new ApiError("bad_request", message, field);
