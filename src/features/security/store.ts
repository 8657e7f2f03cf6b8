import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sessions } from '../../db/schema.js';

export type SessionSummary = Pick<
  typeof sessions.$inferSelect,
  'id' | 'createdAt' | 'lastSeenAt' | 'ip' | 'userAgent'
>;

const summary = {
  id: sessions.id,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  ip: sessions.ip,
  userAgent: sessions.userAgent,
};

/** A member's sessions that have not expired, newest first. */
export function listLiveSessions(tx: Db, memberId: string, now: Date): Promise<SessionSummary[]> {
  return tx
    .select(summary)
    .from(sessions)
    .where(and(eq(sessions.memberId, memberId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}

/** Deletes one of a member's sessions; undefined when the member has none with that id. */
export async function deleteSessionOf(
  tx: Db,
  memberId: string,
  sessionId: string,
): Promise<SessionSummary | undefined> {
  const [row] = await tx
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.memberId, memberId)))
    .returning(summary);
  return row;
}

/** Deletes every session of a member but one (the caller's); returns how many went. */
export async function deleteOtherSessions(tx: Db, memberId: string, keepSessionId: string): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(and(eq(sessions.memberId, memberId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function setAuthenticatedAt(tx: Db, sessionId: string, at: Date): Promise<void> {
  await tx.update(sessions).set({ authenticatedAt: at }).where(eq(sessions.id, sessionId));
}
