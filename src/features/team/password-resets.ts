import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { findAccount } from '../accounts/store.js';
import { type ActivityAuthor, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import type { ClientInfo } from '../auth/service.js';
import { deleteMemberSessions, hitRateLimit } from '../auth/store.js';
import { sendEmail } from '../mail/service.js';
import { checkNewPassword } from '../security/password-policy.js';
import { passwordResetEmail } from './emails.js';
import type { MemberRow } from './store.js';
import * as store from './store.js';

const RESET_HOURS = 24;
// Self-service requests per address and hour: enough for a person, too few to flood their inbox.
const REQUESTS_PER_HOUR = 5;

const resetLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/reset-password/${token}`;

/** A new single-use link (the previous ones die), emailed to the member. */
async function issueReset(
  ctx: AppContext,
  tx: Db,
  member: MemberRow,
  author: ActivityAuthor,
  requestedBy: string | null,
) {
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 60 * 60 * 1000);
  await store.revokePasswordResets(tx, member.id, now);
  await store.insertPasswordReset(tx, {
    id: newId('pwr'),
    memberId: member.id,
    tokenHash: hashToken(token),
    requestedByMemberId: requestedBy,
    createdAt: now,
    expiresAt,
  });
  const account = (await findAccount(tx, member.accountId))!;
  const email = passwordResetEmail({ accountName: account.name, link: resetLink(ctx, token), expiresAt });
  await sendEmail(ctx, tx, {
    accountId: member.accountId,
    kind: 'password_reset',
    to: member.email,
    ...email,
  });
  await recordActivity(tx, ctx.clock, {
    accountId: member.accountId,
    author,
    action: 'team_member.password_reset_requested',
    target: { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` },
  });
}

/** An Account Admin sends a member a reset link; the member's password keeps working meanwhile. */
export async function requestPasswordReset(ctx: AppContext, actor: Actor, memberId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const member = await store.findMember(tx, actor.subject.accountId, memberId);
    if (!member) throw notFound('Team member');
    if (member.status !== 'active') {
      throw new DomainError(
        'not_invited',
        `${member.email} has not accepted their invitation yet; resend it instead.`,
      );
    }
    await issueReset(ctx, tx, member, actor, actor.member.id);
  });
  ctx.jobs.notify();
}

/**
 * Counts a forgot-password request against the caller's address, before it is answered: it sends
 * an email, so it is limited like the link routes (and, below, per address asked for).
 */
export function countForgotPasswordRequest(ctx: AppContext, client: ClientInfo): Promise<void> {
  return countAnonymousRequest(ctx, 'links', client);
}

/** "Forgot password": the same link, asked for by address. Always answers alike, known address or not. */
export async function forgotPassword(ctx: AppContext, email: string): Promise<void> {
  const now = ctx.clock.now();
  const { hits } = await hitRateLimit(ctx.db, `reset:email:${email.toLowerCase()}`, now, 60 * 60 * 1000);
  if (hits > REQUESTS_PER_HOUR) return;
  await ctx.db.transaction(async (tx) => {
    const member = await store.findMemberByEmail(tx, email);
    if (member)
      await issueReset(
        ctx,
        tx,
        member,
        { memberId: member.id, name: `${member.firstName} ${member.lastName}` },
        null,
      );
  });
  ctx.jobs.notify();
}

async function usableReset(ctx: AppContext, tx: Db, token: string) {
  const reset = await store.findPasswordReset(tx, hashToken(token));
  if (!reset) throw notFound('Password reset link');
  const gone = (why: string) => new DomainError('gone', `This reset link ${why}; ask for a new one.`);
  if (reset.usedAt) throw gone('has already been used');
  if (reset.revokedAt) throw gone('was replaced by a newer one');
  if (reset.expiresAt <= ctx.clock.now()) throw gone('has expired');
  return reset;
}

export async function viewPasswordReset(ctx: AppContext, token: string, client: ClientInfo) {
  await countAnonymousRequest(ctx, 'links', client);
  const reset = await usableReset(ctx, ctx.db, token);
  const member = (await store.findMemberById(ctx.db, reset.memberId))!;
  return { email: member.email, expiresAt: reset.expiresAt.toISOString() };
}

/**
 * Sets the new password; every session of the member ends (a leaked one included). The link is
 * counted and looked up before the password is hashed: a made-up token costs one cheap 404 (or 410).
 */
export async function completePasswordReset(
  ctx: AppContext,
  token: string,
  password: string,
  client: ClientInfo,
): Promise<void> {
  await countAnonymousRequest(ctx, 'links', client);
  await usableReset(ctx, ctx.db, token);
  checkNewPassword(password, '/password');
  const passwordHash = await hashPassword(password, ctx.config.passwordHashing);
  const accountId = await ctx.db.transaction(async (tx) => {
    const reset = await usableReset(ctx, tx, token);
    if (!(await store.claimPasswordReset(tx, hashToken(token), ctx.clock.now()))) {
      throw new DomainError('gone', 'This reset link has already been used; ask for a new one.');
    }
    const member = (await store.findMemberById(tx, reset.memberId))!;
    const now = ctx.clock.now();
    // The link went to the member's address (a change of address revokes it): using it proves it.
    const newlyVerified = member.emailVerifiedAt === null;
    await store.updateMember(tx, member.accountId, member.id, {
      passwordHash,
      updatedAt: now,
      ...(newlyVerified && { emailVerifiedAt: now }),
    });
    await deleteMemberSessions(tx, member.id);
    const author = { memberId: member.id, name: `${member.firstName} ${member.lastName}`, ip: client.ip };
    const target = { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` };
    await recordActivity(tx, ctx.clock, {
      accountId: member.accountId,
      author,
      action: 'team_member.password_changed',
      target,
    });
    if (newlyVerified) {
      await recordActivity(tx, ctx.clock, {
        accountId: member.accountId,
        author,
        action: 'team_member.email_verified',
        target,
        after: { email: member.email, by: 'password_reset' },
      });
    }
    return member.accountId;
  });
  // The member's sessions have ended: not one more request of theirs from this process's cache.
  ctx.cache.drop(accountId);
}
