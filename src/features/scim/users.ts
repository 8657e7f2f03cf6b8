import type SCIMMY from 'scimmy';
import { isAccountAdmin } from '../../access/subject.js';
import { isUniqueViolation } from '../../db/errors.js';
import { isEmailAddress } from '../../shared/email-address.js';
import { newId } from '../../shared/ids.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { lockAccount } from '../accounts/store.js';
import { changedFields, recordActivity } from '../activity/record.js';
import { deleteMemberSessions } from '../auth/store.js';
import { findSso } from '../sso/store.js';
import { issueInvitation } from '../team/invitations.js';
import { assertEmailFree, emailInOtherAccount } from '../team/service.js';
import type { MemberRow } from '../team/store.js';
import * as team from '../team/store.js';
import { SCIM_AUTHOR } from './author.js';
import { asScim, callOf, type ScimCall, scimError } from './call.js';
import { matchUsers } from './case.js';

/** A member as a SCIM User (RFC 7643 §4.1): userName is their email address. */
export function toScimUser(m: MemberRow) {
  return {
    id: m.id,
    externalId: m.externalId ?? undefined,
    userName: m.email,
    name: {
      givenName: m.firstName,
      familyName: m.lastName,
      formatted: `${m.firstName} ${m.lastName}`.trim(),
    },
    displayName: `${m.firstName} ${m.lastName}`.trim(),
    emails: [{ value: m.email, type: 'work', primary: true }],
    active: m.status !== 'deactivated',
    meta: { created: m.createdAt, lastModified: m.updatedAt },
  };
}

const target = (m: MemberRow) => ({
  type: 'team_member',
  id: m.id,
  name: `${m.firstName} ${m.lastName}`.trim(),
});
const profile = (m: MemberRow) => ({
  firstName: m.firstName,
  lastName: m.lastName,
  email: m.email,
  externalId: m.externalId,
});

/** What the identity provider sent, in our terms. userName is the address; else the primary email. */
function incoming(user: SCIMMY.Schemas.User) {
  const emails = (user.emails ?? []) as { value?: string; primary?: boolean }[];
  const email = [user.userName, emails.find((e) => e.primary)?.value, emails[0]?.value].find(
    (v): v is string => typeof v === 'string' && isEmailAddress(v.trim()),
  );
  if (!email) throw scimError(400, 'invalidValue', 'userName (or a primary email) must be an email address.');
  const display = (user.displayName ?? '').trim().split(/\s+/);
  const firstName = user.name?.givenName?.trim() || display[0] || email.split('@')[0]!;
  const lastName = user.name?.familyName?.trim() || display.slice(1).join(' ');
  return {
    email: email.trim(),
    firstName,
    lastName,
    externalId: user.externalId ?? null,
    active: user.active,
  };
}

async function memberOr404(call: ScimCall, id: string | undefined): Promise<MemberRow> {
  const member = id ? await team.findMember(call.tx, call.accountId, id) : undefined;
  if (!member) throw scimError(404, null, `Resource ${id} not found`);
  return member;
}

/** Refuses to take away the last active Account Admin (deleting or deactivating them). */
async function assertNotLastAdmin(call: ScimCall, member: MemberRow, action: string): Promise<void> {
  if (!isAccountAdmin(member.accountRole) || member.status !== 'active') return;
  if ((await team.countOtherActiveAdmins(call.tx, call.accountId, member.id)) === 0)
    throw scimError(409, null, `${member.email} is the last Account Admin and cannot be ${action}.`);
}

/** GET: every member of the token's account, as SCIM Users, narrowed by the request's filter. */
export async function egressUsers(resource: SCIMMY.Resources.User, context: unknown) {
  const call = callOf(context);
  const users = (await team.listMembers(call.tx, call.accountId)).map(toScimUser);
  const found = resource.filter ? matchUsers(resource.filter, users) : users;
  if (resource.id && found.length === 0) throw scimError(404, null, `Resource ${resource.id} not found`);
  return found;
}

/** POST (no id) creates a member; PUT and PATCH (an id) change one. */
export async function ingressUser(
  resource: SCIMMY.Resources.User,
  user: SCIMMY.Schemas.User,
  context: unknown,
) {
  const call = callOf(context);
  await lockAccount(call.tx, call.accountId);
  const row = resource.id ? await updateUser(call, resource.id, user) : await createUser(call, user);
  return toScimUser(row);
}

/**
 * A new member from the identity provider: active at once when the account signs in by SSO (no
 * email: the IdP vouches for them), else invited with the invitation email, as an admin would.
 */
async function createUser(call: ScimCall, user: SCIMMY.Schemas.User): Promise<MemberRow> {
  const { ctx, tx, accountId } = call;
  const input = incoming(user);
  const account = await lockAccount(tx, accountId);
  await asScim(async () => {
    assertWithinLimit(account.plan, limitsOf(account), 'teamMembers', await team.countMembers(tx, accountId));
    await assertEmailFree(tx, input.email, accountId);
  });
  const sso = await findSso(tx, accountId);
  const now = ctx.clock.now();
  const status = input.active === false ? 'deactivated' : sso ? 'active' : 'invited';
  const member = await team.insertMember(tx, {
    id: newId('mem'),
    accountId,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    passwordHash: null,
    accountRole: 'member',
    canBilling: false,
    canApiCredentials: false,
    canSupportAccess: false,
    status,
    marketingOptIn: false,
    createdAt: now,
    updatedAt: now,
    externalId: input.externalId,
  });
  if (status === 'invited')
    await issueInvitation(ctx, tx, member, { ...SCIM_AUTHOR, accountName: call.accountName });
  await recordActivity(tx, ctx.clock, {
    accountId,
    author: SCIM_AUTHOR,
    action: 'team_member.provisioned',
    target: target(member),
    after: { ...profile(member), status },
  });
  return member;
}

async function updateUser(call: ScimCall, id: string, user: SCIMMY.Schemas.User): Promise<MemberRow> {
  const { ctx, tx, accountId } = call;
  const before = await memberOr404(call, id);
  const input = incoming(user);
  const now = ctx.clock.now();
  const emailChanges = input.email.toLowerCase() !== before.email.toLowerCase();
  if (emailChanges) await asScim(() => assertEmailFree(tx, input.email, accountId, id));
  let status = before.status;
  if (input.active === false && status !== 'deactivated') {
    await assertNotLastAdmin(call, before, 'deactivated');
    status = 'deactivated';
  } else if (input.active === true && status === 'deactivated') status = 'active';

  let after: MemberRow;
  try {
    after = await team.updateMember(tx, accountId, id, {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      externalId: input.externalId,
      status,
      ...(emailChanges && { emailVerifiedAt: null }),
      updatedAt: now,
    });
  } catch (error) {
    // Reactivating an address another account's active member holds meanwhile.
    if (isUniqueViolation(error)) throw await asScim(() => Promise.reject(emailInOtherAccount(input.email)));
    throw error;
  }
  // Reset links went to the old address; a deactivated member's links and sessions end now.
  if (emailChanges || status === 'deactivated') await team.revokePasswordResets(tx, id, now);
  if (status === 'deactivated' && before.status !== 'deactivated') {
    await deleteMemberSessions(tx, id);
    await team.revokeInvitations(tx, id, now);
  }
  if (emailChanges && after.status === 'invited')
    await issueInvitation(ctx, tx, after, { ...SCIM_AUTHOR, accountName: call.accountName });

  const changed = changedFields(profile(before), profile(after));
  if (changed) {
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: SCIM_AUTHOR,
      action: 'team_member.updated',
      target: target(after),
      ...changed,
    });
  }
  if (status !== before.status && (status === 'deactivated' || before.status === 'deactivated')) {
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: SCIM_AUTHOR,
      action: status === 'deactivated' ? 'team_member.deactivated' : 'team_member.reactivated',
      target: target(after),
      before: { status: before.status },
      after: { status },
    });
  }
  return after;
}

/** DELETE: the member goes as an admin would remove them (sessions, links and roles with them). */
export async function degressUser(resource: SCIMMY.Resources.User, context: unknown): Promise<void> {
  const call = callOf(context);
  await lockAccount(call.tx, call.accountId);
  const member = await memberOr404(call, resource.id);
  await assertNotLastAdmin(call, member, 'deleted');
  await team.deleteMember(call.tx, call.accountId, member.id);
  await recordActivity(call.tx, call.ctx.clock, {
    accountId: call.accountId,
    author: SCIM_AUTHOR,
    action: 'team_member.deleted',
    target: target(member),
    before: profile(member),
  });
}
