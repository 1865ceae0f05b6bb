import { z } from "zod";
import { computeIndicatorNow } from "../../services/compute-one.ts";
import { planComputation, SnapshotChoiceError, snapshotInUse } from "../../services/snapshot-choice.ts";
import { getIndicator } from "../../store/repositories/projects.ts";
import { responses, snapshotIdQuery } from "../contract/snapshot-use.ts";
import { ApiError, notFound } from "../errors.ts";
import { type ApiRouter, type AppDeps, idParam } from "../router.ts";

const planQuery = snapshotIdQuery;

/** The snapshot the values come from, and what a computation would use (issue 9, item 1). */
export function snapshotUseRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "get",
      path: "/snapshot-in-use",
      summary:
        "Snapshottet, som de viste værdier kommer fra (den seneste vellykkede beregning), og det, Beregn bruger",
      tag: "Beregning",
      action: "read",
      response: responses.snapshotInUse,
    },
    async ({ deps }) => {
      const inUse = await snapshotInUse(deps.store.db, deps.dataDir);
      let next: Awaited<ReturnType<typeof planComputation>> | null = null;
      try {
        next = await planComputation(deps.store.db, deps.dataDir);
      } catch (e) {
        if (!(e instanceof SnapshotChoiceError)) throw e;
      }
      return {
        inUse,
        next: next ? { snapshot: next.snapshot, change: next.change } : null,
      };
    },
  );

  router.route(
    {
      method: "get",
      path: "/compute/plan",
      summary:
        "Hvilket snapshot en beregning vil bruge (det valgte, ellers nyeste udtræksdato), og om skiftet skal bekræftes",
      tag: "Beregning",
      action: "read",
      query: planQuery,
      response: responses.computePlan,
    },
    async ({ query, deps }) => {
      try {
        return await planComputation(deps.store.db, deps.dataDir, { snapshotId: query.snapshot });
      } catch (e) {
        if (e instanceof SnapshotChoiceError) throw new ApiError("not_found", e.message, "snapshot");
        throw e;
      }
    },
  );
}

export function computeOneRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "post",
      path: "/indicators/:id/compute",
      summary:
        "Beregn én beregnet indikator med det samme (efter en gemt definition), på snapshottet i brug, over projektets periode",
      tag: "Beregning",
      action: "compute",
      params: idParam,
      response: responses.computedOne,
    },
    async ({ params, actor, deps }) => {
      const ind = await getIndicator(deps.store.db, params.id);
      if (!ind) throw notFound("Indikatoren");
      if (ind.kind !== "computed") {
        throw new ApiError("bad_request", `«${ind.name}» er en manuel indikator; den beregnes ikke`);
      }
      try {
        const s = await computeIndicatorNow(deps.store.db, deps.dataDir, ind.id, actor.id);
        return {
          status: s.status,
          error: s.error ?? null,
          warnings: s.warnings,
          valueCount: s.valueCount,
          snapshot: s.snapshot ?? null,
          range: s.range ?? null,
        };
      } catch (e) {
        if (e instanceof SnapshotChoiceError) throw new ApiError("conflict", e.message);
        throw e;
      }
    },
  );
}

/**
 * The body of POST /compute: `{ snapshotId?, confirm? }` (both optional; an empty body is the
 * default computation). Checks the plan: a change that must be confirmed without `confirm: true`
 * is refused (409) with the reasons in Danish.
 */
export async function checkedComputePlan(
  c: { req: { text(): Promise<string> } },
  deps: AppDeps,
): Promise<{ snapshotId: string }> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError("bad_request", "Forespørgslens indhold er ikke gyldig JSON");
    }
  }
  const parsed = z
    .object({ snapshotId: planQuery.shape.snapshot, confirm: z.boolean().optional() })
    .safeParse(raw);
  if (!parsed.success) throw new ApiError("bad_request", "Ugyldigt snapshot-id eller confirm", "snapshotId");
  let plan: Awaited<ReturnType<typeof planComputation>>;
  try {
    plan = await planComputation(deps.store.db, deps.dataDir, { snapshotId: parsed.data.snapshotId });
  } catch (e) {
    if (e instanceof SnapshotChoiceError) throw new ApiError("not_found", e.message, "snapshotId");
    throw e;
  }
  if (plan.change.needsConfirmation && parsed.data.confirm !== true) {
    throw new ApiError(
      "conflict",
      `${plan.change.reasons.join(" ")} Bekræft for at erstatte værdierne (confirm: true).`,
      "confirm",
    );
  }
  return { snapshotId: plan.snapshot.id };
}
