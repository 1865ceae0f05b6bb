/** Response types of the projects and engine API, from the API contract (type-only: nothing is bundled). */

export type { Provenance } from "../../src/api/contract/engine.ts";
export type {
  ForecastLinePoint,
  IndicatorDto,
  OverviewIndicator,
  OverviewProject,
  ProjectDto,
  SchemeCell,
  SchemeColumn,
  SchemeForecast,
  SchemeIndicator,
  SchemeRow,
  StatusScheme,
  TargetForecastView,
} from "../../src/api/contract/projects.ts";
export type { Status } from "../../src/domain/status.ts";
