import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { Actor } from '../auth/actor.js';
import { sendEmail } from '../mail/service.js';
import { type SecurityNotice, securityNoticeEmail } from './emails.js';

/**
 * Emails the signed-in person that how they sign in changed (their password, a passkey added,
 * two-factor off), in the transaction of the change: it is sent if and only if the change commits.
 * The caller wakes the mail job (ctx.jobs.notify()) after the commit.
 */
export async function sendSecurityNotice(
  ctx: AppContext,
  tx: Db,
  actor: Pick<Actor, 'account' | 'member' | 'ip'>,
  notice: SecurityNotice,
): Promise<void> {
  await sendEmail(ctx, tx, {
    accountId: actor.account.id,
    kind: notice,
    to: actor.member.email,
    ...securityNoticeEmail(notice, { accountName: actor.account.name, at: ctx.clock.now(), ip: actor.ip }),
  });
}
