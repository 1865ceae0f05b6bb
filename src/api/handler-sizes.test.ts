import { describe, expect, it } from "vitest";
import { measureHandlers } from "./handler-sizes.ts";

describe("route handlers", () => {
  it("are thin: parse → authorize → call one service → respond, at most 25 lines each", () => {
    const sizes = measureHandlers();
    // every route file registers its handlers through router.route; none found means the measure broke
    expect(sizes.length).toBeGreaterThan(50);
    expect(sizes.filter((s) => s.lines > 25).map((s) => `${s.method} ${s.path} (${s.lines} lines)`)).toEqual(
      [],
    );
  });
});
