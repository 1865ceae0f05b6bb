import type { ApiRouter } from "../router.ts";

/** Routes for: computation, provenance, person lists, exit statistics, freezing. */
export function engineRoutes(_router: ApiRouter): void {}
