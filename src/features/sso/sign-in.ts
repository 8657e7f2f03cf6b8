import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import { type ClientInfo, type NewSession, openSession } from '../auth/service.js';
import { memberWorkspaces, replaceWorkspaceAccess, validateWorkspaceAccess } from '../team/access.js';
import { unlessEmailTaken } from '../team/service.js';
import type { MemberRow } from '../team/store.js';
import * as team from '../team/store.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import type { LoginRow } from './store.js';
import * as store from './store.js';

/** Who the identity provider says signed in, once its answer has been checked (signature, nonce…). */
export interface VerifiedIdentity {
  /** The provider's stable id for the person (OIDC `sub`, SAML NameID). */
  subject: string;
  email: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

/** Shown in the activity log as the author of what single sign-on does by itself. */
export const SSO_AUTHOR = { memberId: null, name: 'Single sign-on' } as const;

export const ssoRefused = (detail: string) => new DomainError('sso_refused', detail);

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Ends a sign-in through the identity provider, in one transaction: finds (or, with just-in-time
 * provisioning, creates) the team member the identity names, accepts their invitation when the
 * sign-in started from one, binds the provider's subject at the first sign-in, and opens a session.
 * An identity is accepted only for this account's verified domains, except the very address an
 * invitation of this account was sent to.
 */
export async function completeSsoSignIn(
  ctx: AppContext,
  tx: Db,
  login: LoginRow,
  identity: VerifiedIdentity,
  client: ClientInfo,
): Promise<{ session: NewSession; member: MemberRow }> {
  const now = ctx.clock.now();
  const accountId = login.accountId;
  const email = identity.email.trim().toLowerCase();
  const invitation = login.invitationTokenHash ? await invitationOf(ctx, tx, login) : null;
  if (invitation && invitation.member.email.toLowerCase() !== email) {
    throw ssoRefused(
      `You signed in as ${email}, but the invitation is for ${invitation.member.email}. ` +
        'Sign in to the identity provider with the invited address.',
    );
  }
  let member = await team.findAccountMemberByEmail(tx, accountId, email);
  // Outside the verified domains, the provider vouches only for the invited address, and later for
  // the member that invitation bound to this very subject.
  const boundBefore = member?.ssoSubject !== null && member?.ssoSubject === identity.subject;
  if (!invitation && !boundBefore) {
    const domain = await store.findVerifiedDomain(tx, domainOf(email));
    if (domain?.accountId !== accountId) {
      throw ssoRefused(
        `${domainOf(email)} is not a verified domain of this account: its single sign-on cannot vouch for ${email}.`,
      );
    }
  }
  if (!member) member = await provision(ctx, tx, accountId, identity, email, now);
  if (member.status === 'deactivated') {
    throw ssoRefused(
      `${email} is deactivated in this account: ask an Account Admin, or your identity provider’s admin.`,
    );
  }
  // Bindings are forgotten when the account changes its identity provider (settings.ts).
  if (member.ssoSubject && member.ssoSubject !== identity.subject) {
    throw ssoRefused(
      `The identity provider names ${email} with another subject than the one it signed in with before.`,
    );
  }
  if (member.status === 'invited') {
    // The sign-in proves the address as the link would: the link, whether used or not, dies.
    if (invitation) await team.claimInvitation(tx, login.invitationTokenHash!, now);
    await team.revokeInvitations(tx, member.id, now);
    const workspaces = memberWorkspaces(
      member,
      await team.rolesOf(tx, accountId, [member.id]),
      await listAccountWorkspaces(tx, accountId),
    );
    const invited = member;
    member = await unlessEmailTaken(email, () =>
      team.updateMember(tx, accountId, invited.id, {
        status: 'active',
        firstName: identity.firstName?.trim() || invited.firstName,
        lastName: identity.lastName?.trim() || invited.lastName,
        emailVerifiedAt: now,
        currentWorkspaceId: workspaces[0]?.workspaceId ?? null,
        updatedAt: now,
      }),
    );
    const name = `${member.firstName} ${member.lastName}`.trim();
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: { memberId: member.id, name, ip: client.ip },
      action: 'team_member.invite_accepted',
      target: { type: 'team_member', id: member.id, name },
      after: { emailVerified: true, via: 'sso' },
    });
  }
  if (!member.ssoSubject) {
    member = await team.updateMember(tx, accountId, member.id, { ssoSubject: identity.subject });
  }
  return { member, session: await openSession(ctx, tx, member, client) };
}

async function invitationOf(ctx: AppContext, tx: Db, login: LoginRow) {
  const invitation = await team.findInvitationByToken(tx, login.invitationTokenHash!);
  const usable =
    invitation &&
    invitation.accountId === login.accountId &&
    !invitation.acceptedAt &&
    !invitation.revokedAt &&
    invitation.expiresAt > ctx.clock.now();
  if (!usable)
    throw new DomainError('gone', 'This invitation link is no longer valid; ask for a new invitation.');
  const member = (await team.findMember(tx, invitation.accountId, invitation.memberId))!;
  return { invitation, member };
}

/** Just-in-time provisioning: a first sign-in creates the member with the access the admins chose. */
async function provision(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  identity: VerifiedIdentity,
  email: string,
  now: Date,
): Promise<MemberRow> {
  const sso = await store.findSso(tx, accountId);
  if (!sso?.jitProvisioning) {
    throw ssoRefused(`${email} is not a team member of this account: ask an Account Admin to invite you.`);
  }
  const account = await lockAccount(tx, accountId);
  assertWithinLimit(account.plan, limitsOf(account), 'teamMembers', await team.countMembers(tx, accountId));
  const workspaces = await listAccountWorkspaces(tx, accountId);
  // Workspaces deleted since the admins chose the access are left out, not refused.
  const access =
    sso.jitAccess.mode === 'custom'
      ? {
          ...sso.jitAccess,
          roles: sso.jitAccess.roles.filter((r) => workspaces.some((w) => w.id === r.workspaceId)),
        }
      : sso.jitAccess;
  if (validateWorkspaceAccess('member', access, workspaces, '/jitAccess').length > 0) {
    throw ssoRefused(
      'The access chosen for new members is no longer valid; an Account Admin must choose it again.',
    );
  }
  const row = await unlessEmailTaken(email, () =>
    team.insertMember(tx, {
      id: newId('mem'),
      accountId,
      email,
      firstName: identity.firstName?.trim() || email.slice(0, email.indexOf('@')),
      lastName: identity.lastName?.trim() || '',
      passwordHash: null,
      accountRole: 'member',
      canBilling: false,
      canApiCredentials: false,
      canSupportAccess: false,
      status: 'active',
      marketingOptIn: false,
      emailVerifiedAt: now,
      ssoSubject: identity.subject,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await replaceWorkspaceAccess(tx, row, access, now);
  const name = `${row.firstName} ${row.lastName}`.trim();
  await recordActivity(tx, ctx.clock, {
    accountId,
    author: SSO_AUTHOR,
    action: 'team_member.provisioned',
    target: { type: 'team_member', id: row.id, name },
    after: { email, via: 'sso', access },
  });
  return (await team.findMember(tx, accountId, row.id))!;
}
