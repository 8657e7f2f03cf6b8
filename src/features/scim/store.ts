import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { members, scimGroupMembers, scimGroups, scimTokens } from '../../db/schema.js';

export type ScimTokenRow = typeof scimTokens.$inferSelect;
export type ScimGroupRow = typeof scimGroups.$inferSelect;

// ---- tokens ----------------------------------------------------------------------------------

export async function insertToken(tx: Db, row: ScimTokenRow): Promise<void> {
  await tx.insert(scimTokens).values(row);
}

export async function listTokens(tx: Db, accountId: string): Promise<ScimTokenRow[]> {
  return tx
    .select()
    .from(scimTokens)
    .where(eq(scimTokens.accountId, accountId))
    .orderBy(asc(scimTokens.createdAt), asc(scimTokens.id));
}

export async function deleteToken(tx: Db, accountId: string, id: string): Promise<ScimTokenRow | undefined> {
  const [row] = await tx
    .delete(scimTokens)
    .where(and(eq(scimTokens.accountId, accountId), eq(scimTokens.id, id)))
    .returning();
  return row;
}

/** The token with this hash, marked used now (one statement: no read-then-write race). */
export async function markTokenUsed(tx: Db, tokenHash: string, now: Date): Promise<ScimTokenRow | undefined> {
  const [row] = await tx
    .update(scimTokens)
    .set({ lastUsedAt: now })
    .where(eq(scimTokens.tokenHash, tokenHash))
    .returning();
  return row;
}

// ---- groups ----------------------------------------------------------------------------------

export async function listGroups(tx: Db, accountId: string): Promise<ScimGroupRow[]> {
  return tx
    .select()
    .from(scimGroups)
    .where(eq(scimGroups.accountId, accountId))
    .orderBy(asc(scimGroups.createdAt), asc(scimGroups.id));
}

export async function findGroup(tx: Db, accountId: string, id: string): Promise<ScimGroupRow | undefined> {
  const [row] = await tx
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.accountId, accountId), eq(scimGroups.id, id)));
  return row;
}

export async function insertGroup(tx: Db, row: ScimGroupRow): Promise<ScimGroupRow> {
  const [inserted] = await tx.insert(scimGroups).values(row).returning();
  return inserted!;
}

export async function updateGroup(
  tx: Db,
  accountId: string,
  id: string,
  changes: Partial<Omit<ScimGroupRow, 'id' | 'accountId'>>,
): Promise<ScimGroupRow> {
  const [row] = await tx
    .update(scimGroups)
    .set(changes)
    .where(and(eq(scimGroups.accountId, accountId), eq(scimGroups.id, id)))
    .returning();
  return row!;
}

export async function deleteGroup(tx: Db, accountId: string, id: string): Promise<void> {
  await tx.delete(scimGroups).where(and(eq(scimGroups.accountId, accountId), eq(scimGroups.id, id)));
}

/** Group memberships of the account: [groupId, memberId] pairs. */
export async function listMemberships(
  tx: Db,
  accountId: string,
): Promise<{ groupId: string; memberId: string }[]> {
  return tx
    .select({ groupId: scimGroupMembers.groupId, memberId: scimGroupMembers.memberId })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(eq(scimGroups.accountId, accountId));
}

export async function groupMemberIds(tx: Db, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ memberId: scimGroupMembers.memberId })
    .from(scimGroupMembers)
    .where(eq(scimGroupMembers.groupId, groupId));
  return rows.map((r) => r.memberId);
}

export async function addGroupMembers(tx: Db, groupId: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx
    .insert(scimGroupMembers)
    .values(memberIds.map((memberId) => ({ groupId, memberId })))
    .onConflictDoNothing();
}

export async function removeGroupMembers(
  tx: Db,
  groupId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  await tx
    .delete(scimGroupMembers)
    .where(and(eq(scimGroupMembers.groupId, groupId), inArray(scimGroupMembers.memberId, [...memberIds])));
}

/** The groups a member belongs to, with their mappings. */
export async function groupsOfMember(tx: Db, memberId: string): Promise<ScimGroupRow[]> {
  return tx
    .select({ group: scimGroups })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(eq(scimGroupMembers.memberId, memberId))
    .then((rows) => rows.map((r) => r.group));
}

/** Which of these ids are members of the account (a group may name only its own account's users). */
export async function accountMemberIds(
  tx: Db,
  accountId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.accountId, accountId), inArray(members.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** Member counts per group of the account. */
export async function memberCounts(tx: Db, accountId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ groupId: scimGroupMembers.groupId, n: sql<number>`count(*)::int` })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(eq(scimGroups.accountId, accountId))
    .groupBy(scimGroupMembers.groupId);
  return new Map(rows.map((r) => [r.groupId, r.n]));
}
