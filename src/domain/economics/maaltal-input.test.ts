import { describe, expect, it } from "vitest";
import { checkMaaltalLine } from "./maaltal-input.ts";

const draft = {
  groupName: "Kontanthjælp",
  label: "Flere i job",
  fte: "-12,5",
  kind: "project",
  projectId: 3,
  benefits: ["kontanthjaelp"],
};

describe("checkMaaltalLine", () => {
  it("accepts a Danish-written number and trims the texts", () => {
    expect(checkMaaltalLine({ ...draft, groupName: " Kontanthjælp ", fte: "1.212,5" })).toEqual({
      ok: true,
      value: { ...draft, fte: 1212.5 },
    });
  });

  it("names each missing or wrong field in Danish", () => {
    expect(checkMaaltalLine({ ...draft, groupName: "", label: " ", fte: "tolv", kind: "x" })).toEqual({
      ok: false,
      errors: {
        groupName: "Vælg eller skriv ydelsesgruppen",
        label: "Skriv, hvad linjen er, fx «Budget 2024» eller projektets navn",
        fte: "Skriv et tal, fx 12 eller -15,5",
        kind: "Vælg linjens type",
      },
    });
  });

  it("requires the project of a project line", () => {
    expect(checkMaaltalLine({ ...draft, projectId: null })).toEqual({
      ok: false,
      errors: { projectId: "Vælg det projekt, linjen hører til" },
    });
    expect(checkMaaltalLine({ ...draft, kind: "budget", projectId: null }).ok).toBe(true);
  });
});
