import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../api/auth.ts";
import type { Db } from "../store/db.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  insertSession,
  sessionWithUser,
  touchSession,
} from "../store/repositories/access.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import { actorOf } from "./accounts.ts";

/**
 * Server-side sessions in the app store. The browser holds a random 256-bit token; the store holds
 * only its SHA-256 (a leaked table signs nobody in). A session ends after `idleMinutes` without a
 * request or `absoluteHours` after sign-in, whichever comes first (docs/DECISIONS.md).
 */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function sessionPolicyFromEnv(env = process.env): SessionPolicy {
  const num = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);
  return {
    idleMinutes: num(env.EFFEKTSPOR_SESSION_IDLE_MINUTES, 30),
    absoluteHours: num(env.EFFEKTSPOR_SESSION_HOURS, 8),
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The CSRF token of a session: derived from its token, so it needs no storage and changes with it. */
export function csrfTokenOf(token: string): string {
  return createHash("sha256").update(`csrf\0${token}`).digest("base64url");
}

export async function createSession(db: Db, userId: number, policy: SessionPolicy, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await insertSession(db, { id: hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now });
  return { token, expiresAt };
}

/** The actor of a live session (and the session is touched), or null when unknown, expired or idle. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<Actor | null> {
  const id = hashToken(token);
  const found = await sessionWithUser(db, id);
  if (!found) return null;
  const idleSince = now.getTime() - found.session.lastSeenAt.getTime();
  if (found.session.expiresAt <= now || idleSince > policy.idleMinutes * 60_000 || !found.user.active) {
    await deleteSession(db, id);
    return null;
  }
  // touch at most every 30 s: a busy page does not write on every request
  if (idleSince > 30_000) await touchSession(db, id, now);
  return actorOf(db, found.user);
}

export async function endSession(db: Db, token: string, actor: string): Promise<void> {
  await deleteSession(db, hashToken(token));
  await writeAudit(db, { actor, action: "sign-out", subject: `user:${actor}`, details: {} });
}

export async function endAllSessions(db: Db, userId: number, actor: string): Promise<number> {
  const n = await deleteSessionsOf(db, userId);
  await writeAudit(db, {
    actor,
    action: "sign-out.everywhere",
    subject: `user:${actor}`,
    details: { sessions: n },
  });
  return n;
}

export async function pruneSessions(db: Db, policy: SessionPolicy, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now, new Date(now.getTime() - policy.idleMinutes * 60_000));
}
