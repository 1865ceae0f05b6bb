/** Response types of the economics API (type-only imports from the server code; nothing is bundled). */
import type { Payback } from "../../../../src/domain/economics/business-case.ts";
import type { CourseAverage } from "../../../../src/domain/economics/staircase.ts";
import type {
  EvaluatedBusinessCase,
  MaaltalReport,
  ProjectEconomics,
} from "../../../../src/services/economics.ts";
import type { RefusionPriceRow } from "../../../../src/warehouse/refusion-prices.ts";

export type { CourseAverage, Payback, RefusionPriceRow };

export interface PriceDto {
  id: number;
  benefit: string;
  benefitName: string;
  budgetYear: number;
  grossPerFteYear: number;
  refusionPct: number;
  sourceNote: string;
  net: number;
  weekly: number;
  netRounded: number;
  weeklyRounded: number;
  updatedAt: string;
}

export interface FromDataDto {
  snapshot: { id: string; extractionDate: string } | null;
  available: boolean;
  months: RefusionPriceRow[];
  totals: RefusionPriceRow[];
  catalogue: PriceDto[];
}

export interface StaircaseDto {
  benefit: string;
  kind: "refusion" | "medfinansiering";
  grossPerWeek: number;
  grossSource: string;
  priorWeeks: number;
  bands: { fromWeek: number; toWeek: number | null; refusionPct: number; cofinancingPct: number }[];
  rows: CourseAverage[];
}

export interface ProjectSummaryDto {
  projectId: number;
  code: string;
  name: string;
  businessCaseId: number | null;
  businessCaseError: string | null;
  potential: number | null;
  investment: number | null;
  expectedSavings: number | null;
  expectedNet: number | null;
  roiPct: number | null;
  payback: Payback | null;
  realized: number | null;
  realizedThrough: string | null;
}

type Jsonified<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type BusinessCaseDto = Jsonified<EvaluatedBusinessCase>;
export type ProjectEconomicsDto = Jsonified<ProjectEconomics>;
export type MaaltalReportDto = Jsonified<MaaltalReport>;
