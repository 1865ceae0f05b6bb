import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../src/demo/users.ts";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

describe("sign-in page in Chromium (demo installation, signed out)", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-signin-", undefined, { signInAs: null });

  it("lists the demo's accounts, signs in as læser, hides what the role may not, and signs out", async () => {
    const { page } = e2e;
    await page.goto(e2e.server.directUrl);
    await page.getByRole("heading", { name: "Log ind i Effektspor" }).waitFor();
    // demo mode: one account per role with the published password
    const demo = page.getByRole("region", { name: "Demoens brugere" });
    for (const u of DEMO_USERS) await demo.getByRole("cell", { name: u.username, exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Brugernavn", { exact: true }).fill("laeser");
    await page.getByLabel("Adgangskode", { exact: true }).fill("forkert-adgangskode");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("alert").filter({ hasText: "Forkert brugernavn eller adgangskode" }).waitFor();

    await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByText("Demo Læser (Læser)").waitFor();
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await nav.getByRole("link", { name: "Overblik" }).waitFor();
    expect(await nav.getByRole("link", { name: "Brugere" }).count()).toBe(0);
    // the API refuses what the UI hides: a læser cannot create a project
    const refused = await page.evaluate(async () => {
      const s = await (await fetch("/api/session")).json();
      const res = await fetch("/api/projects", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": s.csrfToken },
        body: JSON.stringify({ code: "nej", name: "Nej" }),
      });
      return res.status;
    });
    expect(refused).toBe(403);
    // the Data page shows a læser the snapshot in use, not the import form
    await page.goto(`${e2e.server.directUrl}/data`);
    await page.getByRole("heading", { name: "Snapshot i brug" }).waitFor();
    expect(await page.getByRole("heading", { name: "Importér udtræk" }).count()).toBe(0);

    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await page.getByRole("heading", { name: "Log ind i Effektspor" }).waitFor();
  });

  it("serves the built app without inline scripts, under the strict CSP", async () => {
    const res = await fetch(e2e.server.directUrl);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self';");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe("");
    }
  });

  it("shows the administrator the users and the audit log with the sign-ins", async () => {
    const { page } = e2e;
    await page.getByLabel("Brugernavn", { exact: true }).fill("admin");
    await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("link", { name: "Brugere" }).click();
    await page.getByRole("heading", { name: "Alle brugere" }).waitFor();
    await page.getByRole("cell", { name: "projektleder", exact: true }).waitFor();
    await page.getByRole("link", { name: "Revisionslog" }).click();
    await page.getByLabel("Handling (fx sign-in, read-persons, edit-project)").fill("sign-in");
    await page.getByRole("button", { name: "Søg" }).click();
    // laeser's failure and sign-in, admin's sign-in (newest first)
    await page.getByRole("cell", { name: "sign-in.failure" }).first().waitFor();
    expect(await page.getByRole("cell", { name: "sign-in", exact: true }).count()).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
