import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { activity, members, workspaces } from '../../db/schema.js';

export type ActivityRow = typeof activity.$inferSelect;
export type NewActivity = typeof activity.$inferInsert;

export async function insertActivity(tx: Db, ...entries: NewActivity[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(activity).values(entries);
}

export interface ActivityQuery {
  accountId: string;
  /** Only this workspace's entries; absent: the whole account's. */
  workspaceId?: string;
  action?: string;
  targetId?: string;
  actorMemberId?: string;
  /** Entries older than this id (ids sort by time). */
  before?: string;
  limit: number;
}

export async function listActivity(tx: Db, q: ActivityQuery): Promise<ActivityRow[]> {
  const conditions: SQL[] = [eq(activity.accountId, q.accountId)];
  if (q.workspaceId) conditions.push(eq(activity.workspaceId, q.workspaceId));
  if (q.action) conditions.push(eq(activity.action, q.action));
  if (q.targetId) conditions.push(eq(activity.targetId, q.targetId));
  if (q.actorMemberId) conditions.push(eq(activity.actorMemberId, q.actorMemberId));
  if (q.before) conditions.push(lt(activity.id, q.before));
  return tx
    .select()
    .from(activity)
    .where(and(...conditions))
    .orderBy(desc(activity.id))
    .limit(q.limit);
}

/** Whether the workspace's settings were ever changed on this key (e.g. `identifiers`). */
export async function settingEverChanged(tx: Db, workspaceId: string, setting: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(activity)
    .where(
      and(
        eq(activity.workspaceId, workspaceId),
        eq(activity.action, 'workspace.settings_changed'),
        sql`${activity.after} ? ${setting}`,
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** The names of these workspaces and members of the account (deleted workspaces too, until purged). */
export async function namesOf(
  tx: Db,
  accountId: string,
  ids: { workspaces: string[]; members: string[] },
): Promise<{ workspaces: Map<string, string>; members: Map<string, string> }> {
  const [ws, ms] = await Promise.all([
    ids.workspaces.length === 0
      ? []
      : tx
          .select({ id: workspaces.id, name: workspaces.name })
          .from(workspaces)
          .where(and(eq(workspaces.accountId, accountId), inArray(workspaces.id, ids.workspaces))),
    ids.members.length === 0
      ? []
      : tx
          .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}` })
          .from(members)
          .where(and(eq(members.accountId, accountId), inArray(members.id, ids.members))),
  ]);
  return {
    workspaces: new Map(ws.map((w) => [w.id, w.name])),
    members: new Map(ms.map((m) => [m.id, m.name])),
  };
}
