// Sessions are 30-day JWTs, so the role they carry can go stale and a copied
// cookie outlives sign-out. Every few minutes (SESSION_RECHECK_SECONDS) a
// session is checked against the database: the account must still exist,
// must not have signed out since the session started, and its role is
// re-read. Between checks the token is trusted, which keeps a database read
// off most requests.
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";

export interface SessionClaims {
  sub?: string;
  role?: string;
  /** When the session was signed in (ms since epoch). */
  startedAt?: number;
  /** When the claims were last checked against the database (ms since epoch). */
  checkedAt?: number;
}

export interface CheckedUser {
  id: string;
  role: "user" | "admin";
}

export function isSessionCheckDue(claims: SessionClaims, now = Date.now()): boolean {
  return !claims.checkedAt || now - claims.checkedAt >= env().SESSION_RECHECK_SECONDS * 1000;
}

/** The account behind the session as it is now, or null when the session has ended. */
export async function checkSessionUser(claims: SessionClaims): Promise<CheckedUser | null> {
  if (!claims.sub || !/^[0-9a-f-]{36}$/i.test(claims.sub)) return null;
  const user = await db().user.findUnique({
    where: { id: claims.sub },
    select: { id: true, role: true, sessionsRevokedAt: true },
  });
  if (!user) return null;
  // A token from before this change has no start time: it started before any sign-out.
  const startedAt = claims.startedAt ?? 0;
  if (user.sessionsRevokedAt && startedAt <= user.sessionsRevokedAt.getTime()) return null;
  return { id: user.id, role: user.role };
}

/** Ends every session of the account that started until now (sign-out). */
export async function revokeSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionsRevokedAt: new Date() } });
}
