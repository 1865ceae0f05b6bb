/** Response types of the economics API, from the API contract (type-only: nothing is bundled). */
export type {
  BusinessCaseDto,
  CourseAverage,
  FromDataDto,
  MaaltalReportDto,
  Payback,
  PriceDto,
  ProjectEconomicsDto,
  ProjectSummaryDto,
  RefusionPriceRow,
  StaircaseDto,
} from "../../../../src/api/contract/economics.ts";
