import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, supportGrants, supportSessions, workspaces } from '../../db/schema.js';

export type GrantRow = typeof supportGrants.$inferSelect;
export type SupportSessionRow = typeof supportSessions.$inferSelect;

export async function insertGrant(tx: Db, grant: typeof supportGrants.$inferInsert): Promise<GrantRow> {
  const [row] = await tx.insert(supportGrants).values(grant).returning();
  return row!;
}

export async function listGrants(db: Db, accountId: string): Promise<GrantRow[]> {
  return db
    .select()
    .from(supportGrants)
    .where(eq(supportGrants.accountId, accountId))
    .orderBy(desc(supportGrants.createdAt), desc(supportGrants.id));
}

/** The sessions started inside these grants, newest first. */
export async function startedSessionsOf(db: Db, grantIds: readonly string[]): Promise<SupportSessionRow[]> {
  if (grantIds.length === 0) return [];
  return db
    .select()
    .from(supportSessions)
    .where(and(inArray(supportSessions.grantId, [...grantIds]), isNotNull(supportSessions.startedAt)))
    .orderBy(desc(supportSessions.startedAt));
}

/** Which of these workspaces now belong to another account (moved there by a transfer). */
export async function workspacesOutside(
  db: Db,
  accountId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(inArray(workspaces.id, [...ids]), sql`${workspaces.accountId} <> ${accountId}`));
  return rows.map((r) => r.id);
}

/** A grant by id alone: the operator's command knows no account. */
export async function findGrant(db: Db, grantId: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(supportGrants).where(eq(supportGrants.id, grantId));
  return row;
}

/** Revokes a live grant of this account (guarded: a second revoke finds nothing). */
export async function revokeGrant(
  tx: Db,
  accountId: string,
  grantId: string,
  now: Date,
  revokedByName: string,
): Promise<GrantRow | undefined> {
  const [row] = await tx
    .update(supportGrants)
    .set({ revokedAt: now, revokedByName })
    .where(
      and(
        eq(supportGrants.accountId, accountId),
        eq(supportGrants.id, grantId),
        isNull(supportGrants.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** Ends every session of a grant still open (started or only linked), returning those that had started. */
export async function endGrantSessions(tx: Db, grantId: string, now: Date): Promise<SupportSessionRow[]> {
  const rows = await tx
    .update(supportSessions)
    .set({ endedAt: now })
    .where(and(eq(supportSessions.grantId, grantId), isNull(supportSessions.endedAt)))
    .returning();
  return rows.filter((r) => r.startedAt !== null);
}

export async function insertSupportSession(
  tx: Db,
  session: typeof supportSessions.$inferInsert,
): Promise<SupportSessionRow> {
  const [row] = await tx.insert(supportSessions).values(session).returning();
  return row!;
}

export async function findByLink(tx: Db, linkHash: string) {
  const [row] = await tx
    .select({ session: supportSessions, grant: supportGrants })
    .from(supportSessions)
    .innerJoin(supportGrants, eq(supportGrants.id, supportSessions.grantId))
    .where(eq(supportSessions.linkHash, linkHash));
  return row;
}

/**
 * Uses a sign-in link once: sets the session's token where the link is unused, unexpired and its
 * grant live, in one guarded statement (two clicks at once: one wins).
 */
export async function claimLink(
  tx: Db,
  linkHash: string,
  now: Date,
  set: { tokenHash: string; csrfToken: string; ip: string },
): Promise<SupportSessionRow | undefined> {
  const [row] = await tx
    .update(supportSessions)
    .set({ ...set, startedAt: now })
    .where(
      and(
        eq(supportSessions.linkHash, linkHash),
        isNull(supportSessions.startedAt),
        isNull(supportSessions.endedAt),
        gt(supportSessions.linkExpiresAt, now),
        gt(supportSessions.endsAt, now),
        sql`EXISTS (SELECT 1 FROM ${supportGrants} g WHERE g.id = ${supportSessions.grantId} AND g.revoked_at IS NULL)`,
      ),
    )
    .returning();
  return row;
}

export async function endSession(
  tx: Db,
  sessionId: string,
  now: Date,
): Promise<SupportSessionRow | undefined> {
  const [row] = await tx
    .update(supportSessions)
    .set({ endedAt: now })
    .where(and(eq(supportSessions.id, sessionId), isNull(supportSessions.endedAt)))
    .returning();
  return row;
}

/**
 * The live support session with this token hash, its grant and account, and every live workspace
 * of the account (oldest first), in one query: what a request of a support caller needs.
 */
export async function findSupportCaller(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      session: supportSessions,
      grant: supportGrants,
      account: { id: accounts.id, name: accounts.name, plan: accounts.plan },
      workspaces: sql<{ id: string; name: string; color: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'color', w.color) ORDER BY w.created_at, w.id)
        FROM ${workspaces} w WHERE w.account_id = ${supportSessions.accountId} AND w.deleted_at IS NULL), '[]'::json)`,
    })
    .from(supportSessions)
    .innerJoin(supportGrants, eq(supportGrants.id, supportSessions.grantId))
    .innerJoin(accounts, eq(accounts.id, supportSessions.accountId))
    .where(
      and(
        eq(supportSessions.tokenHash, tokenHash),
        isNull(supportSessions.endedAt),
        gt(supportSessions.endsAt, now),
        isNull(supportGrants.revokedAt),
      ),
    );
  return row;
}

/** Until when support is signed in to the account (the latest end of its live sessions), or null. */
export async function supportSignedInUntil(db: Db, accountId: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(supportSessions.endsAt) })
    .from(supportSessions)
    .innerJoin(supportGrants, eq(supportGrants.id, supportSessions.grantId))
    .where(
      and(
        eq(supportSessions.accountId, accountId),
        isNotNull(supportSessions.startedAt),
        isNull(supportSessions.endedAt),
        gt(supportSessions.endsAt, now),
        isNull(supportGrants.revokedAt),
      ),
    );
  return row?.until ?? null;
}

export async function accountName(tx: Db, accountId: string): Promise<string | undefined> {
  const [row] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name;
}

/**
 * Housekeeping: deletes the sign-in links never opened that expired before `linksBefore`, and
 * forgets the token and CSRF token of started sessions that are over (ended, or past their end);
 * those rows stay, the grant's history. Returns how many rows went or changed.
 */
export async function sweepSessions(db: Db, now: Date, linksBefore: Date): Promise<number> {
  const linksGone = await db
    .delete(supportSessions)
    .where(and(isNull(supportSessions.startedAt), lt(supportSessions.linkExpiresAt, linksBefore)))
    .returning({ id: supportSessions.id });
  const forgotten = await db
    .update(supportSessions)
    .set({ tokenHash: null, csrfToken: null })
    .where(
      and(
        isNotNull(supportSessions.tokenHash),
        or(isNotNull(supportSessions.endedAt), lt(supportSessions.endsAt, now)),
      ),
    )
    .returning({ id: supportSessions.id });
  return linksGone.length + forgotten.length;
}
