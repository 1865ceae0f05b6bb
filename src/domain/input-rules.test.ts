import { describe, expect, it } from "vitest";
import {
  ID_MESSAGE,
  idNumber,
  idText,
  int4,
  storableText,
  unstorableText,
  yamlDepthProblem,
} from "./input-rules.ts";

describe("input rules", () => {
  it("takes ids 1 … 2^31-1 as decimal digits, nothing else", () => {
    expect(idText.parse("1")).toBe(1);
    expect(idText.parse("2147483647")).toBe(2_147_483_647);
    for (const bad of ["0", "-1", "2147483648", "1e309", "abc", "1.5", "0x10", " 1", "", "1e3"]) {
      const r = idText.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toBe(ID_MESSAGE);
    }
    expect(idNumber.safeParse(2 ** 31).success).toBe(false);
    expect(idNumber.safeParse(1.5).success).toBe(false);
    expect(idNumber.safeParse("1").success).toBe(false);
  });

  it("keeps stored whole numbers within PostgreSQL's integer", () => {
    expect(int4.parse(-2_147_483_648)).toBe(-2_147_483_648);
    expect(int4.safeParse(2_147_483_648).success).toBe(false);
    expect(int4.safeParse(-2_147_483_649).success).toBe(false);
  });

  it("refuses NUL and lone surrogates, keeps every other text as it is", () => {
    for (const ok of ["'; DROP TABLE x; --", "😀", "\u202e", "æøå", "../../etc/passwd", ""]) {
      expect(storableText.parse(ok)).toBe(ok);
    }
    expect(storableText.safeParse("a\u0000b").error?.issues[0]?.message).toMatch(/NUL-tegn/);
    expect(storableText.safeParse("a\ud800b").error?.issues[0]?.message).toMatch(/surrogat/);
    expect(storableText.safeParse("\udfff").success).toBe(false);
    expect(storableText.safeParse("\ud83d").success).toBe(false);
  });

  it("finds the first unstorable string in a request with its path, keys included", () => {
    expect(unstorableText({ a: ["ok", { b: "x\u0000" }] })?.path).toEqual(["a", 1, "b"]);
    expect(unstorableText({ a: { "k\u0000": 1 } })).toMatchObject({ path: ["a"], reason: /feltnavn/ });
    expect(unstorableText({ a: ["ok", 1, null, { b: "😀" }] })).toBeNull();
  });
});

describe("request depth", () => {
  it("refuses nesting beyond 64 levels without overflowing the stack itself", () => {
    let deep: unknown = "bund";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText(deep)?.reason).toMatch(/mere end 64 niveauer/);
    let ok: unknown = "bund";
    for (let i = 0; i < 63; i++) ok = { a: ok };
    expect(unstorableText(ok)).toBeNull();
  });
});

describe("YAML depth", () => {
  it("refuses YAML nested beyond 64 levels before a parser sees it, and passes a definition", () => {
    expect(yamlDepthProblem("[".repeat(65))).toMatch(/mere end 64 niveauer/);
    expect(yamlDepthProblem(`${"- ".repeat(200)}x`)).toMatch(/mere end 64 niveauer/);
    expect(yamlDepthProblem("[".repeat(64) + "]".repeat(64))).toBeNull();
    const definition = "population:\n  benefits: [kontanthjaelp]\nmeasure:\n  kind: stock\n  kinds: [a, b]";
    expect(yamlDepthProblem(definition)).toBeNull();
  });
});
