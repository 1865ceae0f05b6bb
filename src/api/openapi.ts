import { z } from "zod";
import type { ApiRouter } from "./router.ts";

/** Builds the OpenAPI 3.1 description from the routes the routers registered. */
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
        responses: {
          "200": { description: "OK" },
          "400": { $ref: "#/components/responses/Error" },
          "403": { $ref: "#/components/responses/Error" },
          "404": { $ref: "#/components/responses/Error" },
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
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: {
                      code: { type: "string" },
                      message: { type: "string" },
                      field: { type: "string" },
                    },
                    required: ["code", "message"],
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

function toJson(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  } catch {
    return {};
  }
}
