/**
 * Use case: the exit statistics (afgangsstatistik) for the chosen benefits, categories and months,
 * on the latest snapshot, grouped by a saved grouping of exit reasons when one is named.
 */
import { InvalidFieldError, NotFoundError, notFound } from "../domain/errors.ts";
import { resolveSnapshot } from "../engine/snapshots.ts";
import type { Db } from "../store/db.ts";
import { getOutcomeGroupSet } from "../store/repositories/outcome-groups.ts";
import { type ExitStatisticsReport, exitStatistics } from "./exit-statistics.ts";

export interface ExitReportQuery {
  benefits: string[];
  categories?: string[];
  from: string;
  to: string;
  groupSet?: string;
}

export async function exitReport(
  db: Db,
  dataDir: string,
  query: ExitReportQuery,
): Promise<ExitStatisticsReport> {
  if (query.from > query.to) throw new InvalidFieldError("Fra-måneden skal ligge før til-måneden", "from");
  let groups: { name: string; reasons: string[] }[] = [];
  if (query.groupSet) {
    const set = await getOutcomeGroupSet(db, query.groupSet);
    if (!set) throw notFound(`Grupperingen «${query.groupSet}»`);
    groups = set.groups;
  }
  const snapshot = await latestSnapshot(dataDir);
  return exitStatistics(
    snapshot.dir,
    { benefits: query.benefits, categories: query.categories, from: query.from, to: query.to },
    {
      groups,
      groupSet: query.groupSet ?? null,
      snapshot: { id: snapshot.id, extractionDate: snapshot.manifest.extractionDate },
    },
  );
}

async function latestSnapshot(dataDir: string) {
  try {
    return await resolveSnapshot(dataDir);
  } catch (e) {
    throw new NotFoundError(e instanceof Error ? e.message : "Der er ingen snapshots; importér data først");
  }
}
