import type { Context } from "hono";
import { ApiError } from "./errors.ts";

/**
 * The single authorization seam every route passes through. Who is asking comes from
 * `resolveActor` (today: a configured default actor; with sign-in: the session), and whether they may
 * perform an action comes from `permits`. The users-and-roles work fills these two in; routes only
 * name their action.
 */
export type Role = "analytiker" | "projektleder" | "leder" | "politiker" | "admin";

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** may see person-level lists (borgeroverblik) */
  personLevel: boolean;
}

export type Action =
  | "read" // aggregates: projects, indicators, values, reports
  | "edit-project" // projects, indicators, targets, manual values, comments
  | "import" // snapshots
  | "compute"
  | "edit-economics"
  | "freeze" // freeze values reported to the committee
  | "read-persons" // person-level lists
  | "admin";

const allowedByRole: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>(["read", "edit-project", "import", "compute", "edit-economics", "freeze", "admin"]),
  analytiker: new Set<Action>(["read", "edit-project", "import", "compute", "edit-economics", "freeze"]),
  projektleder: new Set<Action>(["read", "edit-project"]),
  leder: new Set<Action>(["read"]),
  politiker: new Set<Action>(["read"]),
};

export function permits(actor: Actor, action: Action): boolean {
  if (action === "read-persons") return actor.personLevel;
  return allowedByRole[actor.role].has(action);
}

export type ActorResolver = (c: Context) => Promise<Actor | null>;

export function authorize(actor: Actor | null, action: Action): Actor {
  if (!actor) throw new ApiError("unauthenticated", "Du skal logge ind");
  if (!permits(actor, action)) throw new ApiError("forbidden", "Du har ikke adgang til denne handling");
  return actor;
}
