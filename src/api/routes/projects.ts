import type { ApiRouter } from "../router.ts";

/** Routes for: projects, indicators, targets, manual values, comments, status schemes, exports. */
export function projectsRoutes(_router: ApiRouter): void {}
