import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { WORKSPACE_GATE } from '../../db/advisory-locks.js';
import type { Db } from '../../db/connection.js';
import { accounts, members, workspaceRoles, workspaces } from '../../db/schema.js';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;
export type WorkspaceRoleRow = typeof workspaceRoles.$inferSelect;
type MemberRow = typeof members.$inferSelect;

const live = sql`${workspaces.deletedAt} IS NULL`;

export async function insertWorkspace(tx: Db, workspace: NewWorkspace): Promise<WorkspaceRow> {
  const [row] = await tx.insert(workspaces).values(workspace).returning();
  return row!;
}

/** A live workspace of the account; one being deleted is already gone. */
export async function findWorkspace(
  tx: Db,
  accountId: string,
  workspaceId: string,
): Promise<WorkspaceRow | undefined> {
  const [row] = await tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.accountId, accountId), live));
  return row;
}

/** A member, as a test recipient, with their explicit role in the workspace: what access/ decides on. */
const recipient = alias(members, 'recipient');
const recipientRole = alias(workspaceRoles, 'recipient_role');
const standing = {
  id: recipient.id,
  email: recipient.email,
  status: recipient.status,
  accountRole: recipient.accountRole,
  allWorkspacesRole: recipient.allWorkspacesRole,
  allWorkspacesHideAttributes: recipient.allWorkspacesHideAttributes,
  role: recipientRole.role,
  hideAttributes: recipientRole.hideAttributes,
};
export interface MemberStanding {
  id: string;
  email: string;
  status: MemberRow['status'];
  accountRole: MemberRow['accountRole'];
  allWorkspacesRole: MemberRow['allWorkspacesRole'];
  allWorkspacesHideAttributes: boolean;
  /** The explicit role in the workspace, if any. */
  role: WorkspaceRoleRow['role'] | null;
  hideAttributes: boolean | null;
}

/**
 * A live workspace with its test recipient's standing there: the member chosen, or else the
 * account's creator ("By default, we'll send test emails to the address that created the account").
 */
export async function findWorkspaceWithRecipient(tx: Db, accountId: string, workspaceId: string) {
  const [row] = await tx
    .select({ workspace: workspaces, recipient: standing })
    .from(workspaces)
    .innerJoin(accounts, eq(accounts.id, workspaces.accountId))
    .leftJoin(
      recipient,
      and(
        eq(recipient.accountId, workspaces.accountId),
        eq(recipient.id, sql`coalesce(${workspaces.testRecipientMemberId}, ${accounts.createdByMemberId})`),
      ),
    )
    .leftJoin(
      recipientRole,
      and(eq(recipientRole.workspaceId, workspaces.id), eq(recipientRole.memberId, recipient.id)),
    )
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.accountId, accountId), live));
  return row && { workspace: row.workspace, recipient: row.recipient as MemberStanding | null };
}

/** A member of the account with their explicit role in the workspace, if any. */
export async function findMemberStanding(
  tx: Db,
  accountId: string,
  workspaceId: string,
  memberId: string,
): Promise<MemberStanding | undefined> {
  const [row] = await tx
    .select(standing)
    .from(recipient)
    .leftJoin(
      recipientRole,
      and(eq(recipientRole.workspaceId, workspaceId), eq(recipientRole.memberId, recipient.id)),
    )
    .where(and(eq(recipient.accountId, accountId), eq(recipient.id, memberId)));
  return row;
}

/**
 * The workspace, with the row locked until the transaction ends (settings changes, deletion), and
 * the workspace's gate (db/advisory-locks.ts) held exclusively, so no Track API call is half-way
 * through meanwhile. The gate is an advisory lock, shared by the Track API, which writes the
 * workspace's people at a high rate: it lives in memory, where a shared row lock on the workspace
 * would write the row (a MultiXact) on every call.
 */
export async function lockWorkspace(
  tx: Db,
  accountId: string,
  workspaceId: string,
): Promise<WorkspaceRow | undefined> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${WORKSPACE_GATE}, hashtext(${workspaceId}))`);
  const [row] = await tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.accountId, accountId), live))
    .for('no key update');
  return row;
}

/**
 * A live workspace by id, its row locked shared until the transaction ends: a change to it
 * (lockWorkspace) waits for this transaction, or this one for the change. Taken before any lock
 * on people (the merge of people who share an email, revalidate.ts).
 */
export async function lockWorkspaceShared(tx: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), live))
    .for('share');
  return row;
}

export async function listWorkspaces(
  tx: Db,
  accountId: string,
  ids: readonly string[],
): Promise<WorkspaceRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.accountId, accountId), inArray(workspaces.id, [...ids]), live))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
}

/** Every live workspace of the account, oldest first. */
export async function listAccountWorkspaces(tx: Db, accountId: string): Promise<WorkspaceRow[]> {
  return tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.accountId, accountId), live))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
}

export async function updateWorkspace(
  tx: Db,
  workspaceId: string,
  changes: Partial<Omit<NewWorkspace, 'id' | 'accountId'>>,
): Promise<WorkspaceRow> {
  const [row] = await tx.update(workspaces).set(changes).where(eq(workspaces.id, workspaceId)).returning();
  return row!;
}

export async function setRoles(
  tx: Db,
  workspaceId: string,
  roles: readonly Omit<WorkspaceRoleRow, 'workspaceId'>[],
): Promise<void> {
  if (roles.length === 0) return;
  await tx
    .insert(workspaceRoles)
    .values(roles.map((r) => ({ ...r, workspaceId })))
    .onConflictDoUpdate({
      target: [workspaceRoles.workspaceId, workspaceRoles.memberId],
      set: { role: sql`excluded.role`, hideAttributes: sql`excluded.hide_attributes` },
    });
}

export async function removeRoles(tx: Db, workspaceId: string, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  await tx
    .delete(workspaceRoles)
    .where(
      and(eq(workspaceRoles.workspaceId, workspaceId), inArray(workspaceRoles.memberId, [...memberIds])),
    );
}

/** Every member of the account with their explicit role here, if any (access/ decides what it means). */
export async function listMembersWithRole(tx: Db, accountId: string, workspaceId: string) {
  return tx
    .select({
      memberId: members.id,
      firstName: members.firstName,
      lastName: members.lastName,
      email: members.email,
      accountRole: members.accountRole,
      allWorkspacesRole: members.allWorkspacesRole,
      allWorkspacesHideAttributes: members.allWorkspacesHideAttributes,
      role: workspaceRoles.role,
      hideAttributes: workspaceRoles.hideAttributes,
    })
    .from(members)
    .leftJoin(
      workspaceRoles,
      and(eq(workspaceRoles.memberId, members.id), eq(workspaceRoles.workspaceId, workspaceId)),
    )
    .where(eq(members.accountId, accountId))
    .orderBy(asc(members.firstName), asc(members.lastName), asc(members.id));
}

/** A live workspace by id alone: for jobs, which carry the id the account already owned. */
export async function findLiveWorkspaceById(tx: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), live));
  return row;
}
