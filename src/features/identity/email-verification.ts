import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { findAccount, lockAccount } from '../accounts/store.js';
import { type ActivityAuthor, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { countAnonymousRequest, hitCounters } from '../auth/rate-limit.js';
import type { ClientInfo } from '../auth/service.js';
import { sendEmail } from '../mail/service.js';
import { assertEmailFree, emailInOtherAccount } from '../team/service.js';
import type { MemberRow } from '../team/store.js';
import * as team from '../team/store.js';
import {
  EMAIL_CHANGE_KIND,
  EMAIL_CHANGE_NOTICE_KIND,
  EMAIL_VERIFICATION_KIND,
  emailChangeEmail,
  emailChangeNotice,
  verificationEmail,
} from './emails.js';
import * as store from './store.js';

const LINK_HOURS = 24;
// Emails a member may have sent to an address per hour (a resend, an address change): enough for
// a person, too few to flood an inbox.
const SENDS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

const verifyLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/verify-email/${token}`;
const nameOf = (m: MemberRow) => `${m.firstName} ${m.lastName}`;
const targetOf = (m: MemberRow) => ({ type: 'team_member', id: m.id, name: nameOf(m) });

/** Whether a member's address is verified: a link emailed to their current address was used. */
export const isEmailVerified = (member: Pick<MemberRow, 'emailVerifiedAt'>): boolean =>
  member.emailVerifiedAt !== null;

async function newLink(
  ctx: AppContext,
  tx: Db,
  member: MemberRow,
  purpose: store.EmailLinkPurpose,
  email: string,
) {
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_HOURS * HOUR_MS);
  // One live link per purpose: a newer one replaces the earlier.
  await store.revokeEmailVerifications(tx, member.id, now, purpose);
  await store.insertEmailVerification(tx, {
    id: newId('emv'),
    memberId: member.id,
    purpose,
    email,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt,
  });
  const account = (await findAccount(tx, member.accountId))!;
  return { link: verifyLink(ctx, token), expiresAt, accountName: account.name };
}

/**
 * Emails the member a link proving their current address, inside the caller's transaction
 * (sign-up, a resend, an Account Admin giving them a new address). Earlier links of the kind die.
 */
export async function issueEmailVerification(ctx: AppContext, tx: Db, member: MemberRow): Promise<void> {
  const { link, expiresAt, accountName } = await newLink(ctx, tx, member, 'verify', member.email);
  await sendEmail(ctx, tx, {
    accountId: member.accountId,
    kind: EMAIL_VERIFICATION_KIND,
    to: member.email,
    ...verificationEmail({ accountName, link, expiresAt }),
  });
}

/** Counts one email a member has the service send on their behalf (429 past the limit). */
export function countEmailSend(ctx: AppContext, memberId: string, what: 'verify' | 'change'): Promise<void> {
  return hitCounters(
    ctx,
    [{ key: `email-${what}:member:${memberId}`, max: SENDS_PER_HOUR }],
    HOUR_MS,
    'Too many emails asked for',
  );
}

/** POST /api/me/email-verification: a fresh link to the signed-in member's address; the earlier one dies. */
export async function resendEmailVerification(ctx: AppContext, actor: Actor): Promise<void> {
  if (isEmailVerified(actor.member)) throw alreadyVerified(actor.member.email);
  await countEmailSend(ctx, actor.member.id, 'verify');
  await ctx.db.transaction(async (tx) => {
    const member = (await team.findMember(tx, actor.subject.accountId, actor.member.id))!;
    if (isEmailVerified(member)) throw alreadyVerified(member.email);
    await issueEmailVerification(ctx, tx, member);
    await recordActivity(tx, ctx.clock, {
      accountId: member.accountId,
      author: actor,
      action: 'team_member.email_verification_sent',
      target: targetOf(member),
      after: { email: member.email },
    });
  });
  ctx.jobs.notify();
}

const alreadyVerified = (email: string) =>
  new DomainError('email_already_verified', `${email} is already confirmed; there is nothing to resend.`);

/**
 * A member asks to use another address, inside the caller's transaction (their password already
 * checked): a link to the new address, which changes only when it is used, and a notice without a
 * link to the current one. The address must be free now, and is checked again when the link is used.
 */
export async function startEmailChange(
  ctx: AppContext,
  tx: Db,
  member: MemberRow,
  newEmail: string,
  author: ActivityAuthor,
): Promise<string> {
  if (newEmail.toLowerCase() !== member.email.toLowerCase())
    await assertEmailFree(tx, newEmail, member.accountId, member.id);
  const { link, expiresAt, accountName } = await newLink(ctx, tx, member, 'change', newEmail);
  await sendEmail(ctx, tx, {
    accountId: member.accountId,
    kind: EMAIL_CHANGE_KIND,
    to: newEmail,
    ...emailChangeEmail({ accountName, oldEmail: member.email, link, expiresAt }),
  });
  await sendEmail(ctx, tx, {
    accountId: member.accountId,
    kind: EMAIL_CHANGE_NOTICE_KIND,
    to: member.email,
    ...emailChangeNotice({ accountName, newEmail }),
  });
  await recordActivity(tx, ctx.clock, {
    accountId: member.accountId,
    author,
    action: 'team_member.email_change_requested',
    target: targetOf(member),
    before: { email: member.email },
    after: { pendingEmail: newEmail },
  });
  return newEmail;
}

/** The address a member's live change link waits on, if any (GET /api/me's pendingEmail). */
/** The address the member is changing to, awaiting its confirmation, and until when. */
export function pendingEmailOf(ctx: AppContext, memberId: string) {
  return store.pendingEmailChange(ctx.db, memberId, ctx.clock.now());
}

/** 404 for a token never issued; 410 for one used, replaced or expired. */
async function usableLink(ctx: AppContext, tx: Db, token: string) {
  const link = await store.findEmailVerification(tx, hashToken(token));
  if (!link) throw notFound('Email confirmation link');
  if (link.usedAt) throw gone('has already been used');
  if (link.revokedAt) throw gone('was replaced by a newer one');
  if (link.expiresAt <= ctx.clock.now()) throw gone('has expired');
  return link;
}

const gone = (why: string) =>
  new DomainError('gone', `This confirmation link ${why}; ask for a new one from your profile.`);

/**
 * POST /api/email-verifications/{token}: uses a link, once. A verification link marks the address
 * verified; a change link makes its address the member's (free still, else 409 and the link stays
 * unused), verified, and kills the reset and confirmation links sent to the old one.
 */
export async function confirmEmailLink(ctx: AppContext, token: string, client: ClientInfo): Promise<void> {
  await countAnonymousRequest(ctx, 'links', client);
  const accountId = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const link = await usableLink(ctx, tx, token);
    // The account's lock before the link's row, in the order a change of address takes them
    // (updateTeamMember locks the account, then revokes links): the other order could deadlock.
    const holder = (await team.findMemberById(tx, link.memberId))!;
    await lockAccount(tx, holder.accountId);
    if (!(await store.claimEmailVerification(tx, hashToken(token), now))) throw gone('has already been used');
    const member = (await team.findMemberById(tx, link.memberId))!;
    const author = { memberId: member.id, name: nameOf(member), ip: client.ip };
    if (link.purpose === 'verify') {
      // Any change of address revokes these links; a mismatch would mean one was missed.
      if (link.email !== member.email) throw gone('was sent to an address that is no longer yours');
      await team.updateMember(tx, member.accountId, member.id, { emailVerifiedAt: now });
      await recordActivity(tx, ctx.clock, {
        accountId: member.accountId,
        author,
        action: 'team_member.email_verified',
        target: targetOf(member),
        after: { email: member.email },
      });
      return member.accountId;
    }
    if (link.email.toLowerCase() !== member.email.toLowerCase())
      await assertEmailFree(tx, link.email, member.accountId, member.id);
    try {
      await team.updateMember(tx, member.accountId, member.id, {
        email: link.email,
        emailVerifiedAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailInOtherAccount(link.email);
      throw error;
    }
    // Reset and confirmation links already sent went to the old address, which is no longer theirs.
    await team.revokePasswordResets(tx, member.id, now);
    await store.revokeEmailVerifications(tx, member.id, now);
    await recordActivity(tx, ctx.clock, {
      accountId: member.accountId,
      author,
      action: 'team_member.email_changed',
      target: targetOf(member),
      before: { email: member.email },
      after: { email: link.email, emailVerified: true },
    });
    return member.accountId;
  });
  // The member's session carries their address and whether it is verified (auth/service.ts).
  ctx.cache.drop(accountId);
}

/**
 * Inside updateTeamMember's transaction, when an Account Admin gives another member a new address:
 * it is unverified, links to the old one die, and the new one gets a verification link (an active
 * member) or the invitation again (an invited one: the first went to the old address).
 */
export async function addressChangedByAdmin(
  ctx: AppContext,
  tx: Db,
  member: MemberRow,
  author: Actor,
  reinvite: (member: MemberRow) => Promise<void>,
): Promise<void> {
  const now = ctx.clock.now();
  await store.revokeEmailVerifications(tx, member.id, now);
  if (member.status === 'invited') await reinvite(member);
  else await issueEmailVerification(ctx, tx, member);
  await recordActivity(tx, ctx.clock, {
    accountId: member.accountId,
    author,
    action: member.status === 'invited' ? 'team_member.invite_resent' : 'team_member.email_verification_sent',
    target: targetOf(member),
    after: { email: member.email },
  });
}
