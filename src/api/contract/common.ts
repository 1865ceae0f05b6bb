/**
 * The API contract's shared pieces: the one error shape, wire formats (a timestamp travels as an
 * ISO string), path parameters, and `typed<T>()` for a response whose shape a server type gives.
 *
 * The contract (src/api/contract/*) is what the web may import beside src/domain (a Biome rule
 * enforces it); routes name their request and response schemas from here, and the OpenAPI document
 * is generated from them.
 */
import { z } from "zod";
import { idText } from "../../domain/input-rules.ts";
import "../../domain/zod-da.ts";

/** A server value as it arrives in the browser: Dates become ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export const errorCodes = [
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "internal",
  "rate_limited",
  "payload_too_large",
] as const;

/** `{ error: { code, message, field? } }`, the message in Danish. */
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    field: z
      .string()
      .optional()
      .meta({ description: "the request field at fault, dotted (indicators[2].code)" }),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** A timestamp on the wire. */
export const timestamp = z.string().meta({ format: "date-time" });
/** A date on the wire (ÅÅÅÅ-MM-DD). */
export const isoDate = z.string().meta({ format: "date" });

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Måneden skal skrives ÅÅÅÅ-MM, fx 2024-02");

/**
 * The input rules every route shares (src/domain/input-rules.ts): `idText` for an id in a path or a
 * query, `idNumber` for one in a JSON body (both 1 … 2.147.483.647, the store's integer), `int4` for
 * another stored whole number, `storableText` for text PostgreSQL can hold. The router also refuses
 * unstorable text in every request part, so a route that forgets `storableText` is still safe.
 */
export {
  ID_MESSAGE,
  INT4_MAX,
  idNumber,
  idText,
  int4,
  storableText,
  unstorableReason,
} from "../../domain/input-rules.ts";

/** `/…/:id`: a stored id (1 … 2.147.483.647; anything else is a 400, never a database error). */
export const idParam = z.object({ id: idText });

export const okResponse = z.object({ ok: z.literal(true) });
export const deletedResponse = z.object({ deleted: z.literal(true) });

/**
 * A response part whose shape is the server type `T` (a large report such as the status scheme):
 * typed for the web, documented as an object in OpenAPI, not checked field by field.
 */
export function typed<T>(description: string) {
  return z.custom<Wire<T>>((v) => typeof v === "object" && v !== null).meta({ description });
}

/** A JSON answer already serialized (a read model's, src/services/read-model.ts). */
export function jsonBytesResponse(json: Uint8Array<ArrayBuffer>, status: 200 | 201 = 200): Response {
  return new Response(json, { status, headers: { "content-type": "application/json" } });
}

/** The content type of a route that answers an Excel file rather than JSON. */
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" as const;

/** An Excel workbook as a download named `filename`. */
export function xlsxResponse(buffer: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: { "content-type": XLSX, "content-disposition": `attachment; filename="${filename}"` },
  });
}
