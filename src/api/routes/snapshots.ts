import type { ApiRouter } from "../router.ts";

/** Routes for: snapshot catalogue, upload/import, validation reports. */
export function snapshotsRoutes(_router: ApiRouter): void {}
