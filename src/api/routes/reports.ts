import { goalFollowUp } from "../../services/report/follow-up.ts";
import { defaultReportMonth } from "../../services/report/model.ts";
import {
  approvedReportFile,
  approvedReports,
  approveReport,
  reportJob,
  reportJobFile,
  startReportJob,
} from "../../services/report/reports.ts";
import { idParam } from "../contract/common.ts";
import { followUpQuery, jobIdParam, reportJobBody, responses as reports } from "../contract/reports.ts";
import type { ApiRouter } from "../router.ts";

function fileResponse(bytes: Uint8Array, contentType: string, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${fileName}"` },
  });
}

/** Routes for the committee report: generate (job), approve, list, open; the project's goal follow-up. */
export function reportsRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "post",
      path: "/reports/jobs",
      summary:
        "Dan udvalgsrapporten for en måned som PDF, Word eller Excel (følg den på /reports/jobs/:jobId)",
      tag: "Rapporter",
      action: "read",
      body: reportJobBody,
      status: 201,
      response: reports.job,
    },
    async ({ body, actor, deps }) => ({ job: startReportJob(deps.store.db, actor.id, body) }),
  );

  router.route(
    {
      method: "get",
      path: "/reports/jobs/:jobId",
      summary: "Status for en rapport, der dannes (fremdrift, resultat)",
      tag: "Rapporter",
      action: "read",
      params: jobIdParam,
      response: reports.job,
    },
    async ({ params }) => ({ job: reportJob(params.jobId) }),
  );

  router.route(
    {
      method: "get",
      path: "/reports/jobs/:jobId/file",
      summary: "Den dannede (endnu ikke godkendte) rapportfil",
      tag: "Rapporter",
      action: "read",
      params: jobIdParam,
      response: { file: "application/octet-stream" },
    },
    async ({ params }) => {
      const f = reportJobFile(params.jobId);
      return fileResponse(f.bytes, f.contentType, f.fileName);
    },
  );

  router.route(
    {
      method: "post",
      path: "/reports/jobs/:jobId/approve",
      summary:
        "Godkend rapporten til udvalget: tallene indefryses, og filen gemmes uændret med godkender og tidspunkt",
      tag: "Rapporter",
      action: "freeze",
      params: jobIdParam,
      status: 201,
      response: reports.approved,
    },
    async ({ params, actor, deps }) => ({
      report: await approveReport(deps.store.db, deps.dataDir, params.jobId, actor.id),
    }),
  );

  router.route(
    {
      method: "get",
      path: "/reports",
      summary: "Godkendte rapporter (nyeste først) og den måned, en ny rapport dannes for som standard",
      tag: "Rapporter",
      action: "read",
      response: reports.list,
    },
    async ({ deps }) => ({
      reports: await approvedReports(deps.store.db),
      defaultMonth: await defaultReportMonth(deps.store.db),
    }),
  );

  router.route(
    {
      method: "get",
      path: "/reports/:id/file",
      summary: "En godkendt rapports fil, præcis som den blev godkendt",
      tag: "Rapporter",
      action: "read",
      params: idParam,
      response: { file: "application/octet-stream" },
    },
    async ({ params, deps }) => {
      const f = await approvedReportFile(deps.store.db, deps.dataDir, params.id);
      return fileResponse(f.bytes, f.contentType, f.report.fileName);
    },
  );

  router.route(
    {
      method: "get",
      path: "/projects/:id/goal-follow-up",
      summary: "Opfølgning på mål for ét projekt (samme model som udvalgsrapporten)",
      tag: "Rapporter",
      action: "read",
      params: idParam,
      query: followUpQuery,
      response: reports.followUp,
    },
    async ({ params, query, deps }) => goalFollowUp(deps.store.db, params.id, query.month),
  );
}
