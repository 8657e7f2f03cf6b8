import { isAccountAdmin } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, supportLabel } from '../auth/actor.js';
import type { ClientInfo, NewSession } from '../auth/service.js';
import { sendEmail } from '../mail/service.js';
import { listMembers } from '../team/store.js';
import { SUPPORT_TOKEN_PREFIX, supportActor } from './caller.js';
import { supportSessionStartedEmail } from './emails.js';
import { AGENT_MAX, isOneLine, LINK_TTL_MS, REASON_MAX } from './schemas.js';
import * as store from './store.js';

/** The console page that opens a support sign-in link (web/src/pages/support). */
export const SIGN_IN_PATH = '/support/sign-in';
export const SUPPORT_PAGE_PATH = '/account/support-access';

/** How long a link never opened is kept once expired. */
const EXPIRED_LINKS_KEPT_MS = 24 * 60 * 60 * 1000;

/** A time in words, as people read it (the agent's browser shows this message). */
const inWords = (at: Date) =>
  `${at.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

/** Why a grant cannot start a session now, in words (no ids, no ISO times), or null. */
function grantRefusal(grant: store.GrantRow, now: Date): string | null {
  if (grant.revokedAt) return `The account revoked this support access on ${inWords(grant.revokedAt)}.`;
  if (grant.expiresAt <= now) return `This support access expired on ${inWords(grant.expiresAt)}.`;
  return null;
}

/**
 * The operator opens a sign-in link inside a live grant (`atrium support-session`): valid 10
 * minutes, once. Only its hash is stored; the link is returned here and nowhere else.
 */
export async function issueSignInLink(
  ctx: AppContext,
  input: { grantId: string; agent: string; reason: string },
): Promise<{ link: string; expiresAt: Date; grant: store.GrantRow }> {
  const agent = input.agent.trim();
  const reason = input.reason.trim();
  if (!isOneLine(agent) || agent.length > AGENT_MAX)
    throw new DomainError(
      'invalid',
      `Give the agent’s name (--agent): one line of text, at most ${AGENT_MAX} characters.`,
    );
  if (!isOneLine(reason) || reason.length > REASON_MAX)
    throw new DomainError(
      'invalid',
      `Give a reason (--reason): one line of text, at most ${REASON_MAX} characters.`,
    );
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  const grant = await ctx.db.transaction(async (tx) => {
    const found = await store.findGrant(tx, input.grantId);
    if (!found) throw notFound(`Grant ${input.grantId}`);
    const refusal = grantRefusal(found, now);
    if (refusal) throw new DomainError('gone', `${refusal} Ask the account for a new grant.`);
    await store.insertSupportSession(tx, {
      id: newId('sps'),
      grantId: found.id,
      accountId: found.accountId,
      agent,
      reason,
      linkHash: hashToken(token),
      linkExpiresAt: expiresAt,
      createdAt: now,
      endsAt: found.expiresAt,
    });
    return found;
  });
  return { link: `${ctx.config.publicUrl}${SIGN_IN_PATH}#${token}`, expiresAt, grant };
}

/**
 * Opens a support sign-in link: once, within its 10 minutes, inside a live grant. Starts the
 * session, records it, and emails every Account Admin, in one transaction.
 */
export async function signInWithLink(
  ctx: AppContext,
  linkToken: string,
  client: ClientInfo,
): Promise<NewSession & { accountId: string }> {
  const now = ctx.clock.now();
  const linkHash = hashToken(linkToken);
  const token = `${SUPPORT_TOKEN_PREFIX}${randomToken()}`;
  const csrfToken = randomToken();
  const started = await ctx.db.transaction(async (tx) => {
    const claimed = await store.claimLink(tx, linkHash, now, {
      tokenHash: hashToken(token),
      csrfToken,
      ip: client.ip,
    });
    if (!claimed) return null;
    const grant = (await store.findGrant(tx, claimed.grantId))!;
    const author = {
      memberId: null,
      name: supportLabel({ agent: claimed.agent, grantId: grant.id }),
      ip: client.ip,
    };
    await recordActivity(tx, ctx.clock, {
      accountId: claimed.accountId,
      author,
      action: 'support_session.started',
      target: { type: 'support_grant', id: grant.id, name: grant.reason },
      after: { agent: claimed.agent, reason: claimed.reason, endsAt: claimed.endsAt.toISOString() },
    });
    const admins = (await listMembers(tx, claimed.accountId)).filter(
      (m) => isAccountAdmin(m.accountRole) && m.status === 'active',
    );
    const account = (await store.accountName(tx, claimed.accountId)) ?? 'your account';
    for (const admin of admins) {
      const email = supportSessionStartedEmail({
        accountName: account,
        agent: claimed.agent,
        reason: claimed.reason,
        grantId: grant.id,
        grantReason: grant.reason,
        until: claimed.endsAt,
        link: `${ctx.config.publicUrl}${SUPPORT_PAGE_PATH}`,
      });
      await sendEmail(ctx, tx, {
        accountId: claimed.accountId,
        kind: 'support_session_started',
        to: admin.email,
        ...email,
      });
    }
    return claimed;
  });
  if (!started) {
    const found = await store.findByLink(ctx.db, linkHash);
    if (!found) throw notFound('Support sign-in link');
    const refusal = grantRefusal(found.grant, now);
    if (refusal) throw new DomainError('gone', refusal);
    if (found.session.startedAt || found.session.endedAt)
      throw new DomainError(
        'gone',
        'This support sign-in link was already used: it works once. Make a new one.',
      );
    throw new DomainError(
      'gone',
      'This support sign-in link expired (it works for 10 minutes). Make a new one.',
    );
  }
  // Members' banners and this account's callers read support sessions: this process drops them now
  // (the others on the trigger's NOTIFY).
  ctx.cache.drop(started.accountId);
  return { sessionId: started.id, token, csrfToken, expiresAt: started.endsAt, accountId: started.accountId };
}

/** Logging out of a support session ends it for good. */
export async function endSupportSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ended = await store.endSession(tx, sessionId, ctx.clock.now());
    if (!ended) return;
    await recordActivity(tx, ctx.clock, {
      accountId: ended.accountId,
      author: { memberId: null, name: supportLabel(ended), ip: ended.ip },
      action: 'support_session.ended',
      target: { type: 'support_grant', id: ended.grantId },
      after: { agent: ended.agent },
    });
  });
}

/** The caller behind a support session token, cached until the grant's expiry (no sliding). */
export async function loadSupportCaller(
  ctx: AppContext,
  tokenHash: string,
  now: Date,
  readAt: number,
): Promise<{ actor: Actor; lastSeenAt: Date; expiresAt: Date } | null> {
  const row = await store.findSupportCaller(ctx.db, tokenHash, now);
  if (!row) return null;
  const actor = supportActor(row, readAt);
  // The session's end is the grant's: a cached caller is never served past it.
  const expiresAt = row.session.endsAt < row.grant.expiresAt ? row.session.endsAt : row.grant.expiresAt;
  return { actor, lastSeenAt: now, expiresAt };
}

/**
 * Housekeeping of support sessions, with that of members' sessions (auth/service.ts): a link never
 * opened goes a day after it expired (until then, opening it still says it expired, not that it is
 * unknown); a session that is over keeps its row, which the grant lists, without its credentials.
 * Grants stay: the Support access page lists them, and nothing names a time to forget them.
 */
export function sweepSupportSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return store.sweepSessions(ctx.db, now, new Date(now.getTime() - EXPIRED_LINKS_KEPT_MS));
}
