import { z } from "zod";
import { errorResponse } from "./contract/common.ts";
import type { ApiRouter } from "./router.ts";

const errorRef = { $ref: "#/components/responses/Error" };

/**
 * Builds the OpenAPI 3.1 description from the routes the routers registered: parameters and request
 * bodies from their zod schemas, the success response from the contract's response schema (or the
 * file type), and the one error shape for every refusal.
 */
export function openApiDocument(routers: ApiRouter[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const router of routers) {
    for (const route of router.routes) {
      const openApiPath = `/api${route.path.replace(/:([A-Za-z_]+)/g, "{$1}")}`;
      const parameters: unknown[] = [];
      for (const [where, schema] of [
        ["path", route.params],
        ["query", route.query],
      ] as const) {
        if (!schema) continue;
        const json = toJson(schema) as { properties?: Record<string, unknown>; required?: string[] };
        for (const [name, s] of Object.entries(json.properties ?? {})) {
          parameters.push({
            name,
            in: where,
            required: where === "path" || json.required?.includes(name),
            schema: s,
          });
        }
      }
      const success =
        route.response instanceof z.ZodType
          ? {
              description: "OK",
              content: { "application/json": { schema: toJson(route.response, "output") } },
            }
          : {
              description: "Fil",
              content: { [route.response.file]: { schema: { type: "string", format: "binary" } } },
            };
      paths[openApiPath] ??= {};
      paths[openApiPath][route.method] = {
        summary: route.summary,
        tags: [route.tag],
        "x-action": route.action,
        parameters,
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: toJson(route.body) } },
              },
            }
          : {}),
        ...(route.form
          ? {
              requestBody: {
                required: true,
                content: { "multipart/form-data": { schema: toJson(route.form) } },
              },
            }
          : {}),
        responses: {
          [String(route.status ?? 200)]: success,
          "400": errorRef,
          "401": errorRef,
          "403": errorRef,
          "404": errorRef,
          "409": errorRef,
          "500": errorRef,
        },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Effektspor API", version: "1", description: "Opfølgning på investeringsprojekter" },
    paths,
    components: {
      responses: {
        Error: {
          description: "Fejl",
          content: { "application/json": { schema: toJson(errorResponse, "output") } },
        },
      },
    },
  };
}

function toJson(schema: z.ZodType, io: "input" | "output" = "input"): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: "any" });
  } catch {
    return {};
  }
}
