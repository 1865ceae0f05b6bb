/** Contract of the economics resource: prices, staircase, potential, business cases, måltal. */
import { z } from "zod";
import { businessCaseModelSchema, type Payback } from "../../domain/economics/business-case.ts";
import { MAALTAL_KINDS } from "../../domain/economics/maaltal.ts";
import type { PotentialDetail, PotentialResult } from "../../domain/economics/potential.ts";
import { benefitCode } from "../../domain/economics/prices.ts";
import type { CourseAverage } from "../../domain/economics/staircase.ts";
import type { EvaluatedBusinessCase, MaaltalReport, ProjectEconomics } from "../../services/economics.ts";
import type { RefusionPriceRow } from "../../warehouse/refusion-prices.ts";
import { idNumber, idText, int4, timestamp, typed, type Wire } from "./common.ts";

export type { Payback } from "../../domain/economics/business-case.ts";
/** Request bodies defined in the domain, named here as the contract. */
export { potentialInputSchema as potentialBody } from "../../domain/economics/potential.ts";
export { priceInputSchema as priceBody } from "../../domain/economics/prices.ts";
export type { CourseAverage } from "../../domain/economics/staircase.ts";
export type { RefusionPriceRow } from "../../warehouse/refusion-prices.ts";

export const pricePatchBody = z
  .object({
    grossPerFteYear: z.number().nonnegative().optional(),
    refusionPct: z.number().min(0).max(100).optional(),
    sourceNote: z.string().max(500).optional(),
  })
  .strict();

export const businessCaseCreateBody = z.object({
  projectId: idNumber,
  name: z.string().trim().min(1).max(200),
  model: businessCaseModelSchema,
});
export const businessCaseUpdateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  model: businessCaseModelSchema.optional(),
});

const budgetPeriod = z.string().regex(/^\d{4}(-\d{4})?$/, "forventet budgetperiode som 2024-2025");

const maaltalLine = z.object({
  groupName: z.string().trim().min(1).max(200),
  groupOrder: int4.min(0).default(0),
  lineOrder: int4.min(0).default(0),
  label: z.string().trim().min(1).max(300),
  fte: z.number(),
  kind: z.enum(MAALTAL_KINDS as [string, ...string[]]),
  projectId: idNumber.nullable().optional(),
  benefits: z.array(benefitCode).default([]),
});
export const maaltalCreateBody = maaltalLine.extend({ budgetPeriod });
export const maaltalPatchBody = maaltalLine.partial().strict();

export const staircaseQuery = z.object({
  benefit: benefitCode.default("kontanthjaelp"),
  grossPerWeek: z.coerce.number().positive().optional(),
  maxWeeks: z.coerce.number().int().min(1).max(520).default(104),
  priorWeeks: z.coerce.number().int().min(0).max(2000).default(0),
});

export const yearQuery = z.object({ budgetYear: z.coerce.number().int().min(2000).max(2100).optional() });
export const periodQuery = z.object({ period: budgetPeriod.optional() });
export const fromDataQuery = z.object({ snapshot: z.string().min(1).optional() });
export const businessCasesQuery = z.object({ projectId: idText.optional() });

export const price = z.object({
  id: z.number().int(),
  benefit: z.string(),
  benefitName: z.string(),
  budgetYear: z.number().int(),
  grossPerFteYear: z.number(),
  refusionPct: z.number(),
  sourceNote: z.string(),
  net: z.number(),
  weekly: z.number(),
  netRounded: z.number(),
  weeklyRounded: z.number(),
  updatedAt: timestamp,
});
export type PriceDto = z.infer<typeof price>;

const refusionRows = z.array(
  typed<RefusionPriceRow>("actual expenses and refusion of a benefit (and month)"),
);
export const fromData = z.object({
  snapshot: z.object({ id: z.string(), extractionDate: z.string() }).nullable(),
  available: z.boolean(),
  months: refusionRows,
  totals: refusionRows,
  catalogue: z.array(price),
});
export type FromDataDto = z.infer<typeof fromData>;

export const staircase = z.object({
  benefit: z.string(),
  kind: z.enum(["refusion", "medfinansiering"]),
  grossPerWeek: z.number(),
  grossSource: z.string(),
  priorWeeks: z.number().int(),
  bands: z.array(
    z.object({
      fromWeek: z.number(),
      toWeek: z.number().nullable(),
      refusionPct: z.number(),
      cofinancingPct: z.number(),
    }),
  ),
  rows: z.array(typed<CourseAverage>("average refusion and weekly net price for a course of N weeks")),
});
export type StaircaseDto = z.infer<typeof staircase>;

export const projectSummary = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  businessCaseId: z.number().int().nullable(),
  businessCaseError: z.string().nullable(),
  potential: z.number().nullable(),
  investment: z.number().nullable(),
  expectedSavings: z.number().nullable(),
  expectedNet: z.number().nullable(),
  roiPct: z.number().nullable(),
  payback: typed<Payback>("when the investment has paid itself back").nullable(),
  realized: z.number().nullable(),
  realizedThrough: z.string().nullable(),
});
export type ProjectSummaryDto = z.infer<typeof projectSummary>;

export type BusinessCaseDto = Wire<EvaluatedBusinessCase>;
export type ProjectEconomicsDto = Wire<ProjectEconomics>;
export type MaaltalReportDto = Wire<MaaltalReport>;

const businessCase = typed<EvaluatedBusinessCase>("a business case with its computed result");
const maaltalLineRecord = z.object({
  id: z.number().int(),
  budgetPeriod: z.string(),
  groupName: z.string(),
  groupOrder: z.number().int(),
  lineOrder: z.number().int(),
  label: z.string(),
  fte: z.number(),
  kind: z.string(),
  projectId: z.number().int().nullable(),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  benefits: z.array(z.string()),
});

export const responses = {
  prices: z.object({ prices: z.array(price) }),
  price: z.object({ price }),
  fromData,
  staircase,
  potential: z.object({
    result: typed<PotentialResult>("reduced fte × net expense"),
    detail: typed<PotentialDetail>("the calculation step by step"),
  }),
  businessCases: z.object({ businessCases: z.array(businessCase) }),
  businessCase: z.object({ businessCase }),
  projects: z.object({ projects: z.array(projectSummary) }),
  projectEconomics: typed<ProjectEconomics>(
    "a project's business case, potential and realized gain by month",
  ),
  maaltal: z.object({
    periods: z.array(z.string()),
    report: typed<MaaltalReport>(
      "the måltal table with adjustments, totals and monthly follow-up",
    ).nullable(),
  }),
  maaltalLine: z.object({ line: maaltalLineRecord }),
};
