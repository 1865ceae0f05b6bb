/** Contract of computation, provenance, person lists, freezing, outcome groups and exit statistics. */
import { z } from "zod";
import type { ExitStatisticsReport } from "../../services/exit-statistics.ts";
import { idText, month, timestamp, typed } from "./common.ts";

export type { ExitStatisticsReport } from "../../services/exit-statistics.ts";

export const valueParams = z.object({ id: idText, period: month });

const commaList = z
  .string()
  .min(1, "Vælg mindst én")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const exitQuery = z.object({
  benefits: commaList,
  categories: commaList.optional(),
  from: month,
  to: month,
  groupSet: z.string().optional(),
});

export const definitionValidateBody = z.object({
  yaml: z.string().optional(),
  definition: z.unknown().optional(),
});
export const freezeBody = z.object({ period: month, reportLabel: z.string().max(200).optional() });

export const outcomeGroupSetBody = z.object({
  name: z.string().trim().min(1, "Grupperingen skal have et navn").max(200),
  groups: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Gruppen skal have et navn"),
        reasons: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Skal være en afslutningsårsag (kode)")),
      }),
    )
    .min(1, "Grupperingen skal have mindst én gruppe"),
});

export const computation = z.object({
  id: z.number().int(),
  snapshotId: z.string().nullable(),
  status: z.enum(["running", "ok", "failed"]),
  error: z.string().nullable(),
  fromPeriod: z.string().nullable(),
  toPeriod: z.string().nullable(),
  indicatorCount: z.number().int(),
  valueCount: z.number().int(),
  durationMs: z.number().int().nullable(),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  progressStep: z.string().nullable(),
  warnings: z.array(z.object({ indicator: z.string(), message: z.string() })),
  startedBy: z.string(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type ComputationDto = z.infer<typeof computation>;

const revisionPair = z.object({ old: z.number().nullable(), new: z.number().nullable() });

export const provenance = z.object({
  indicator: z.object({ id: z.number().int(), code: z.string(), name: z.string(), unit: z.string() }),
  period: z.string(),
  description: z.string().nullable(),
  result: z.enum(["share", "count", "rest"]),
  definition: z.record(z.string(), z.unknown()).nullable(),
  sql: z.string(),
  snapshotId: z.string().nullable(),
  extractionDate: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  computedAt: timestamp,
  computationId: z.number().int().nullable(),
  definitionVersion: z.number().int(),
  currentDefinitionVersion: z.number().int(),
  definitionHash: z.string(),
  frozen: z.object({ value: z.number().nullable(), frozenAt: timestamp, frozenBy: z.string() }).nullable(),
  revision: revisionPair.nullable(),
  /** the engine can list the persons behind this number (shown only with person-level permission) */
  personListAvailable: z.boolean(),
});
export type Provenance = z.infer<typeof provenance>;

export const revision = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  name: z.string(),
  period: z.string(),
  old: z.number().nullable(),
  new: z.number().nullable(),
  frozenAt: timestamp,
  frozenBy: z.string(),
});
export type RevisionDto = z.infer<typeof revision>;

export const personRow = z.object({
  personKey: z.string(),
  age: z.number().nullable(),
  benefit: z.string(),
  category: z.string().nullable(),
  durationDays: z.number(),
  activity: z.string().nullable(),
});

export const outcomeGroupSet = z.object({
  id: z.number().int(),
  name: z.string(),
  groups: z.array(z.object({ name: z.string(), reasons: z.array(z.string()) })),
});
export type OutcomeGroupSetDto = z.infer<typeof outcomeGroupSet>;

const definitionError = z.object({ path: z.string(), message: z.string() });

export const responses = {
  computationStarted: z.object({ computation }),
  computationStatus: z.object({
    computation: computation.nullable(),
    lastSuccessful: computation.nullable(),
  }),
  provenance,
  definitionValidation: z.object({
    value: z.array(z.record(z.string(), z.unknown())),
    errors: z.array(definitionError),
    stored: z.record(z.string(), z.unknown()).optional(),
    descriptions: z.array(z.string()),
  }),
  freeze: z.object({ period: z.string(), frozen: z.number().int(), alreadyFrozen: z.number().int() }),
  revisions: z.object({ revisions: z.array(revision) }),
  persons: z.object({
    indicator: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    period: z.string(),
    snapshotId: z.string(),
    count: z.number().int(),
    persons: z.array(personRow),
  }),
  groupSets: z.object({ groupSets: z.array(outcomeGroupSet) }),
  groupSet: z.object({ groupSet: outcomeGroupSet }),
  groupSetDeleted: z.object({ deleted: z.string() }),
  exitStatistics: typed<ExitStatisticsReport>("exits per exit reason and year, with outcome groups"),
};

/** a grouping of exit reasons, named in the path */
export const groupSetNameParam = z.object({ name: z.string().min(1) });
