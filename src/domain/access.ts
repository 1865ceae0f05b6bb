/** Roles and actions of access control (enforced in src/api/auth.ts; the web shows what they allow). */
export const ROLES = ["administrator", "analytiker", "projektleder", "laeser"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: "Administrator",
  analytiker: "Analytiker",
  projektleder: "Projektleder",
  laeser: "Læser",
};

export type Action =
  | "read" // aggregates: projects, indicators, values, exports of aggregates
  | "edit-project" // a project's description, manual values, comments, targets (projektleder: own projects)
  | "manage-projects" // create/delete projects, indicator definitions, outcome groupings
  | "import" // snapshots
  | "compute"
  | "edit-economics"
  | "freeze" // freeze values reported to the committee
  | "report" // committee reports
  | "read-persons" // person-level lists (permission borgerdata)
  | "admin" // users, settings, audit log, data protection
  | "session"; // anyone, signed in or not (sign-in, sign-out)

export const ACTIONS: readonly Action[] = [
  "read",
  "edit-project",
  "manage-projects",
  "import",
  "compute",
  "edit-economics",
  "freeze",
  "report",
  "read-persons",
  "admin",
  "session",
];
