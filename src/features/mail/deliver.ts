import type { AppContext } from '../../context.js';
import { MAX_ATTEMPTS } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { settleDeliveries } from '../messaging/store.js';
import { findEmail, markSent, recordFailure } from './store.js';
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
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= MAX_ATTEMPTS;
      await ctx.db.transaction(async (tx) => {
        await recordFailure(tx, email.id, job.attempts, message, final);
        if (final && email.workspaceId)
          await settleDeliveries(tx, email.workspaceId, email.id, 'failed', ctx.clock.now(), message);
      });
      throw error;
    }
    await ctx.db.transaction(async (tx) => {
      await markSent(tx, email.id, ctx.clock.now(), job.attempts);
      if (email.workspaceId) await settleDeliveries(tx, email.workspaceId, email.id, 'sent', ctx.clock.now());
    });
  };
}
