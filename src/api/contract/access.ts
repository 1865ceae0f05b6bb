import { z } from "zod";
import { ACTIONS, ROLES } from "../../domain/access.ts";
import { timestamp } from "./common.ts";

/** Sign-in, users and the audit log (src/api/routes/access.ts). */
export const role = z.enum(ROLES);
export const action = z.enum(ACTIONS as [string, ...string[]]);

export const sessionUser = z.object({
  username: z.string(),
  name: z.string(),
  role,
  roleLabel: z.string(),
  personLevel: z.boolean(),
  leads: z.array(z.number().int()),
  /** the actions this user may take (the web shows only what they allow) */
  permissions: z.array(action),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  signedIn: z.boolean(),
  user: sessionUser.nullable(),
  /** sent back in the X-CSRF-Token header of every state-changing request */
  csrfToken: z.string().nullable(),
  /** a demo installation's accounts (only in demo mode) */
  demoAccounts: z.array(z.object({ username: z.string(), role, password: z.string() })),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  /** no users exist yet: the administrator must be created from the command line */
  noUsers: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const signInBody = z.object({
  username: z.string().min(1, "Skriv dit brugernavn").max(200),
  password: z.string().min(1, "Skriv din adgangskode").max(1000),
});

export const signedOut = z.object({ signedOut: z.literal(true), sessions: z.number().int() });

export const userDto = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role,
  personLevel: z.boolean(),
  active: z.boolean(),
  sso: z.boolean(),
  demoAccount: z.boolean(),
  leads: z.array(z.number().int()),
  createdAt: timestamp,
});
export type UserDto = z.infer<typeof userDto>;

export const usersResponse = z.object({ users: z.array(userDto) });
export const userResponse = z.object({ user: userDto });

export const userCreateBody = z.object({
  username: z.string().min(2).max(64),
  name: z.string().max(200).default(""),
  role,
  personLevel: z.boolean().default(false),
  password: z.string().max(1000),
  leads: z.array(z.number().int().positive()).default([]),
});

export const userUpdateBody = z.object({
  name: z.string().min(1).max(200).optional(),
  role: role.optional(),
  personLevel: z.boolean().optional(),
  active: z.boolean().optional(),
  leads: z.array(z.number().int().positive()).optional(),
});

export const passwordBody = z.object({ password: z.string().max(1000) });
export const usernameParam = z.object({ username: z.string().min(1).max(64) });

export const auditQuery = z.object({
  q: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Datoen skal skrives ÅÅÅÅ-MM-DD")
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Datoen skal skrives ÅÅÅÅ-MM-DD")
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;
export const auditResponse = z.object({ entries: z.array(auditEntry), total: z.number().int() });

export const personalData = z.object({
  snapshots: z.array(
    z.object({
      id: z.string(),
      extractionDate: z.string(),
      personCount: z.number().int(),
      status: z.enum(["complete", "pruned"]),
      oldestDate: z.string().nullable(),
      importedBy: z.string(),
    }),
  ),
  snapshotsWithPersonData: z.number().int(),
  largestPersonCount: z.number().int(),
  oldestDate: z.string().nullable(),
  retention: z.object({ keepMonths: z.number().int().nullable(), lastRun: z.string().nullable() }),
});
export type PersonalDataDto = z.infer<typeof personalData>;
export const retentionBody = z.object({ keepMonths: z.number().int().min(1).max(600).nullable() });
export const retentionResponse = z.object({
  keepMonths: z.number().int().nullable(),
  lastRun: z.string().nullable(),
});
export const snapshotIdParam = z.object({ id: z.string().min(1).max(100) });
export const personDataDeleted = z.object({
  id: z.string(),
  deleted: z.literal(true),
  persons: z.number().int(),
});
