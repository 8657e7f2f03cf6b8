import { resolveSubject } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Plan } from '../../db/schema.js';
import { DomainError, invalid } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { changedFields, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { type ClientInfo, openSession } from '../auth/service.js';
import { toMember } from '../team/schemas.js';
import { countMembers, findMemberByEmail, insertMember, updateMember } from '../team/store.js';
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
 * address in test mode) and its creator as Account Admin, in one transaction.
 */
export async function createAccount(ctx: AppContext, tx: Db, body: SignupBody) {
  const now = ctx.clock.now();
  if (await findMemberByEmail(tx, body.email)) throw emailTaken(body.email);
  const passwordHash = await hashPassword(body.password, ctx.config.passwordHashing);
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
  const author = { memberId, name: `${body.firstName.trim()} ${body.lastName.trim()}` };
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

export async function signup(ctx: AppContext, body: SignupBody, client: ClientInfo) {
  return ctx.db.transaction(async (tx) => {
    const { account, member, workspace } = await createAccount(ctx, tx, body);
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
}

export async function getAccount(ctx: AppContext, actor: Actor): Promise<Account> {
  const account = await store.findAccount(ctx.db, actor.subject.accountId);
  if (!account) throw new DomainError('unauthenticated', 'Your account no longer exists.');
  return toAccount(ctx.db, account);
}

/** Renames the account or changes its plan; a plan whose limits the account already exceeds is refused. */
export async function updateAccount(
  ctx: AppContext,
  actor: Actor,
  body: UpdateAccountBody,
): Promise<Account> {
  const { accountId } = actor.subject;
  return ctx.db.transaction(async (tx) => {
    const before = await store.lockAccount(tx, accountId);
    const plan: Plan = body.plan ?? before.plan;
    if (plan === 'custom' && !body.customLimits && before.plan !== 'custom') {
      throw invalid('/customLimits', 'the custom plan needs its limits: {workspaces, teamMembers}');
    }
    if (body.customLimits && plan !== 'custom') {
      throw invalid('/customLimits', 'limits can only be set on the custom plan');
    }
    const changes = {
      name: body.name?.trim(),
      plan,
      customMaxWorkspaces:
        plan === 'custom' ? (body.customLimits?.workspaces ?? before.customMaxWorkspaces) : null,
      customMaxMembers:
        plan === 'custom' ? (body.customLimits?.teamMembers ?? before.customMaxMembers) : null,
    };
    const limits = limitsOf(changes);
    // Checking the usage already there against the new plan: adding zero must fit.
    assertWithinLimit(plan, limits, 'workspaces', await store.countLiveWorkspaces(tx, accountId), 0);
    assertWithinLimit(plan, limits, 'teamMembers', await countMembers(tx, accountId), 0);
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
