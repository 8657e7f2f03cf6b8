import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { members, rateLimits, sessions, workspaceRoles, workspaces } from '../../db/schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(session);
}

/** The live session with this token hash, with its member. */
export async function findSession(tx: Db, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ session: sessions, member: members })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function extendSession(tx: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(tx: Db, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteMemberSessions(tx: Db, memberId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.memberId, memberId));
}

/** Every live workspace of the account, with the member's explicit role there (if any). */
export async function workspaceGrants(tx: Db, accountId: string, memberId: string) {
  return tx
    .select({
      workspaceId: workspaces.id,
      role: workspaceRoles.role,
      hideAttributes: workspaceRoles.hideAttributes,
    })
    .from(workspaces)
    .leftJoin(
      workspaceRoles,
      and(eq(workspaceRoles.workspaceId, workspaces.id), eq(workspaceRoles.memberId, memberId)),
    )
    .where(and(eq(workspaces.accountId, accountId), sql`${workspaces.deletedAt} IS NULL`))
    .orderBy(workspaces.id);
}

/**
 * Counts one hit against `key` in a fixed window and returns the count, atomically: concurrent
 * hits from any number of processes each see a distinct count.
 */
export async function hitRateLimit(
  tx: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ hits: number; windowStartedAt: Date }> {
  // Raw SQL gets no column mapping, so times go in as ISO strings.
  const windowOpenedAfter = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await tx
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${windowOpenedAfter}::timestamptz THEN 1 ELSE ${rateLimits.hits} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${windowOpenedAfter}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${rateLimits.windowStartedAt} END`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStartedAt: rateLimits.windowStartedAt });
  return row!;
}

export async function forgetHits(tx: Db, key: string): Promise<void> {
  await tx.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function unhit(tx: Db, key: string): Promise<void> {
  await tx
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
