/** Contract of the projects resource: projects, indicators, targets, manual values, comments, status schemes. */
import { z } from "zod";
import { monthSchema } from "../../domain/projects.ts";
import type { OverviewProject, SchemeRow, StatusScheme } from "../../services/status-scheme.ts";
import { idText, isoDate, timestamp, typed } from "./common.ts";

/** Request bodies: the domain's input schemas (src/domain/projects.ts), named here as the contract. */
export {
  commentInputSchema as commentBody,
  indicatorCreateSchema as indicatorCreateBody,
  indicatorUpdateSchema as indicatorUpdateBody,
  manualValueInputSchema as manualValueBody,
  projectCreateSchema as projectCreateBody,
  projectUpdateSchema as projectUpdateBody,
  targetInputSchema as targetBody,
} from "../../domain/projects.ts";
export type {
  ForecastLinePoint,
  OverviewIndicator,
  OverviewProject,
  SchemeCell,
  SchemeColumn,
  SchemeForecast,
  SchemeIndicator,
  SchemeRow,
  StatusScheme,
  TargetForecastView,
} from "../../services/status-scheme.ts";

export const periodParam = z.object({ id: idText, period: monthSchema });
export const rangeQuery = z.object({ from: monthSchema.optional(), to: monthSchema.optional() });

export const project = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  committee: z.string(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  background: z.string(),
  targetGroups: z.array(z.string()),
  activities: z.array(z.string()),
  shortTermGoals: z.array(z.string()),
  longTermGoals: z.array(z.string()),
  investment: z.object({
    text: z.string().optional(),
    staff: z.number().optional(),
    costPerYear: z.number().optional(),
    years: z.number().optional(),
  }),
  relatedProjects: z.array(z.string()),
  dataSources: z.array(z.string()),
  notes: z.string(),
  footnotes: z.array(z.string()),
  sortOrder: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ProjectDto = z.infer<typeof project>;

export const milestone = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  date: isoDate,
  value: z.number().nullable(),
  label: z.string().nullable(),
});

export const indicator = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  groupLabel: z.string().nullable(),
  unit: z.string(),
  better: z.string(),
  kind: z.string(),
  definition: z.record(z.string(), z.unknown()).nullable(),
  definitionVersion: z.number().int(),
  breakMonth: z.string().nullable(),
  baselineValue: z.number().nullable(),
  baselineDate: isoDate.nullable(),
  baselineSource: z.string().nullable(),
  baselineNote: z.string().nullable(),
  baselineCount: z.number().nullable(),
  goalKind: z.string(),
  goalValue: z.number().nullable(),
  goalDate: isoDate.nullable(),
  goalText: z.string().nullable(),
  sortOrder: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  milestones: z.array(milestone),
});
export type IndicatorDto = z.infer<typeof indicator>;

export const target = z.object({
  baseline: z.object({
    value: z.number().nullable(),
    date: isoDate.nullable(),
    source: z.string().nullable(),
    note: z.string().nullable(),
    count: z.number().nullable(),
  }),
  milestones: z.array(
    z.object({ date: isoDate, value: z.number().nullable(), label: z.string().nullable() }),
  ),
  goal: z.object({
    kind: z.string(),
    value: z.number().nullable(),
    date: isoDate.nullable(),
    text: z.string().nullable(),
  }),
});

const schemeRow = typed<SchemeRow>("the indicator's row of the status scheme after the edit").nullable();

export const manualValue = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  period: z.string(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: timestamp,
});

export const comment = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  period: z.string(),
  comment: z.string(),
  author: z.string(),
  updatedAt: timestamp,
});

export const indicatorValues = z.object({
  kind: z.string(),
  values: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      source: z.enum(["computed", "manual"]),
      note: z.string().nullable().optional(),
      enteredBy: z.string().optional(),
      enteredAt: timestamp.optional(),
    }),
  ),
});

export const responses = {
  overview: z.object({
    projects: typed<OverviewProject[]>("every project with its indicators' latest status"),
  }),
  projects: z.object({ projects: z.array(project.extend({ indicatorCount: z.number().int() })) }),
  project: z.object({ project }),
  projectWithIndicators: z.object({ project, indicators: z.array(indicator) }),
  indicators: z.object({ indicators: z.array(indicator) }),
  indicator: z.object({ indicator }),
  indicatorWithRow: z.object({ indicator, row: schemeRow }),
  target: z.object({ target }),
  values: indicatorValues,
  manualValue: z.object({ value: manualValue, row: schemeRow }),
  manualValueDeleted: z.object({ deleted: z.literal(true), row: schemeRow }),
  comments: z.object({ comments: z.array(comment) }),
  comment: z.object({ comment: comment.nullable() }),
  statusScheme: typed<StatusScheme>("indicators × months with baseline, milestones, status and comments"),
};
