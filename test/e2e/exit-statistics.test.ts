import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeSnapshot } from "../../src/engine/test-support.ts";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

describe("afgangsstatistik in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-exit-", async (dataDir) => {
    // written after start, so it is the newest snapshot whatever the first start laid out
    const dir = path.join(dataDir, "snapshots", "zz-e2e-afgang");
    mkdirSync(dir, { recursive: true });
    const rec = (person_key: string, end_date: string, exit_reason: string) => ({
      person_key,
      benefit: "kontanthjaelp",
      category: "jobparat",
      start_date: "2023-10-01",
      end_date,
      exit_reason,
    });
    await writeSnapshot(
      {
        persons: ["p1", "p2", "p3", "p4"].map((k) => ({ person_key: k, birth_date: "1980-01-01", sex: "K" })),
        // 2024: two to job, one moved away; 2025: one to job
        benefit_records: [
          rec("p1", "2024-03-31", "job"),
          rec("p2", "2024-06-30", "job"),
          rec("p3", "2024-09-30", "flyttet"),
          rec("p4", "2025-02-28", "job"),
        ],
      },
      { dir, id: "zz-e2e-afgang", extractionDate: "2025-06-15" },
    );
  });

  it("shows ended forløb by exit reason with years side by side, an Excel link, and no serious axe violations", async () => {
    await e2e.page.goto(`${e2e.server.url}/afgangsstatistik`);
    await e2e.page.getByRole("heading", { level: 1, name: "Afgangsstatistik" }).waitFor();
    await e2e.page.getByLabel("Afsluttet fra (måned)").fill("2024-01");
    await e2e.page.getByLabel("Afsluttet til og med (måned)").fill("2025-12");
    await e2e.page.getByLabel("Gruppering i udfald").selectOption("");
    const answered = e2e.page.waitForResponse(
      (r) => r.url().includes("/api/exit-statistics?") && r.url().includes("to=2025-12"),
    );
    await e2e.page.getByRole("button", { name: "Vis" }).click();
    await answered;
    // the earlier answer had 2026 in both tables; wait until no table has it (first() = any left)
    await e2e.page.getByRole("columnheader", { name: "Antal 2026" }).first().waitFor({ state: "detached" });
    const table = e2e.page.getByRole("table", { name: "Afsluttede forløb pr. afslutningsårsag" });
    await table.getByRole("row", { name: /Ordinært job/ }).waitFor();
    const cells = async (name: RegExp) =>
      (await table.getByRole("row", { name }).locator("th, td").allTextContents()).map((t) => t.trim());
    // job: 2 of 3 in 2024 = 66,7 pct.; 1 of 1 in 2025 = 100,0 pct.
    expect(await cells(/Ordinært job/)).toEqual(["Ordinært job", "2", "66,7", "1", "100,0"]);
    // flyttet: 1 of 3 in 2024 = 33,3 pct.; none in 2025 (blank)
    expect(await cells(/Flyttet/)).toEqual(["Flyttet", "1", "33,3", "", ""]);
    const excel = e2e.page.getByRole("link", { name: "Hent som Excel" });
    expect(await excel.getAttribute("href")).toBe(
      "/api/exit-statistics.xlsx?benefits=kontanthjaelp&from=2024-01&to=2025-12",
    );
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });
});
