import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { deleteAccount, findAccount, lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import type { ClientInfo } from '../auth/service.js';
import { countLoginAttempt, openSession } from '../auth/service.js';
import { isEmailVerified } from '../identity/email-verification.js';
import { sendEmail } from '../mail/service.js';
import { checkNewPassword } from '../security/password-policy.js';
import { ssoRequired } from '../sso/enforcement.js';
import { findSso } from '../sso/store.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import {
  invalidFields,
  memberWorkspaces,
  replaceWorkspaceAccess,
  validateWorkspaceAccess,
} from './access.js';
import { invitationEmail } from './emails.js';
import type { AcceptBody, InviteBody, TeamMember } from './schemas.js';
import { toMember } from './schemas.js';
import { assertEmailFree, teamMemberView, unlessEmailTaken } from './service.js';
import type { MemberRow } from './store.js';
import * as store from './store.js';

const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const invitationLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/invitations/${token}`;

/**
 * The trial account that still holds this address, when its owner may cancel it themselves: the
 * address's only holder, active, alone in an account still in its trial (product.md §1 — "the seed
 * makes them contact support — we do better"). Null when no such trial is in the way. `verified`:
 * the holder proved the address; if not, the trial never claimed it, and accepting the invitation
 * (which proves it) drops the trial without its password.
 */
async function cancellableTrial(tx: Db, email: string, accountId: string, now: Date) {
  const holders = (await store.findMembersByEmail(tx, email)).filter((m) => m.accountId !== accountId);
  const [holder] = holders;
  if (holders.length !== 1 || holder?.status !== 'active') return null;
  const account = await findAccount(tx, holder.accountId);
  if (
    !account?.trialEndsAt ||
    account.trialEndsAt <= now ||
    (await store.countMembers(tx, account.id)) !== 1
  ) {
    return null;
  }
  return { account, owner: holder, verified: isEmailVerified(holder) };
}

/**
 * Whether accepting this invitation drops the trial in the way without the trial's password: its
 * holder never proved the address, and the link went to the address alone (recipient-only), so
 * using it proves the address. A trial that appeared after a readable invitation was sent still
 * takes its password.
 */
const dropsWithoutPassword = (
  trial: { verified: boolean } | null,
  invitation: { recipientOnly: boolean },
): boolean => trial !== null && !trial.verified && invitation.recipientOnly;

/** Who sends an invitation without a session (SCIM provisioning): a name, and the account's. */
export interface Inviter {
  memberId: string | null;
  name: string;
  accountName: string;
}

/** A new 7-day link (the previous ones die), emailed to the member's address. */
export async function issueInvitation(ctx: AppContext, tx: Db, member: MemberRow, inviter: Actor | Inviter) {
  const by =
    'subject' in inviter
      ? { memberId: inviter.member.id, name: actorName(inviter), accountName: inviter.account.name }
      : inviter;
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  await store.revokeInvitations(tx, member.id, now);
  const trial = await cancellableTrial(tx, member.email, member.accountId, now);
  // Accepting drops an unverified trial holding the address without its password: then the link
  // must be read by the address's owner only, never by the inviter in the outbox.
  const recipientOnly = trial !== null && !trial.verified;
  await store.insertInvitation(tx, {
    id: newId('inv'),
    accountId: member.accountId,
    memberId: member.id,
    tokenHash: hashToken(token),
    invitedByMemberId: by.memberId,
    invitedByName: by.name,
    createdAt: now,
    expiresAt,
    recipientOnly,
  });
  const email = invitationEmail({
    inviterName: by.name,
    accountName: by.accountName,
    link: invitationLink(ctx, token),
    expiresAt,
    trialAccountName: trial?.account.name ?? null,
  });
  await sendEmail(ctx, tx, {
    accountId: member.accountId,
    kind: recipientOnly ? 'private_invitation' : 'invitation',
    to: member.email,
    ...email,
  });
}

/** Invites a team member: an invited member row, their access, and an email with a 7-day link. */
export async function inviteTeamMember(ctx: AppContext, actor: Actor, body: InviteBody): Promise<TeamMember> {
  const { accountId } = actor.subject;
  const member = await ctx.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    assertWithinLimit(
      account.plan,
      limitsOf(account),
      'teamMembers',
      await store.countMembers(tx, accountId),
    );
    if (!(await cancellableTrial(tx, body.email, accountId, ctx.clock.now())))
      await assertEmailFree(tx, body.email, accountId);
    const accountRole = body.accountRole ?? 'member';
    if (body.workspaceAccess) {
      const errors = validateWorkspaceAccess(
        accountRole,
        body.workspaceAccess,
        await listAccountWorkspaces(tx, accountId),
        '/workspaceAccess',
      );
      if (errors.length > 0) throw invalidFields(errors);
    }
    const now = ctx.clock.now();
    const row = await store.insertMember(tx, {
      id: newId('mem'),
      accountId,
      email: body.email,
      firstName: body.firstName.trim(),
      lastName: body.lastName.trim(),
      passwordHash: null,
      accountRole,
      canBilling: body.permissions?.billing ?? false,
      canApiCredentials: body.permissions?.apiCredentials ?? false,
      canSupportAccess: body.permissions?.supportAccess ?? false,
      status: 'invited',
      marketingOptIn: false,
      createdAt: now,
      updatedAt: now,
    });
    await replaceWorkspaceAccess(tx, row, body.workspaceAccess, now);
    await issueInvitation(ctx, tx, row, actor);
    const view = await teamMemberView(ctx, tx, (await store.findMember(tx, accountId, row.id))!);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.invited',
      target: { type: 'team_member', id: row.id, name: `${row.firstName} ${row.lastName}` },
      after: {
        email: view.email,
        accountRole: view.accountRole,
        permissions: view.permissions,
        workspaceAccess: view.workspaceAccess,
        workspaces: view.workspaces.map(({ workspaceId, role, hideAttributes }) => ({
          workspaceId,
          role,
          hideAttributes,
        })),
      },
    });
    return view;
  });
  ctx.jobs.notify();
  return member;
}

async function pendingMember(tx: Db, accountId: string, memberId: string): Promise<MemberRow> {
  const member = await store.findMember(tx, accountId, memberId);
  if (!member) throw notFound('Team member');
  if (member.status !== 'invited') {
    throw new DomainError('not_invited', `${member.email} has already accepted their invitation.`);
  }
  return member;
}

/** Sends a new link; the previous one dies. */
export async function resendInvitation(ctx: AppContext, actor: Actor, memberId: string): Promise<void> {
  const { accountId } = actor.subject;
  await ctx.db.transaction(async (tx) => {
    const member = await pendingMember(tx, accountId, memberId);
    await issueInvitation(ctx, tx, member, actor);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.invite_resent',
      target: { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` },
    });
  });
  ctx.jobs.notify();
}

/** Withdraws an invitation: the link dies and the invited member, who never joined, is removed. */
export async function revokeInvitation(ctx: AppContext, actor: Actor, memberId: string): Promise<void> {
  const { accountId } = actor.subject;
  await ctx.db.transaction(async (tx) => {
    const member = await pendingMember(tx, accountId, memberId);
    await store.deleteMember(tx, accountId, member.id);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.invite_revoked',
      target: { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` },
      before: { email: member.email },
    });
  });
}

/** 404 for a token never issued; 410 for one used, withdrawn or expired ("Used or expired links → 410"). */
async function usableInvitation(ctx: AppContext, tx: Db, token: string) {
  const invitation = await store.findInvitationByToken(tx, hashToken(token));
  if (!invitation) throw notFound('Invitation');
  const gone = (why: string) =>
    new DomainError('gone', `This invitation link ${why}; ask for a new invitation.`);
  if (invitation.acceptedAt) throw gone('has already been used');
  if (invitation.revokedAt) throw gone('was replaced or withdrawn');
  if (invitation.expiresAt <= ctx.clock.now()) throw gone('has expired');
  const member = (await store.findMember(tx, invitation.accountId, invitation.memberId))!;
  return { invitation, member };
}

/** What the link offers; counted against the caller's address like every anonymous link request. */
export async function viewInvitation(ctx: AppContext, token: string, client: ClientInfo) {
  await countAnonymousRequest(ctx, 'links', client);
  const { invitation, member } = await usableInvitation(ctx, ctx.db, token);
  const account = (await findAccount(ctx.db, member.accountId))!;
  const workspaces = memberWorkspaces(
    member,
    await store.rolesOf(ctx.db, member.accountId, [member.id]),
    await listAccountWorkspaces(ctx.db, member.accountId),
  );
  const trial = await cancellableTrial(ctx.db, member.email, member.accountId, ctx.clock.now());
  const sso = await findSso(ctx.db, member.accountId);
  return {
    accountName: account.name,
    inviterName: invitation.invitedByName,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    workspaces: workspaces.map((w) => ({ id: w.workspaceId, name: w.workspaceName, role: w.role })),
    expiresAt: invitation.expiresAt.toISOString(),
    singleSignOn: sso ? (sso.enforce ? ('enforced' as const) : ('offered' as const)) : null,
    trialToCancel: trial
      ? { accountName: trial.account.name, passwordRequired: !dropsWithoutPassword(trial, invitation) }
      : null,
  };
}

/**
 * Accepts an invitation: the link is used once (a guarded update, so two accepts cannot both win),
 * the member becomes active with the password they chose and is signed in, in the first workspace
 * granted. A trial account still holding the address is cancelled only when they ask for it.
 */
export async function acceptInvitation(ctx: AppContext, token: string, body: AcceptBody, client: ClientInfo) {
  // The link is counted and looked up before the password is hashed: a made-up token costs one
  // cheap 404 (or 410), never an argon2 hash.
  await countAnonymousRequest(ctx, 'links', client);
  const { member: invited } = await usableInvitation(ctx, ctx.db, token);
  if ((await findSso(ctx.db, invited.accountId))?.enforce) {
    throw ssoRequired(
      'This account signs in with single sign-on: accept the invitation through SSO, with no password.',
    );
  }
  // Cancelling a trial takes its password, which the inviter (who can read the invitation in the
  // outbox) does not have; wrong guesses count against the address's login limit.
  const trialPassword = body.cancelTrial?.password;
  if (trialPassword !== undefined) await countLoginAttempt(ctx, invited.email, client);
  checkNewPassword(body.password, '/password');
  const passwordHash = await hashPassword(body.password, ctx.config.passwordHashing);
  const result = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { member, invitation } = await usableInvitation(ctx, tx, token);
    if (!(await store.claimInvitation(tx, hashToken(token), now))) {
      throw new DomainError('gone', 'This invitation link has already been used; ask for a new invitation.');
    }
    const trial = await cancellableTrial(tx, member.email, member.accountId, now);
    const passwordRequired = trial !== null && !dropsWithoutPassword(trial, invitation);
    if (passwordRequired && trialPassword === undefined) {
      throw new DomainError(
        'trial_in_the_way',
        `${member.email} still belongs to your trial account "${trial.account.name}". ` +
          'To cancel that trial and join, accept again with cancelTrial: {password} (the trial account’s password).',
      );
    }
    if (trial) {
      if (
        passwordRequired &&
        !(await verifyPassword(trial.owner.passwordHash, trialPassword!, ctx.config.passwordHashing))
      ) {
        throw new DomainError('invalid_credentials', 'That is not the password of the trial account.', {
          errors: [{ path: '/cancelTrial/password', message: 'not the trial account’s password' }],
        });
      }
      await deleteAccount(tx, trial.account.id);
    }
    const workspaces = memberWorkspaces(
      member,
      await store.rolesOf(tx, member.accountId, [member.id]),
      await listAccountWorkspaces(tx, member.accountId),
    );
    const active = await unlessEmailTaken(member.email, () =>
      store.updateMember(tx, member.accountId, member.id, {
        status: 'active',
        firstName: body.firstName.trim(),
        lastName: body.lastName.trim(),
        passwordHash,
        marketingOptIn: body.marketingOptIn,
        // The link was emailed to this address (a change of address sends a new one): using it proves it.
        emailVerifiedAt: now,
        currentWorkspaceId: workspaces[0]?.workspaceId ?? null,
        updatedAt: now,
      }),
    );
    const session = await openSession(ctx, tx, active, client);
    await recordActivity(tx, ctx.clock, {
      accountId: member.accountId,
      author: { memberId: active.id, name: `${active.firstName} ${active.lastName}`, ip: client.ip },
      action: 'team_member.invite_accepted',
      target: { type: 'team_member', id: active.id, name: `${active.firstName} ${active.lastName}` },
      after: {
        marketingOptIn: body.marketingOptIn,
        emailVerified: true,
        ...(trial && { cancelledTrialAccountId: trial.account.id }),
        ...(trial && !passwordRequired && { cancelledTrialUnverified: true }),
      },
    });
    return {
      session,
      body: {
        member: toMember({ ...active, lastLoginAt: now }),
        currentWorkspaceId: active.currentWorkspaceId,
      },
      changed: trial ? [member.accountId, trial.account.id] : [member.accountId],
    };
  });
  for (const accountId of result.changed) ctx.cache.drop(accountId);
  return result;
}
