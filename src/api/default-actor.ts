import type { Actor, ActorResolver } from "./auth.ts";

/**
 * Until sign-in exists every request acts as the installation's analyst. Person-level permission
 * follows the setting that switches person lists on (off by default).
 */
export function defaultActorResolver(personLevel: boolean): ActorResolver {
  const actor: Actor = { id: "analytiker", name: "Analytiker", role: "analytiker", personLevel };
  return async () => actor;
}
