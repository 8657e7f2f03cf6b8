import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { invitations, members, passwordResets, workspaceRoles, workspaces } from '../../db/schema.js';

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type InvitationRow = typeof invitations.$inferSelect;
export type WorkspaceRoleRow = typeof workspaceRoles.$inferSelect;

const sameEmail = (email: string) => sql`lower(${members.email}) = lower(${email})`;

export async function insertMember(tx: Db, member: NewMember): Promise<MemberRow> {
  const [row] = await tx.insert(members).values(member).returning();
  return row!;
}

/** The active member with this email (unique among active members), whatever its case. */
export async function findMemberByEmail(tx: Db, email: string): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(sameEmail(email), eq(members.status, 'active')));
  return row;
}

/** The member of this account with this email, whatever its status and case, locked for the caller's change. */
export async function findAccountMemberByEmail(
  tx: Db,
  accountId: string,
  email: string,
): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.accountId, accountId), sameEmail(email)))
    .for('update');
  return row;
}

/** Forgets which identity provider subject each member of the account signed in with (single sign-on). */
export async function forgetSsoSubjects(tx: Db, accountId: string): Promise<void> {
  await tx.update(members).set({ ssoSubject: null }).where(eq(members.accountId, accountId));
}

/** Every member row, active or invited, in any account, with this email. */
export async function findMembersByEmail(tx: Db, email: string): Promise<MemberRow[]> {
  return tx.select().from(members).where(sameEmail(email));
}

export async function findMember(
  tx: Db,
  accountId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.accountId, accountId), eq(members.id, memberId)));
  return row;
}

/** A member by id alone: only for links (reset, invitation) whose token already proves the account. */
export async function findMemberById(tx: Db, memberId: string): Promise<MemberRow | undefined> {
  const [row] = await tx.select().from(members).where(eq(members.id, memberId));
  return row;
}

export async function countMembers(tx: Db, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.accountId, accountId));
  return row?.n ?? 0;
}

export async function countOtherActiveAdmins(tx: Db, accountId: string, memberId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(
      and(
        eq(members.accountId, accountId),
        eq(members.accountRole, 'account_admin'),
        eq(members.status, 'active'),
        sql`${members.id} <> ${memberId}`,
      ),
    );
  return row?.n ?? 0;
}

export async function findMembers(tx: Db, accountId: string, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(members)
    .where(and(eq(members.accountId, accountId), inArray(members.id, [...ids])));
}

export async function listMembers(tx: Db, accountId: string): Promise<MemberRow[]> {
  return tx
    .select()
    .from(members)
    .where(eq(members.accountId, accountId))
    .orderBy(asc(members.createdAt), asc(members.id));
}

export async function updateMember(
  tx: Db,
  accountId: string,
  memberId: string,
  changes: Partial<Omit<NewMember, 'id' | 'accountId'>>,
): Promise<MemberRow> {
  const [row] = await tx
    .update(members)
    .set(changes)
    .where(and(eq(members.accountId, accountId), eq(members.id, memberId)))
    .returning();
  return row!;
}

/** Deletes a member; their sessions, invitations, reset links and roles go with them (cascade). */
export async function deleteMember(tx: Db, accountId: string, memberId: string): Promise<void> {
  await tx.delete(members).where(and(eq(members.accountId, accountId), eq(members.id, memberId)));
}

// ---- workspace roles --------------------------------------------------------------------------

/** Explicit roles of these members in the account's live workspaces. */
export async function rolesOf(
  tx: Db,
  accountId: string,
  memberIds: readonly string[],
): Promise<WorkspaceRoleRow[]> {
  if (memberIds.length === 0) return [];
  return tx
    .select({
      workspaceId: workspaceRoles.workspaceId,
      memberId: workspaceRoles.memberId,
      role: workspaceRoles.role,
      hideAttributes: workspaceRoles.hideAttributes,
    })
    .from(workspaceRoles)
    .innerJoin(workspaces, eq(workspaces.id, workspaceRoles.workspaceId))
    .where(
      and(
        eq(workspaces.accountId, accountId),
        isNull(workspaces.deletedAt),
        inArray(workspaceRoles.memberId, [...memberIds]),
      ),
    );
}

export async function putRoles(tx: Db, rows: readonly WorkspaceRoleRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(workspaceRoles)
    .values([...rows])
    .onConflictDoUpdate({
      target: [workspaceRoles.workspaceId, workspaceRoles.memberId],
      set: { role: sql`excluded.role`, hideAttributes: sql`excluded.hide_attributes` },
    });
}

export async function removeRoles(
  tx: Db,
  memberIds: readonly string[],
  workspaceIds?: readonly string[],
): Promise<void> {
  if (memberIds.length === 0 || workspaceIds?.length === 0) return;
  await tx
    .delete(workspaceRoles)
    .where(
      and(
        inArray(workspaceRoles.memberId, [...memberIds]),
        workspaceIds ? inArray(workspaceRoles.workspaceId, [...workspaceIds]) : undefined,
      ),
    );
}

// ---- invitations -------------------------------------------------------------------------------

export async function insertInvitation(
  tx: Db,
  invitation: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await tx.insert(invitations).values(invitation).returning();
  return row!;
}

export async function findInvitationByToken(tx: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/**
 * Uses an invitation, once: the guarded update succeeds for exactly one of any number of
 * concurrent accepts, and not at all for a used, revoked or expired link.
 */
export async function claimInvitation(
  tx: Db,
  tokenHash: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function revokeInvitations(tx: Db, memberId: string, now: Date): Promise<void> {
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(eq(invitations.memberId, memberId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    );
}

/** The latest invitation of each of these members. */
export async function latestInvitations(tx: Db, memberIds: readonly string[]): Promise<InvitationRow[]> {
  if (memberIds.length === 0) return [];
  return tx
    .selectDistinctOn([invitations.memberId])
    .from(invitations)
    .where(inArray(invitations.memberId, [...memberIds]))
    .orderBy(invitations.memberId, desc(invitations.createdAt), desc(invitations.id));
}

// ---- password resets ---------------------------------------------------------------------------

export async function insertPasswordReset(tx: Db, reset: typeof passwordResets.$inferInsert): Promise<void> {
  await tx.insert(passwordResets).values(reset);
}

export async function revokePasswordResets(tx: Db, memberId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ revokedAt: now })
    .where(
      and(
        eq(passwordResets.memberId, memberId),
        isNull(passwordResets.usedAt),
        isNull(passwordResets.revokedAt),
      ),
    );
}

export async function findPasswordReset(tx: Db, tokenHash: string) {
  const [row] = await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash));
  return row;
}

/** Uses a reset link, once (see claimInvitation). */
export async function claimPasswordReset(tx: Db, tokenHash: string, now: Date) {
  const [row] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        isNull(passwordResets.revokedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning();
  return row;
}
