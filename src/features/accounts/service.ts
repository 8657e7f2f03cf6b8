import { can } from '../../access/policy.js';
import { resolveSubject } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Plan } from '../../db/schema.js';
import { DomainError, forbidden, invalid } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { changedFields, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { type ClientInfo, openSession } from '../auth/service.js';
import { issueEmailVerification } from '../identity/email-verification.js';
import { checkNewPassword } from '../security/password-policy.js';
import { requireRecentAuthentication } from '../security/recent-authentication.js';
import { toMember } from '../team/schemas.js';
import { countMembers, findMemberByEmail, insertMember, updateMember } from '../team/store.js';
import { hasSecondFactor } from '../two-factor/store.js';
import { insertNewWorkspace, toWorkspace } from '../workspaces/service.js';
import { assertWithinLimit, limitsOf } from './plans.js';
import type { Account, SignupBody, UpdateAccountBody } from './schemas.js';
import * as store from './store.js';

const TRIAL_DAYS = 14;

export async function toAccount(tx: Db, account: store.AccountRow): Promise<Account> {
  return {
    id: account.id,
    name: account.name,
    plan: account.plan,
    limits: limitsOf(account),
    usage: {
      workspaces: await store.countLiveWorkspaces(tx, account.id),
      teamMembers: await countMembers(tx, account.id),
    },
    trialEndsAt: account.trialEndsAt?.toISOString() ?? null,
    requireTwoFactor: account.requireTwoFactor,
    createdAt: account.createdAt.toISOString(),
  };
}

const emailTaken = (email: string) =>
  new DomainError(
    'email_taken',
    `${email} already belongs to an Atrium account; an email belongs to one account only.`,
    {
      errors: [{ path: '/email', message: 'already belongs to an account' }],
    },
  );

/**
 * Creates an account, its first workspace (named after the account, sending to the creator's
 * address in test mode) and its creator as Account Admin, in one transaction. The password comes
 * hashed (hashNewPassword), before the transaction: argon2 holds no connection.
 */
export async function createAccount(
  ctx: AppContext,
  tx: Db,
  body: SignupBody,
  passwordHash: string,
  client?: { ip: string },
) {
  const now = ctx.clock.now();
  if (await findMemberByEmail(tx, body.email)) throw emailTaken(body.email);
  const accountId = newId('acc');
  const memberId = newId('mem');
  const account = await store.insertAccount(tx, {
    id: accountId,
    name: body.accountName.trim(),
    plan: body.plan ?? 'premium',
    trialEndsAt: new Date(now.getTime() + TRIAL_DAYS * 24 * 60 * 60 * 1000),
    createdByMemberId: memberId,
    createdAt: now,
    updatedAt: now,
  });
  const author = {
    memberId,
    name: `${body.firstName.trim()} ${body.lastName.trim()}`,
    ip: client?.ip ?? null,
  };
  let member: Awaited<ReturnType<typeof insertMember>>;
  try {
    member = await insertMember(tx, {
      id: memberId,
      accountId,
      email: body.email,
      firstName: body.firstName.trim(),
      lastName: body.lastName.trim(),
      passwordHash,
      accountRole: 'account_admin',
      canBilling: false,
      canApiCredentials: false,
      canSupportAccess: false,
      status: 'active',
      marketingOptIn: false,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(body.email);
    throw error;
  }
  await recordActivity(tx, ctx.clock, {
    accountId,
    author,
    action: 'account.created',
    target: { type: 'account', id: accountId, name: account.name },
    after: { name: account.name, plan: account.plan },
  });
  const workspace = await insertNewWorkspace(ctx, tx, {
    accountId,
    name: account.name,
    defaultTestRecipientId: memberId,
    author,
  });
  await updateMember(tx, accountId, memberId, { currentWorkspaceId: workspace.id });
  return { account, member: { ...member, currentWorkspaceId: workspace.id }, workspace };
}

/**
 * The sign-up's password, under the password policy (400 password_too_common), hashed whether or
 * not its address turns out to be taken.
 */
export async function hashNewPassword(ctx: AppContext, body: SignupBody): Promise<string> {
  checkNewPassword(body.password, '/password');
  return hashPassword(body.password, ctx.config.passwordHashing);
}

/**
 * Sign-up, limited per client address. A taken address and a new one take the same steps in the
 * same order (count, hash, look the address up), so the time of the answer does not tell which
 * addresses have an account: the argon2 hash is most of it either way.
 */
export async function signup(ctx: AppContext, body: SignupBody, client: ClientInfo) {
  await countAnonymousRequest(ctx, 'signup', client);
  const passwordHash = await hashNewPassword(ctx, body);
  const result = await ctx.db.transaction(async (tx) => {
    const { account, member, workspace } = await createAccount(ctx, tx, body, passwordHash, client);
    // Signing up proves nothing about the address: a link to it does.
    await issueEmailVerification(ctx, tx, member);
    const session = await openSession(ctx, tx, member, client);
    const subject = resolveSubject({
      memberId: member.id,
      accountId: account.id,
      accountRole: member.accountRole,
      flags: { billing: false, apiCredentials: false, supportAccess: false },
      accountWorkspaceIds: [workspace.id],
      grants: [],
    });
    return {
      session,
      body: {
        account: await toAccount(tx, account),
        member: toMember({ ...member, lastLoginAt: ctx.clock.now() }),
        workspace: toWorkspace(workspace, subject, workspace.id),
      },
    };
  });
  ctx.jobs.notify();
  return result;
}

export async function getAccount(ctx: AppContext, actor: Actor): Promise<Account> {
  const account = await store.findAccount(ctx.db, actor.subject.accountId);
  if (!account) throw new DomainError('unauthenticated', 'Your account no longer exists.');
  return toAccount(ctx.db, account);
}

/**
 * Moves an account to a plan, refusing one whose limits it already exceeds, inside the caller's
 * transaction (which holds the account lock). Choosing another plan ends the trial.
 */
async function movePlan(
  tx: Db,
  before: store.AccountRow,
  plan: Plan,
  custom: { workspaces: number; teamMembers: number } | undefined,
) {
  const changes = {
    plan,
    customMaxWorkspaces: plan === 'custom' ? (custom?.workspaces ?? before.customMaxWorkspaces) : null,
    customMaxMembers: plan === 'custom' ? (custom?.teamMembers ?? before.customMaxMembers) : null,
    trialEndsAt: plan === before.plan ? before.trialEndsAt : null,
  };
  if (plan === 'custom' && (changes.customMaxWorkspaces === null || changes.customMaxMembers === null)) {
    throw invalid('/customLimits', 'the custom plan needs its limits: {workspaces, teamMembers}');
  }
  const limits = limitsOf(changes);
  // The usage already there must fit the new plan: adding zero must pass.
  assertWithinLimit(plan, limits, 'workspaces', await store.countLiveWorkspaces(tx, before.id), 0);
  assertWithinLimit(plan, limits, 'teamMembers', await countMembers(tx, before.id), 0);
  return changes;
}

/**
 * Renames the account, moves it to a self-service plan (not custom: that is set by the operator),
 * or requires two-factor of everyone (or stops): a change of that rule needs a recent authentication.
 */
export async function updateAccount(
  ctx: AppContext,
  actor: Actor,
  body: UpdateAccountBody,
): Promise<Account> {
  const { accountId } = actor.subject;
  return ctx.db.transaction(async (tx) => {
    const before = await store.lockAccount(tx, accountId);
    if (body.requireTwoFactor !== undefined) {
      await assertMayRequireTwoFactor(tx, actor, body.requireTwoFactor && !before.requireTwoFactor);
      if (body.requireTwoFactor !== before.requireTwoFactor) requireRecentAuthentication(ctx, actor);
    }
    const changes = {
      name: body.name?.trim(),
      requireTwoFactor: body.requireTwoFactor,
      ...(body.plan !== undefined &&
        body.plan !== before.plan &&
        (await movePlan(tx, before, body.plan, undefined))),
    };
    const diff = changedFields(before, changes);
    if (!diff) return toAccount(tx, before);
    const after = await store.updateAccount(tx, accountId, { ...diff.after, updatedAt: ctx.clock.now() });
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'account.updated',
      target: { type: 'account', id: accountId, name: after.name },
      before: diff.before,
      after: diff.after,
    });
    return toAccount(tx, after);
  });
}

/**
 * Only an Account Admin decides whether the account requires two-factor, and one who turns it on
 * must have it: otherwise they would shut themself out of everything but enrolment.
 */
async function assertMayRequireTwoFactor(tx: Db, actor: Actor, turningOn: boolean): Promise<void> {
  if (!can(actor.subject, 'team_members.manage')) {
    throw forbidden('team_members.manage', 'Only Account Admins decide whether two-factor is required.');
  }
  if (turningOn && !(await hasSecondFactor(tx, actor.member.id))) {
    throw new DomainError(
      'own_two_factor_required',
      'Turn on two-factor for yourself before requiring it of everyone.',
      { errors: [{ path: '/requireTwoFactor', message: 'set up your own two-factor first' }] },
    );
  }
}

/** The operator's plan change (the atrium set-plan command): any plan, custom limits included. */
export async function setPlan(
  ctx: AppContext,
  accountId: string,
  plan: Plan,
  custom?: { workspaces: number; teamMembers: number },
): Promise<Account> {
  return ctx.db.transaction(async (tx) => {
    const before = await store.lockAccount(tx, accountId);
    const changes = await movePlan(tx, before, plan, custom);
    const diff = changedFields(before, changes);
    if (!diff) return toAccount(tx, before);
    const after = await store.updateAccount(tx, accountId, { ...diff.after, updatedAt: ctx.clock.now() });
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: { memberId: null, name: 'Operator (atrium set-plan)' },
      action: 'account.plan_set',
      target: { type: 'account', id: accountId, name: after.name },
      before: diff.before,
      after: diff.after,
    });
    return toAccount(tx, after);
  });
}
