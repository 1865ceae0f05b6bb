import { createServer, type Server } from "node:http";
import type { Hono } from "hono";
import Provider from "oidc-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { roleFromClaims } from "../services/oidc.ts";
import { describeEachStore } from "../store/testing.ts";
import { createApp } from "./app.ts";
import type { OidcConfig } from "./oidc.ts";
import { authConfigFromEnv, sessionActorResolver } from "./session.ts";

const APP = "http://effektspor.test";

/** A cookie jar good enough for one provider on one host: name → value. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const value = pair!.slice(i + 1);
      if (value) this.cookies.set(pair!.slice(0, i), value);
      else this.cookies.delete(pair!.slice(0, i));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

describeEachStore(
  "single sign-on (OpenID Connect, code flow with PKCE) against a local provider",
  (getStore) => {
    let server: Server;
    let issuer: string;
    let app: Hono;
    let oidc: OidcConfig;
    let groups = ["effektspor-analytikere", "borgerdata"];

    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
      const port = (server.address() as { port: number }).port;
      issuer = `http://127.0.0.1:${port}`;
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: "effektspor",
            client_secret: "en-hemmelig-klientnoegle-til-test",
            redirect_uris: [`${APP}/api/oidc/callback`],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        findAccount: async (_ctx: unknown, id: string) => ({
          accountId: id,
          claims: async () => ({ sub: id, name: "Sara Sso", preferred_username: "sara.sso", groups }),
        }),
        claims: { openid: ["sub"], profile: ["name", "preferred_username", "groups"] },
        cookies: { keys: ["en-noegle-til-testens-cookies"] },
      });
      server.on("request", provider.callback());
      oidc = {
        issuer,
        clientId: "effektspor",
        clientSecret: "en-hemmelig-klientnoegle-til-test",
        redirectUri: `${APP}/api/oidc/callback`,
        roleClaim: "groups",
        roleMap: { "effektspor-analytikere": "analytiker", "effektspor-admin": "administrator" },
        personLevelValues: ["borgerdata"],
        scope: "openid profile",
        label: "Log ind med kommunens login",
      };
      const store = getStore();
      const auth = { ...authConfigFromEnv({}), oidc };
      app = createApp({
        store,
        dataDir: tempDir("effektspor-oidc-"),
        config: { personListsEnabled: false, auth },
        resolveActor: sessionActorResolver(store, auth),
      });
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** The browser's part: to the provider, sign in as `account`, consent, back to the callback. */
    async function signInThroughProvider(account: string): Promise<Response> {
      const start = await app.request(`${APP}/api/oidc/login`);
      expect(start.status).toBe(302);
      const appCookie = start.headers.get("set-cookie")!.split(";")[0]!;
      let next = new URL(start.headers.get("location")!);
      expect(next.origin).toBe(issuer);
      expect(next.searchParams.get("code_challenge_method")).toBe("S256");
      const jar = new Jar();
      for (let hop = 0; hop < 12; hop++) {
        if (next.origin === APP) return app.request(next.href, { headers: { cookie: appCookie } });
        let res = await fetch(next, { redirect: "manual", headers: { cookie: jar.header() } });
        jar.take(res);
        if (res.status === 200 && next.pathname.startsWith("/interaction/")) {
          const html = await res.text();
          const form: Record<string, string> = html.includes('name="login"')
            ? { prompt: "login", login: account, password: "ligegyldig" }
            : { prompt: "consent" };
          res = await fetch(next, {
            method: "POST",
            redirect: "manual",
            headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(form),
          });
          jar.take(res);
        }
        next = new URL(res.headers.get("location")!, next);
      }
      throw new Error("for mange omdirigeringer");
    }

    it("signs in through the real client: the user is created with the group's role and borgerdata", async () => {
      const back = await signInThroughProvider("sara-1");
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toBe("/");
      const cookie = back.headers.get("set-cookie")!.split(";")[0]!;
      const session = await (await app.request("/api/session", { headers: { cookie } })).json();
      expect(session.user).toMatchObject({
        username: "sara.sso",
        name: "Sara Sso",
        role: "analytiker",
        personLevel: true,
      });
    });

    it("takes the role from the provider at every sign-in, and refuses a user without a mapped group", async () => {
      groups = ["effektspor-admin"];
      const again = await signInThroughProvider("sara-1");
      const cookie = again.headers.get("set-cookie")!.split(";")[0]!;
      const session = await (await app.request("/api/session", { headers: { cookie } })).json();
      expect(session.user).toMatchObject({ username: "sara.sso", role: "administrator", personLevel: false });
      groups = ["kantinen"];
      const refused = await signInThroughProvider("sara-1");
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toMatch(/ingen rolle i Effektspor/);
    });

    it("maps the strongest mapped group to the role", () => {
      expect(roleFromClaims(oidc, ["effektspor-analytikere", "effektspor-admin"])).toBe("administrator");
      expect(roleFromClaims(oidc, ["x"])).toBeNull();
    });
  },
);
