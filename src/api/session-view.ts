import type { Context } from "hono";
import { DEMO_PASSWORD } from "../demo/users.ts";
import { ACTIONS, ROLE_LABELS } from "../domain/access.ts";
import { listUsers } from "../services/accounts.ts";
import { countUsers } from "../store/repositories/access.ts";
import { type Actor, permits } from "./auth.ts";
import type { SessionResponse } from "./contract/access.ts";
import type { AppDeps } from "./router.ts";
import { authConfigFromEnv, csrfTokenFor } from "./session.ts";

/** What GET /api/session answers: who is signed in, what they may do, how to sign in otherwise. */
export async function sessionView(c: Context, deps: AppDeps, actor: Actor | null): Promise<SessionResponse> {
  const auth = deps.config.auth ?? authConfigFromEnv();
  const demoAccounts = auth.demoMode
    ? (await listUsers(deps.store.db))
        .filter((u) => u.demoAccount && u.active)
        .map((u) => ({ username: u.username, role: u.role, password: DEMO_PASSWORD }))
    : [];
  const user = actor?.id
    ? {
        username: actor.id,
        name: actor.name,
        role: actor.role,
        roleLabel: ROLE_LABELS[actor.role],
        personLevel: actor.personLevel,
        leads: [...(actor.leads ?? [])],
        permissions: ACTIONS.filter((a) => a !== "session" && rolePermits(actor, a)),
      }
    : null;
  return {
    signedIn: user !== null,
    user,
    csrfToken: user ? (csrfTokenFor(c) ?? null) : null,
    demoAccounts,
    oidc: { enabled: auth.oidc !== null, label: auth.oidc?.label ?? "" },
    noUsers: (await countUsers(deps.store.db)) === 0,
  };
}

/** the action at all (a projektleder's «edit-project» holds for the projects they lead) */
function rolePermits(actor: Actor, action: (typeof ACTIONS)[number]): boolean {
  if (action === "edit-project" && actor.role === "projektleder") return (actor.leads ?? []).length > 0;
  return permits(actor, action);
}
