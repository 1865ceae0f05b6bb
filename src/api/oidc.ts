import type { Role } from "./auth.ts";

/** Single sign-on with the municipality's identity provider (OpenID Connect), from the environment. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** where the provider sends the browser back: https://<host>/api/oidc/callback */
  redirectUri: string;
  /** the claim that holds the user's groups or roles, e.g. "groups" or "roles" */
  roleClaim: string;
  /** claim value → role; the first match in role order wins (administrator before analytiker …) */
  roleMap: Record<string, Role>;
  /** claim values that give the permission borgerdata */
  personLevelValues: string[];
  scope: string;
  /** the button's text on the sign-in page */
  label: string;
}

/**
 * EFFEKTSPOR_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URI, _ROLE_CLAIM (default "groups"),
 * _ROLE_MAP ("group=role,group=role"), _BORGERDATA ("group,group"), _SCOPE, _LABEL. Null when no issuer.
 */
export function oidcConfigFromEnv(env = process.env): OidcConfig | null {
  const issuer = env.EFFEKTSPOR_OIDC_ISSUER;
  if (!issuer) return null;
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new Error(`${k} skal sættes, når EFFEKTSPOR_OIDC_ISSUER er sat`);
    return v;
  };
  const roleMap: Record<string, Role> = {};
  for (const pair of (env.EFFEKTSPOR_OIDC_ROLE_MAP ?? "").split(",").filter(Boolean)) {
    const [value, role] = pair.split("=").map((s) => s.trim());
    if (!value || !role || !["administrator", "analytiker", "projektleder", "laeser"].includes(role)) {
      throw new Error(
        `EFFEKTSPOR_OIDC_ROLE_MAP: «${pair}» skal være gruppe=rolle (administrator, analytiker, projektleder, laeser)`,
      );
    }
    roleMap[value] = role as Role;
  }
  return {
    issuer,
    clientId: need("EFFEKTSPOR_OIDC_CLIENT_ID"),
    clientSecret: env.EFFEKTSPOR_OIDC_CLIENT_SECRET || undefined,
    redirectUri: need("EFFEKTSPOR_OIDC_REDIRECT_URI"),
    roleClaim: env.EFFEKTSPOR_OIDC_ROLE_CLAIM || "groups",
    roleMap,
    personLevelValues: (env.EFFEKTSPOR_OIDC_BORGERDATA ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    scope: env.EFFEKTSPOR_OIDC_SCOPE || "openid profile email",
    label: env.EFFEKTSPOR_OIDC_LABEL || "Log ind med kommunens login",
  };
}
