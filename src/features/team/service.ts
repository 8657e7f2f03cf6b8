import { can } from '../../access/policy.js';
import { isAccountAdmin, resolveSubject } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, forbidden, notFound } from '../../shared/errors.js';
import { lockAccount } from '../accounts/store.js';
import { changedFields, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { type ClientInfo, confirmCurrentPassword, currentPasswordRequired } from '../auth/service.js';
import { addressChangedByAdmin, countEmailSend, startEmailChange } from '../identity/email-verification.js';
import { membersWithSecondFactor } from '../two-factor/store.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import {
  accessRecord,
  invalidFields,
  memberWorkspaces,
  replaceWorkspaceAccess,
  validateWorkspaceAccess,
} from './access.js';
import { issueInvitation } from './invitations.js';
import type { TeamMember, UpdateMemberBody } from './schemas.js';
import { allWorkspacesOf, flagsOf, toMember } from './schemas.js';
import type { MemberRow } from './store.js';
import * as store from './store.js';

const memberNotFound = (): never => {
  throw notFound('Team member');
};

/** Loads what team-member views need: roles, live workspaces, latest invitations. */
export async function viewsOf(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  rows: readonly MemberRow[],
): Promise<TeamMember[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: queries of one transaction share its connection.
  const roles = await store.rolesOf(tx, accountId, ids);
  const liveWorkspaces = await listAccountWorkspaces(tx, accountId);
  const invitations = await store.latestInvitations(
    tx,
    rows.filter((r) => r.status === 'invited').map((r) => r.id),
  );
  const withTwoFactor = await membersWithSecondFactor(tx, ids);
  const now = ctx.clock.now();
  const invitationOf = new Map(invitations.map((i) => [i.memberId, i]));
  return rows.map((row) => {
    const invitation = invitationOf.get(row.id);
    const all = allWorkspacesOf(row);
    return {
      ...toMember(row, withTwoFactor.has(row.id)),
      workspaceAccess: all ? { mode: 'all' as const, ...all } : { mode: 'custom' as const },
      workspaces: memberWorkspaces(
        row,
        roles.filter((r) => r.memberId === row.id),
        liveWorkspaces,
      ),
      status:
        row.status === 'active' || row.status === 'deactivated'
          ? row.status
          : invitation && invitation.expiresAt > now
            ? 'invited'
            : 'expired',
      inviteSentAt: invitation?.createdAt.toISOString() ?? null,
      inviteExpiresAt: invitation?.expiresAt.toISOString() ?? null,
    };
  });
}

export async function teamMemberView(ctx: AppContext, tx: Db, row: MemberRow): Promise<TeamMember> {
  const [view] = await viewsOf(ctx, tx, row.accountId, [row]);
  return view!;
}

/**
 * What the caller may see of a member: Account Admins see everyone; a Member sees themself and the
 * members who hold a role in a workspace they can access, and of those roles only the ones in such
 * workspaces. Null: not visible at all.
 */
function visibleTo(actor: Actor, member: TeamMember): TeamMember | null {
  if (can(actor.subject, 'team_members.view_all')) return member;
  const shared = member.workspaces.filter((w) => actor.subject.workspaces.has(w.workspaceId));
  if (member.id !== actor.member.id && shared.length === 0) return null;
  return { ...member, workspaces: shared };
}

export async function listTeamMembers(ctx: AppContext, actor: Actor): Promise<TeamMember[]> {
  const { accountId } = actor.subject;
  // Kept until the account's members, roles, workspaces, invitations or second factors change.
  const views = await ctx.cache.read(
    accountId,
    `team:${accountId}`,
    async () => viewsOf(ctx, ctx.db, accountId, await store.listMembers(ctx.db, accountId)),
    (members) => members.reduce((bytes, m) => bytes + 1024 + 200 * m.workspaces.length, 0),
  );
  const now = ctx.clock.now().toISOString();
  return views.flatMap((v) => {
    const visible = visibleTo(actor, v);
    if (!visible) return [];
    // The list may have been read before this invitation expired.
    const lapsed =
      visible.status === 'invited' && visible.inviteExpiresAt !== null && visible.inviteExpiresAt <= now;
    return lapsed ? { ...visible, status: 'expired' as const } : visible;
  });
}

/**
 * The team list as the route answers it, serialized once (`serialize`: the route's own response
 * serializer) and kept per account and per what the caller may see: Account Admins share one, a
 * Member has their own. Kept until the account changes or its first pending invitation expires.
 */
export async function teamListJson(
  ctx: AppContext,
  actor: Actor,
  serialize: (body: { items: TeamMember[] }) => Buffer,
): Promise<Buffer> {
  const { accountId } = actor.subject;
  const seen = can(actor.subject, 'team_members.view_all') ? 'all' : actor.member.id;
  // What the caller may see was read at actor.readAt: the answer is not kept if the account changed since.
  return ctx.cache.answer(accountId, `team-json:${accountId}:${seen}`, actor.readAt, async () => {
    const items = await listTeamMembers(ctx, actor);
    const expiries = items.flatMap((m) =>
      m.status === 'invited' && m.inviteExpiresAt ? [Date.parse(m.inviteExpiresAt)] : [],
    );
    return { bytes: serialize({ items }), until: Math.min(Number.POSITIVE_INFINITY, ...expiries) };
  });
}

export async function getTeamMember(ctx: AppContext, actor: Actor, memberId: string): Promise<TeamMember> {
  const row = (await store.findMember(ctx.db, actor.subject.accountId, memberId)) ?? memberNotFound();
  return visibleTo(actor, await teamMemberView(ctx, ctx.db, row)) ?? memberNotFound();
}

/** Refuses an address that another member, in this account or any other, already has. */
export async function assertEmailFree(
  tx: Db,
  email: string,
  accountId: string,
  exceptMemberId?: string,
): Promise<void> {
  const holders = (await store.findMembersByEmail(tx, email)).filter((m) => m.id !== exceptMemberId);
  if (holders.some((m) => m.accountId === accountId)) {
    throw new DomainError('already_member', `${email} is already a team member of this account.`, {
      errors: [{ path: '/email', message: 'already a team member of this account' }],
    });
  }
  if (holders.length > 0) throw emailInOtherAccount(email);
}

export const emailInOtherAccount = (email: string) =>
  new DomainError(
    'email_in_other_account',
    `${email} belongs to another Atrium account; an email address belongs to one account only.`,
    { errors: [{ path: '/email', message: 'belongs to another account' }] },
  );

/** Writes a member; an address already active in another account is that problem, not a 500. */
export async function unlessEmailTaken<T>(email: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw emailInOtherAccount(email);
    throw error;
  }
}

/** The last active Account Admin stays one: nobody could manage the account otherwise. */
async function assertNotLastAdmin(tx: Db, member: MemberRow, action: string): Promise<void> {
  if (!isAccountAdmin(member.accountRole) || member.status !== 'active') return;
  if ((await store.countOtherActiveAdmins(tx, member.accountId, member.id)) === 0) {
    throw new DomainError('last_admin', `${member.email} is the last Account Admin and cannot be ${action}.`);
  }
}

const profileRecord = (m: MemberRow) => ({
  firstName: m.firstName,
  lastName: m.lastName,
  email: m.email,
  accountRole: m.accountRole,
  permissions: flagsOf(m),
});

/**
 * Edits a member. Account Admins change anything of anyone; everyone may change their own name and
 * email, and nothing else. One's own new email goes by confirmation (startEmailChange: it changes
 * when the link sent to it is used; pendingEmail says where it went), whatever the route; an
 * Account Admin gives another member a new address at once, unverified, with a link to prove it.
 */
export async function updateTeamMember(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  body: UpdateMemberBody,
  client: ClientInfo,
): Promise<{ member: TeamMember; pendingEmail: string | null }> {
  const { accountId } = actor.subject;
  const manages = can(actor.subject, 'team_members.manage');
  const self = memberId === actor.member.id;
  if (!manages && self) {
    const adminOnly = (['accountRole', 'permissions', 'workspaceAccess'] as const).filter(
      (f) => body[f] !== undefined,
    );
    if (adminOnly.length > 0) {
      throw forbidden(
        'team_members.manage',
        `Only Account Admins change ${adminOnly.join(', ')}; you may change your name and email.`,
      );
    }
  }
  // The password is checked before the transaction (argon2 holds no lock), and only for a caller
  // who may make the change at all: anyone else gets their 403 or 404 below, whatever they send.
  let passwordConfirmed = false;
  if ((manages || self) && body.email !== undefined) {
    const current = await store.findMember(ctx.db, accountId, memberId);
    if (current && body.email !== current.email) {
      // The address is where reset links go: changing it hands the account to whoever holds the
      // new one, so a session alone is not enough, an Account Admin's included (see README).
      await confirmCurrentPassword(ctx, actor, body.currentPassword, client);
      passwordConfirmed = true;
      if (self) await countEmailSend(ctx, memberId, 'change');
    }
  }
  const result = await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const before = (await store.findMember(tx, accountId, memberId)) ?? memberNotFound();
    if (!manages && !self) {
      // A member they cannot see does not exist for them.
      visibleTo(actor, await teamMemberView(ctx, tx, before)) ?? memberNotFound();
      throw forbidden('team_members.manage', 'Only Account Admins edit other team members.');
    }

    const now = ctx.clock.now();
    const accountRole = body.accountRole ?? before.accountRole;
    if (isAccountAdmin(before.accountRole) && !isAccountAdmin(accountRole))
      await assertNotLastAdmin(tx, before, 'demoted');
    const emailChanges = body.email !== undefined && body.email !== before.email;
    // Changed by someone else since it was read above, without a password check: send it again.
    if (emailChanges && !passwordConfirmed) throw currentPasswordRequired();
    // One's own address changes only through the link sent to the new one (one path, whatever the route).
    const pendingEmail =
      self && emailChanges ? await startEmailChange(ctx, tx, before, body.email!, actor) : null;
    const adminChangesEmail = emailChanges && !self;
    if (adminChangesEmail && body.email!.toLowerCase() !== before.email.toLowerCase()) {
      await assertEmailFree(tx, body.email!, accountId, memberId);
    }
    // Reset links already sent went to the old address, which is no longer the member's.
    if (adminChangesEmail) await store.revokePasswordResets(tx, memberId, now);
    const liveWorkspaces = await listAccountWorkspaces(tx, accountId);
    if (body.workspaceAccess) {
      const errors = validateWorkspaceAccess(
        accountRole,
        body.workspaceAccess,
        liveWorkspaces,
        '/workspaceAccess',
      );
      if (errors.length > 0) throw invalidFields(errors);
    }

    const changes = {
      firstName: body.firstName?.trim(),
      lastName: body.lastName?.trim(),
      ...(adminChangesEmail && { email: body.email, emailVerifiedAt: null }),
      accountRole: body.accountRole,
      canBilling: body.permissions?.billing,
      canApiCredentials: body.permissions?.apiCredentials,
      canSupportAccess: body.permissions?.supportAccess,
    };
    let after = await unlessEmailTaken(body.email ?? before.email, () =>
      store.updateMember(tx, accountId, memberId, { ...changes, updatedAt: now }),
    );
    if (adminChangesEmail)
      await addressChangedByAdmin(ctx, tx, after, actor, (m) => issueInvitation(ctx, tx, m, actor));
    const rolesBefore = memberWorkspaces(
      before,
      await store.rolesOf(tx, accountId, [memberId]),
      liveWorkspaces,
    );
    // Becoming an Account Admin replaces stored roles (they hold every workspace by rule).
    if (body.workspaceAccess || accountRole !== before.accountRole) {
      await replaceWorkspaceAccess(tx, after, body.workspaceAccess, now);
      after = (await store.findMember(tx, accountId, memberId))!;
    }
    const rolesAfter = memberWorkspaces(
      after,
      await store.rolesOf(tx, accountId, [memberId]),
      liveWorkspaces,
    );

    const profile = changedFields(profileRecord(before), profileRecord(after));
    const roles = changedFields(
      { workspaces: accessRecord(rolesBefore) },
      { workspaces: accessRecord(rolesAfter) },
    );
    const target = { type: 'team_member', id: memberId, name: `${after.firstName} ${after.lastName}` };
    if (profile) {
      await recordActivity(tx, ctx.clock, {
        accountId,
        author: actor,
        action: 'team_member.updated',
        target,
        ...profile,
      });
    }
    if (roles) {
      await recordActivity(tx, ctx.clock, {
        accountId,
        author: actor,
        action: 'team_member.roles_changed',
        target,
        ...roles,
      });
    }
    return { member: await teamMemberView(ctx, tx, after), pendingEmail };
  });
  ctx.jobs.notify();
  return result;
}

/**
 * Deletes a member. Their sessions, invitation and reset links go in the same transaction, so their
 * next request is a 401; what they did stays in the activity log under their name.
 */
export async function deleteTeamMember(ctx: AppContext, actor: Actor, memberId: string): Promise<void> {
  const { accountId } = actor.subject;
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const member = (await store.findMember(tx, accountId, memberId)) ?? memberNotFound();
    await assertNotLastAdmin(tx, member, 'deleted');
    await store.deleteMember(tx, accountId, memberId);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.deleted',
      target: { type: 'team_member', id: memberId, name: `${member.firstName} ${member.lastName}` },
      before: profileRecord(member),
    });
  });
}

/** A member's access as the engine sees it (for explaining it, or checking it for an app). */
export async function loadMemberSubject(tx: Db, accountId: string, memberId: string) {
  const member = await store.findMember(tx, accountId, memberId);
  if (!member) return undefined;
  const roles = await store.rolesOf(tx, accountId, [memberId]);
  const live = await listAccountWorkspaces(tx, accountId);
  return {
    member,
    subject: resolveSubject({
      memberId,
      accountId,
      accountRole: member.accountRole,
      flags: flagsOf(member),
      accountWorkspaceIds: live.map((w) => w.id),
      grants: roles,
      allWorkspaces: allWorkspacesOf(member),
    }),
  };
}
