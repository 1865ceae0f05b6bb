/** Response types of the projects API (type-only imports from the server code; nothing is bundled). */

export type { Status } from "../../src/domain/status.ts";
export type {
  OverviewIndicator,
  OverviewProject,
  SchemeCell,
  SchemeColumn,
  SchemeIndicator,
  SchemeRow,
  StatusScheme,
} from "../../src/services/status-scheme.ts";

export interface ProjectDto {
  id: number;
  code: string;
  name: string;
  committee: string;
  periodStart: string | null;
  periodEnd: string | null;
  background: string;
  targetGroups: string[];
  activities: string[];
  shortTermGoals: string[];
  longTermGoals: string[];
  investment: { text?: string; staff?: number; costPerYear?: number; years?: number };
  relatedProjects: string[];
  dataSources: string[];
  notes: string;
  footnotes: string[];
  sortOrder: number;
}

/** GET /api/indicators/:id/values/:period/provenance (the engine's route). */
export interface Provenance {
  description: string | null;
  sql: string;
  snapshotId: string | null;
  extractionDate?: string | null;
  value?: number | null;
  numerator: number | null;
  denominator: number | null;
  computedAt: string;
  definitionVersion?: number;
  currentDefinitionVersion?: number;
  frozen?: { value: number | null; frozenAt: string; frozenBy: string } | null;
  revision?: { old: number | null; new: number | null } | null;
  /** the engine can list the persons behind this number (shown only with person-level permission) */
  personListAvailable?: boolean;
}
