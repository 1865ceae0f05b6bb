import * as client from "openid-client";
import type { OidcConfig } from "../api/oidc.ts";
import { ROLES, type Role } from "../domain/access.ts";
import type { Db } from "../store/db.ts";
import {
  insertUser,
  type UserRow,
  updateUser,
  userBySubject,
  userByUsername,
} from "../store/repositories/access.ts";
import { writeAudit } from "../store/repositories/audit.ts";

/**
 * Single sign-on: OpenID Connect authorization code flow with PKCE (openid-client). The provider's
 * claim (`roleClaim`, e.g. groups) decides the role at every sign-in: the identity provider is where
 * a municipality grants and removes access, so a user removed from every mapped group cannot sign in.
 */
let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (discovered?.key !== key) {
    const url = new URL(oidc.issuer);
    // a provider on loopback over plain HTTP is only for tests and development
    const insecure = url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    const config = client.discovery(
      url,
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    config.catch(() => {
      discovered = undefined;
    });
    discovered = { key, config };
  }
  return discovered.config;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

/** Where to send the browser, and what to remember until it comes back. */
export async function startLogin(oidc: OidcConfig): Promise<{ url: URL; pending: PendingLogin }> {
  const config = await configuration(oidc);
  const verifier = client.randomPKCECodeVerifier();
  const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

export class OidcRefusal extends Error {}

/** The role the claim values map to: the strongest mapped one; null when none is mapped. */
export function roleFromClaims(oidc: OidcConfig, values: string[]): Role | null {
  const mapped = values.map((v) => oidc.roleMap[v]).filter((r): r is Role => r !== undefined);
  return ROLES.find((r) => mapped.includes(r)) ?? null;
}

function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const v = claims[name];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string") return v.split(/[ ,]+/).filter(Boolean);
  return [];
}

/** Finishes the flow: code → tokens (PKCE, state, nonce checked) → the user, created or updated. */
export async function finishLogin(
  db: Db,
  oidc: OidcConfig,
  currentUrl: URL,
  pending: PendingLogin,
  from: { ip: string },
): Promise<UserRow> {
  const config = await configuration(oidc);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
  });
  let claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  const sub = String(claims.sub);
  if (!(oidc.roleClaim in claims)) {
    // many providers put groups and profile in the userinfo answer rather than the ID token
    claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, sub)) };
  }
  const values = claimValues(claims, oidc.roleClaim);
  const role = roleFromClaims(oidc, values);
  const username = String(claims.preferred_username ?? claims.email ?? `sso-${sub}`).toLowerCase();
  if (!role) {
    await writeAudit(db, {
      actor: username,
      action: "sign-in.failure",
      subject: `user:${username}`,
      details: { ...from, method: "oidc", reason: "ingen rolle" },
    });
    throw new OidcRefusal("Din bruger har ingen rolle i Effektspor. Kontakt kommunens administrator.");
  }
  const personLevel = values.some((v) => oidc.personLevelValues.includes(v));
  const name = String(claims.name ?? username);
  let user = await userBySubject(db, sub);
  if (!user) {
    const taken = await userByUsername(db, username);
    user = await insertUser(db, {
      username: taken ? `sso-${sub}`.slice(0, 64) : username,
      name,
      role,
      personLevel,
      oidcSubject: sub,
    });
  } else {
    if (!user.active) throw new OidcRefusal("Din bruger er deaktiveret i Effektspor.");
    user = (await updateUser(db, user.id, { role, personLevel, name }))!;
  }
  await writeAudit(db, {
    actor: user.username,
    action: "sign-in",
    subject: `user:${user.username}`,
    details: { ...from, method: "oidc", role },
  });
  return user;
}
