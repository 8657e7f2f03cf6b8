import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { WorkspaceRole } from '../../access/roles.js';
import type { Db } from '../../db/connection.js';
import { accounts, members, rateLimits, sessions } from '../../db/schema.js';
import { hasSecondFactorSql } from '../two-factor/store.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(session);
}

export interface WorkspaceAccessRow {
  id: string;
  name: string;
  color: string;
  role: WorkspaceRole | null;
  hideAttributes: boolean | null;
}

/**
 * Everything a request needs about its caller, in one query: the live session with this token hash,
 * its member and account, whether the member has two-factor and the account requires it, and every
 * live workspace of the account (oldest first) with the member's explicit role there, if any.
 */
function sessionContextQuery(db: Db) {
  return db
    .select({
      session: {
        id: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        authenticatedAt: sessions.authenticatedAt,
      },
      member: members,
      account: { id: accounts.id, name: accounts.name, plan: accounts.plan },
      twoFactor: { enabled: hasSecondFactorSql(members.id), required: accounts.requireTwoFactor },
      workspaces: sql<WorkspaceAccessRow[]>`coalesce((
        SELECT json_agg(json_build_object(
                 'id', w.id, 'name', w.name, 'color', w.color, 'role', r.role, 'hideAttributes', r.hide_attributes)
               ORDER BY w.created_at, w.id)
        FROM workspaces w
        LEFT JOIN workspace_roles r ON r.workspace_id = w.id AND r.member_id = ${members.id}
        WHERE w.account_id = ${members.accountId} AND w.deleted_at IS NULL), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .innerJoin(accounts, eq(accounts.id, members.accountId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('session_context');
}

// It runs on every authenticated request: built once per database, and a named prepared statement
// so PostgreSQL parses and plans it once per connection.
const prepared = new WeakMap<Db, ReturnType<typeof sessionContextQuery>>();

/**
 * Everything a request needs about its caller, in one query: the live session with this token hash,
 * its member and account, and every live workspace of the account (oldest first) with the member's
 * explicit role there, if any.
 */
export async function findSessionContext(db: Db, tokenHash: string, now: Date) {
  let query = prepared.get(db);
  if (!query) {
    query = sessionContextQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ tokenHash, now: now.toISOString() });
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

/** Deletes expired sessions and rate-limit windows long closed; returns how many rows went. */
export async function deleteExpired(tx: Db, now: Date, windowMs: number): Promise<number> {
  const sessionsGone = await tx
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  const windowsGone = await tx
    .delete(rateLimits)
    .where(lt(rateLimits.windowStartedAt, new Date(now.getTime() - windowMs)))
    .returning({ key: rateLimits.key });
  return sessionsGone.length + windowsGone.length;
}
