/** Reads what src/domain/project-period.ts needs for every project: period, goal and milestone dates. */
import { eq } from "drizzle-orm";
import type { ProjectPeriodInput } from "../domain/project-period.ts";
import { type Db, schema } from "../store/db.ts";

export async function listProjectPeriods(db: Db): Promise<Map<number, ProjectPeriodInput>> {
  const { indicators, milestones, projects } = schema;
  const out = new Map<number, ProjectPeriodInput & { followUpDates: (string | null)[] }>();
  for (const p of await db
    .select({ id: projects.id, start: projects.periodStart, end: projects.periodEnd })
    .from(projects)) {
    out.set(p.id, { periodStart: p.start, periodEnd: p.end, followUpDates: [] });
  }
  for (const i of await db
    .select({ projectId: indicators.projectId, goalDate: indicators.goalDate })
    .from(indicators)) {
    out.get(i.projectId)?.followUpDates.push(i.goalDate);
  }
  for (const m of await db
    .select({ projectId: indicators.projectId, date: milestones.date })
    .from(milestones)
    .innerJoin(indicators, eq(milestones.indicatorId, indicators.id))) {
    out.get(m.projectId)?.followUpDates.push(m.date);
  }
  return out;
}
