import { describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import type { AppDeps } from "./router.ts";

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }>;
};

describe("/api/openapi.json", () => {
  // the document is built from the route registrations alone; no handler runs, so no store is needed
  const app = createApp({
    dataDir: "",
    resolveActor: async () => null,
    config: { personListsEnabled: false },
  } as unknown as AppDeps);

  it("gives every operation a success response from the contract and the one error shape", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { responses: { Error: { content: Record<string, { schema: { properties: object } }> } } };
    };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      const [status, success] = Object.entries(op.responses).find(([s]) => s.startsWith("2"))!;
      expect(["200", "201"]).toContain(status);
      const [type, media] = Object.entries(success.content ?? {})[0]!;
      expect(type === "application/json" ? media.schema : type).toBeTruthy();
      for (const s of ["400", "403", "404", "500"])
        expect(op.responses[s]?.$ref).toBe("#/components/responses/Error");
    }
    const error = doc.components.responses.Error.content["application/json"]!.schema;
    expect(Object.keys(error.properties)).toEqual(["error"]);
  });
});
