import type { Actor, Role } from "../api/auth.ts";
import { ROLES } from "../api/auth.ts";
import { ConflictError, InvalidFieldError, notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  allUsers,
  clearFailures,
  deleteSessionsOf,
  failuresOf,
  insertUser,
  leadsOf,
  recordFailure,
  replaceLeads,
  type UserRow,
  updateUser,
  userByUsername,
} from "../store/repositories/access.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import { checkPasswordRule, hashPassword, verifyPassword } from "./passwords.ts";

/**
 * Users and signing in: adding, listing, changing role, disabling, resetting passwords (the CLI and
 * the administrator's page call these), and checking a user name and password with lockout. Every
 * change and every sign-in (and failure) lands in the audit log.
 */
export interface UserView {
  id: number;
  username: string;
  name: string;
  role: Role;
  personLevel: boolean;
  active: boolean;
  sso: boolean;
  demoAccount: boolean;
  leads: number[];
  createdAt: string;
}

export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export function parseRole(raw: string): Role {
  if ((ROLES as readonly string[]).includes(raw)) return raw as Role;
  throw new InvalidFieldError(`Ukendt rolle «${raw}»: vælg ${ROLES.join(", ")}`, "role");
}

function view(u: UserRow, leads: number[]): UserView {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as Role,
    personLevel: u.personLevel,
    active: u.active,
    sso: u.oidcSubject !== null,
    demoAccount: u.demoAccount,
    leads,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const users = await allUsers(db);
  const leads = await leadsOf(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => view(u, leads.get(u.id) ?? []));
}

export async function userView(db: Db, username: string): Promise<UserView> {
  const u = await userByUsername(db, username);
  if (!u) throw notFound(`Brugeren «${username}»`);
  return view(u, (await leadsOf(db, [u.id])).get(u.id) ?? []);
}

export interface NewUserInput {
  username: string;
  name: string;
  role: Role;
  personLevel?: boolean;
  password?: string;
  leads?: number[];
  demoAccount?: boolean;
  oidcSubject?: string;
}

export async function addUser(db: Db, input: NewUserInput, by: string): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new InvalidFieldError(
      "Brugernavnet må kun have små bogstaver, tal og . _ @ - (2-64 tegn)",
      "username",
    );
  }
  if (await userByUsername(db, username)) throw new ConflictError(`Brugeren «${username}» findes allerede`);
  if (input.password !== undefined) checkPasswordRule(input.password, username);
  const row = await insertUser(db, {
    username,
    name: input.name.trim() || username,
    role: input.role,
    personLevel: input.personLevel ?? false,
    passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    demoAccount: input.demoAccount ?? false,
    oidcSubject: input.oidcSubject ?? null,
  });
  if (input.leads?.length) await replaceLeads(db, row.id, input.leads);
  const details = { role: row.role, personLevel: row.personLevel, leads: input.leads ?? [] };
  await writeAudit(db, { actor: by, action: "user.add", subject: `user:${username}`, details });
  return view(row, input.leads ?? []);
}

export interface UserChange {
  name?: string;
  role?: Role;
  personLevel?: boolean;
  active?: boolean;
  leads?: number[];
}

/** Changes a user; audited as old → new. Disabling ends the user's sessions. */
export async function changeUser(
  db: Db,
  username: string,
  change: UserChange,
  by: string,
): Promise<UserView> {
  const before = await userView(db, username);
  const { leads, ...columns } = change;
  if (Object.keys(columns).length > 0) await updateUser(db, before.id, columns);
  if (leads) await replaceLeads(db, before.id, leads);
  if (change.active === false || (change.role && change.role !== before.role)) {
    await deleteSessionsOf(db, before.id);
  }
  const after = await userView(db, username);
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const k of Object.keys(change) as (keyof UserChange)[]) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    old[k] = before[k];
    now[k] = after[k];
  }
  await writeAudit(db, {
    actor: by,
    action: "user.change",
    subject: `user:${username}`,
    details: { old, new: now },
  });
  return after;
}

/** A new password (rule checked); the user's sessions end, the lockout is lifted. */
export async function resetPassword(db: Db, username: string, password: string, by: string): Promise<void> {
  const user = await userByUsername(db, username);
  if (!user) throw notFound(`Brugeren «${username}»`);
  checkPasswordRule(password, user.username);
  await updateUser(db, user.id, { passwordHash: await hashPassword(password), demoAccount: false });
  await deleteSessionsOf(db, user.id);
  await clearFailures(db, user.username);
  await writeAudit(db, { actor: by, action: "user.password", subject: `user:${username}`, details: {} });
}

/** after this many failures in a row the user name is locked, first for a minute, doubling each time */
export const LOCKOUT_AFTER = 5;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 60 * 60_000;

export function lockDuration(failures: number): number {
  if (failures < LOCKOUT_AFTER) return 0;
  return Math.min(LOCK_BASE_MS * 2 ** (failures - LOCKOUT_AFTER), LOCK_MAX_MS);
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly locked = false,
  ) {
    super(message);
  }
}

const WRONG = "Forkert brugernavn eller adgangskode";

/**
 * Checks a user name and password. A locked name is refused without checking; each failure counts,
 * and from the fifth in a row the name is locked (1, 2, 4 … up to 60 minutes). The same answer for
 * an unknown user and a wrong password, and as slow (a dummy hash is verified).
 */
export async function checkSignIn(
  db: Db,
  rawUsername: string,
  password: string,
  from: { ip: string },
  now = new Date(),
): Promise<UserRow> {
  const username = rawUsername.trim().toLowerCase();
  const failed = await failuresOf(db, username);
  if (failed?.lockedUntil && failed.lockedUntil > now) {
    await writeAudit(db, {
      actor: username,
      action: "sign-in.locked",
      subject: `user:${username}`,
      details: from,
    });
    const minutes = Math.ceil((failed.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new SignInError(`For mange forkerte forsøg. Prøv igen om ${minutes} min.`, true);
  }
  const user = await userByUsername(db, username);
  const ok = (await verifyPassword(user?.passwordHash, password)) && user?.active === true;
  if (!ok || !user) {
    const failures = (failed?.failures ?? 0) + 1;
    const lock = lockDuration(failures);
    await recordFailure(db, username, failures, lock ? new Date(now.getTime() + lock) : null);
    const details = {
      ...from,
      failures,
      reason: !user ? "ukendt bruger" : !user.active ? "deaktiveret" : "forkert adgangskode",
    };
    await writeAudit(db, {
      actor: username,
      action: "sign-in.failure",
      subject: `user:${username}`,
      details,
    });
    throw new SignInError(WRONG);
  }
  if (failed) await clearFailures(db, username);
  await writeAudit(db, {
    actor: username,
    action: "sign-in",
    subject: `user:${username}`,
    details: { ...from, method: "adgangskode" },
  });
  return user;
}

export async function actorOf(db: Db, user: UserRow): Promise<Actor> {
  const leads = (await leadsOf(db, [user.id])).get(user.id) ?? [];
  return {
    id: user.username,
    name: user.name,
    role: user.role as Role,
    personLevel: user.personLevel,
    leads,
    userId: user.id,
  };
}
