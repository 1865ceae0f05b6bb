/**
 * `effektspor report --month YYYY-MM [--projects a,b] [--publication] --format pdf|docx|xlsx
 * --out FILE [--data-dir DIR]`: the committee report for a month (issue 12), from the same model
 * as the Rapporter page. Projects are named by code (as in markers: flere-i-job) or id; default all.
 * Progress goes to stderr, so stdout stays clean. Exit 0 on success, 1 when the report could not be
 * made, 2 on bad arguments.
 */
import { writeFileSync } from "node:fs";
import { isMonth } from "../../domain/calendar.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatNumber } from "../../domain/format.ts";
import { generateReport, REPORT_FORMATS, type ReportFormat } from "../../services/report/reports.ts";
import { listProjects } from "../../store/repositories/projects.ts";
import { parseCommandArgs } from "../command-args.ts";
import { withCommandStore } from "../command-store.ts";

const usage =
  "Brug: effektspor report --month ÅÅÅÅ-MM [--projects kode,kode] [--publication] --format pdf|docx|xlsx --out FIL [--data-dir MAPPE]";

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs<{
    month?: string;
    projects?: string;
    publication?: boolean;
    format?: string;
    out?: string;
    "data-dir"?: string;
  }>(
    args,
    {
      month: { type: "string" },
      projects: { type: "string" },
      publication: { type: "boolean" },
      format: { type: "string" },
      out: { type: "string" },
      "data-dir": { type: "string" },
    },
    usage,
  );
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  if (values.month !== undefined && !isMonth(values.month)) {
    console.error(`Ugyldig måned «${values.month}»: skriv ÅÅÅÅ-MM, fx 2025-10.\n${usage}`);
    return 2;
  }
  if (!values.format || !REPORT_FORMATS.includes(values.format as ReportFormat)) {
    console.error(`Angiv --format pdf, docx eller xlsx.\n${usage}`);
    return 2;
  }
  if (!values.out) {
    console.error(`Tilvalget --out mangler.\n${usage}`);
    return 2;
  }
  const out = values.out;
  return withCommandStore(values["data-dir"], async (store) => {
    try {
      let projectIds: number[] | undefined;
      if (values.projects) {
        const all = await listProjects(store.db);
        projectIds = [];
        for (const name of values.projects
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)) {
          const p = all.find((x) => x.code === name || String(x.id) === name);
          if (!p) {
            console.error(`Ukendt projekt «${name}». Projekterne er: ${all.map((x) => x.code).join(", ")}`);
            return 2;
          }
          projectIds.push(p.id);
        }
      }
      const started = performance.now();
      const report = await generateReport(
        store.db,
        {
          month: values.month,
          projectIds,
          publication: values.publication ?? false,
          format: values.format as ReportFormat,
        },
        (p) => console.error(`[${formatNumber(p.fraction * 100, 0).padStart(3)} %] ${p.step}`),
      );
      writeFileSync(out, report.bytes);
      const m = report.model;
      console.error(
        `Skrev ${out}: ${m.front.title}, ${m.front.monthText}, ${m.projects.length} projekter, ${formatNumber(report.bytes.length / 1024, 0)} kB på ${formatNumber((performance.now() - started) / 1000, 1)} s${m.front.publication ? " (til offentliggørelse)" : ""}`,
      );
      return 0;
    } catch (e) {
      if (e instanceof DomainError) {
        console.error(`Rapporten kunne ikke dannes: ${e.message}`);
        return 1;
      }
      throw e;
    }
  });
}
