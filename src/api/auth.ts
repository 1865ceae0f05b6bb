import type { Context } from "hono";
/**
 * The single authorization seam every route passes through. Who is asking comes from
 * `resolveActor` (the session cookie, src/api/session.ts; tests may pass a fixed actor), and whether
 * they may perform an action comes from `permits`. Routes only name their action; the router adds
 * the project a project-scoped edit concerns (`ResourceScope`), so a projektleder may edit only the
 * projects they lead.
 */
import type { Action, Role } from "../domain/access.ts";
import { ROLES } from "../domain/access.ts";
import { ApiError } from "./errors.ts";

export { ACTIONS, type Action, ROLE_LABELS, ROLES, type Role } from "../domain/access.ts";

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** the permission «borgerdata»: may see and export person-level lists (borgeroverblik) */
  personLevel: boolean;
  /** the projects this actor leads (projektleder: the only ones they may edit) */
  leads?: readonly number[];
  /** the signed-in user's id in the store (absent for fixed test actors) */
  userId?: number;
}

const ANALYST: Action[] = [
  "read",
  "edit-project",
  "manage-projects",
  "import",
  "compute",
  "edit-economics",
  "freeze",
  "report",
];

const allowedByRole: Record<Role, ReadonlySet<Action>> = {
  administrator: new Set<Action>([...ANALYST, "admin"]),
  analytiker: new Set<Action>(ANALYST),
  projektleder: new Set<Action>(["read", "edit-project"]),
  laeser: new Set<Action>(["read"]),
};

/** What an action concerns, when the route names one: the project a project-scoped edit touches. */
export interface ResourceScope {
  projectId?: number | null;
}

/**
 * May `actor` perform `action` (on `scope`)? «borgerdata» is a permission of its own, given to a user
 * of any role. A projektleder's «edit-project» needs a project they lead; without a project in scope
 * (a route that does not name one) it is refused, so a new route fails safe.
 */
export function permits(actor: Actor, action: Action, scope: ResourceScope = {}): boolean {
  if (action === "session") return true;
  if (action === "read-persons") return actor.personLevel;
  if (!allowedByRole[actor.role].has(action)) return false;
  if (action === "edit-project" && actor.role === "projektleder") {
    return scope.projectId != null && (actor.leads ?? []).includes(scope.projectId);
  }
  return true;
}

/** Roles that hold `action` at all (projektleder counts for «edit-project» on their own projects). */
export function rolesPermitting(action: Action): Role[] {
  return ROLES.filter((r) => allowedByRole[r].has(action));
}

export type ActorResolver = (c: Context) => Promise<Actor | null>;

export function authorize(actor: Actor | null, action: Action, scope: ResourceScope = {}): Actor {
  if (action === "session") return actor ?? anonymous;
  if (!actor) throw new ApiError("unauthenticated", "Du skal logge ind");
  if (!permits(actor, action, scope)) {
    throw new ApiError(
      "forbidden",
      action === "read-persons"
        ? "Du har ikke adgang til personlister (borgeroverblik)"
        : "Du har ikke adgang til denne handling",
    );
  }
  return actor;
}

/** Who a «session» route sees when nobody is signed in. */
export const anonymous: Actor = { id: "", name: "", role: "laeser", personLevel: false };
