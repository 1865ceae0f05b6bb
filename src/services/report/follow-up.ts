/**
 * "Opfølgning på mål" for one project in the web app: the project's part of the committee report's
 * model (the same goals, sentences, footnotes, grid and charts), never suppressed (the app is
 * internal; publication is a property of a report).
 */
import type { Month } from "../../domain/calendar.ts";
import { notFound } from "../../domain/errors.ts";
import type { Db } from "../../store/db.ts";
import { getProject } from "../../store/repositories/projects.ts";
import { buildReportModel } from "./model.ts";

export async function goalFollowUp(db: Db, projectId: number, month?: Month) {
  if (!(await getProject(db, projectId))) throw notFound("Projektet");
  const model = await buildReportModel(db, { month, projectIds: [projectId] });
  const project = model.projects[0];
  if (!project) throw notFound("Projektet");
  return {
    month: model.front.month,
    monthText: model.front.monthText,
    extractionText: model.front.extractionText,
    project,
  };
}
