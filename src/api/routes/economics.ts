import type { ApiRouter } from "../router.ts";

/** Routes for: prices, staircase, potential, business cases, måltal. */
export function economicsRoutes(_router: ApiRouter): void {}
