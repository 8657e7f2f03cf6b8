import type { AppContext } from '../../context.js';
import { MAX_ATTEMPTS } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { isEmailAddress } from '../../shared/email-address.js';
import { deliveriesOfOutbox, settleDeliveries } from '../messaging/store.js';
import { findMembersByEmail } from '../team/store.js';
import { findLiveWorkspaceById } from '../workspaces/store.js';
import { testRecipientById } from '../workspaces/test-recipient.js';
import { RECIPIENT_ONLY_KINDS, SENT_BODY_FORGOTTEN } from './service.js';
import { findEmail, markSent, markSuppressed, type OutboxRow, recordFailure } from './store.js';
import type { Transport } from './transport.js';

/**
 * Delivers one outbox email over SMTP. The job queue gives one worker the job at a time and retries
 * with backoff when this throws; the Message-ID is the outbox id, so a receiver can recognise the
 * rare repeat after a crash between the server's acceptance and our commit.
 */
export function deliverEmail(ctx: AppContext, transport: Transport): JobHandler {
  return async (job) => {
    const email = await findEmail(ctx.db, String(job.payload.emailId));
    if (email?.state !== 'queued') return; // already sent, or gone with its account
    const held = await heldBack(ctx, email);
    if (held && email.workspaceId) {
      const workspaceId = email.workspaceId;
      await ctx.db.transaction(async (tx) => {
        await markSuppressed(tx, email.id, held);
        await settleDeliveries(tx, workspaceId, email.id, 'suppressed', ctx.clock.now(), held);
      });
      return;
    }
    const fail = (message: string, final: boolean) =>
      ctx.db.transaction(async (tx) => {
        await recordFailure(tx, email.id, job.attempts, message, final);
        if (final && email.workspaceId)
          await settleDeliveries(tx, email.workspaceId, email.id, 'failed', ctx.clock.now(), message);
      });
    // Addresses are checked where they come in; one stored before that rule (or by a bug) must still
    // never reach the SMTP envelope as two recipients or a header: it fails now, without retries.
    if (!isEmailAddress(email.toAddress)) {
      await fail(`${JSON.stringify(email.toAddress)} is not one email address`, true);
      return;
    }
    try {
      await transport.sendMail({
        messageId: `<${email.id}@atrium>`,
        from: email.fromAddress,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        ...(email.htmlBody && { html: email.htmlBody }),
      });
    } catch (error) {
      await fail(error instanceof Error ? error.message : String(error), job.attempts >= MAX_ATTEMPTS);
      throw error;
    }
    await ctx.db.transaction(async (tx) => {
      // Only the recipient may read a reset link: once it has left, the outbox keeps no copy.
      const forget = RECIPIENT_ONLY_KINDS.has(email.kind) ? SENT_BODY_FORGOTTEN : undefined;
      await markSent(tx, email.id, ctx.clock.now(), job.attempts, forget);
      if (email.workspaceId) await settleDeliveries(tx, email.workspaceId, email.id, 'sent', ctx.clock.now());
    });
  };
}

/**
 * Why a workspace's message must not leave now, though it was queued to. The mode it was addressed
 * under holds (messaging/send.ts): an email to a person still goes after a switch to test mode, one
 * to the test recipient after a switch to normal. Two things stop it: the workspace sending nothing
 * any more (never, an emergency brake), and, for an email to a team member (a test send, or test
 * mode), that member no longer being able to enter the workspace. The service's own emails
 * (invitations, resets) always go.
 */
async function heldBack(ctx: AppContext, email: OutboxRow): Promise<string | null> {
  if (!email.workspaceId || (email.kind !== 'message' && email.kind !== 'test_message')) return null;
  const ws = await findLiveWorkspaceById(ctx.db, email.workspaceId);
  if (!ws) return 'The workspace was deleted before the email left';
  if (ws.sendMode === 'never')
    return 'The workspace stopped sending (send mode: never) before the email left';
  if (email.kind === 'message') {
    const [delivery] = await deliveriesOfOutbox(ctx.db, email.workspaceId, email.id);
    // A delivery that records metrics was addressed in normal mode, to the person themselves.
    if (delivery?.metrics !== false) return null;
  }
  const member = (await findMembersByEmail(ctx.db, email.toAddress)).find(
    (m) => m.accountId === email.accountId,
  );
  const still = member && (await testRecipientById(ctx.db, ws.accountId, ws.id, member.id));
  return still ? null : 'The team member it was addressed to can no longer enter the workspace';
}
