import type { AppContext } from '../../context.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName, sessionIdOf } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { type ClientInfo, confirmCurrentPassword } from '../auth/service.js';
import { updateMember } from '../team/store.js';
import { sendSecurityNotice } from './notices.js';
import { checkNewPassword } from './password-policy.js';
import { markReauthenticated } from './recent-authentication.js';
import { deleteOtherSessions } from './store.js';

/**
 * PUT /api/me/password: the caller's current password (counted like a log-in; wrong → 403
 * current_password_wrong), then the new one under the policy. The new one is hashed before the
 * transaction (argon2 holds no connection); in it, the password changes, every other session of
 * the person ends (a session someone else holds included) while this one stays and counts as just
 * authenticated, and the person is emailed a notice.
 */
export async function changeMyPassword(
  ctx: AppContext,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const sessionId = sessionIdOf(actor);
  checkNewPassword(body.newPassword, '/newPassword');
  await confirmCurrentPassword(ctx, actor, body.currentPassword, client);
  const passwordHash = await hashPassword(body.newPassword, ctx.config.passwordHashing);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { accountId } = actor.subject;
    await updateMember(tx, accountId, actor.member.id, { passwordHash, updatedAt: now });
    const ended = await deleteOtherSessions(tx, actor.member.id, sessionId);
    await markReauthenticated(ctx, tx, sessionId);
    await sendSecurityNotice(ctx, tx, actor, 'password_changed');
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.password_changed',
      target: { type: 'team_member', id: actor.member.id, name: actorName(actor) },
      after: { otherSessionsEnded: ended },
    });
  });
  ctx.jobs.notify();
}
