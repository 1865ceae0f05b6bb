import { describe, expect, it } from "vitest";
import { scrub } from "./logger.ts";

describe("log lines", () => {
  it("mask CPR-like numbers, person keys and session tokens", () => {
    const key = "a".repeat(64);
    const token = "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg0Mg";
    expect(scrub(`cpr 010203-1234 og 0102031234, nøgle ${key}, token ${token}`)).toBe(
      "cpr [cpr] og [cpr], nøgle [nøgle], token [nøgle]",
    );
    expect(scrub("/api/projects/12/status-scheme")).toBe("/api/projects/12/status-scheme");
  });
});
