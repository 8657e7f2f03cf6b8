import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { sendEmail } from '../mail/service.js';
import { answeredEmail, cancelledEmail } from './emails.js';
import type { Transfer } from './schemas.js';
import { accountName, lockPending, transferNotFound, view } from './service.js';
import type { TransferRow } from './store.js';
import * as store from './store.js';

/** Declining, cancelling and retrying a transfer: each side hears of it and logs it. */

/** The target as the source may name it: by the address it was offered to, until it accepts. */
const targetAsSourceSees = (t: TransferRow, name: string) =>
  t.targetAdminEmail ? `the account of ${t.targetAdminEmail}` : name;

async function mailAdmins(
  ctx: AppContext,
  tx: Db,
  accountId: string,
  kind: string,
  rendered: { subject: string; text: string; html: string },
) {
  for (const to of await store.adminAddresses(tx, accountId)) {
    await sendEmail(ctx, tx, { accountId, kind, to, ...rendered });
  }
}

export async function declineTransfer(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  await ctx.db.transaction(async (tx) => {
    const { t, now } = await lockPending(ctx, tx, actor, transferId, 'target');
    await store.updateTransfer(tx, t.id, {
      status: 'declined',
      decidedAt: now,
      decidedByName: actorName(actor),
      finishedAt: now,
    });
    const sourceName = await accountName(tx, t.sourceAccountId);
    const targetName = targetAsSourceSees(t, actor.account.name);
    const target = { type: 'workspace', id: t.workspaceId, name: t.workspaceName };
    await recordActivity(
      tx,
      ctx.clock,
      {
        accountId: t.targetAccountId,
        workspaceId: null,
        author: actor,
        action: 'workspace.transfer_declined',
        target,
        after: { sourceAccountName: sourceName, transferId: t.id },
      },
      {
        accountId: t.sourceAccountId,
        workspaceId: null,
        author: actor,
        action: 'workspace.transfer_declined',
        target,
        after: { targetAccountName: targetName, transferId: t.id },
      },
    );
    const answer = answeredEmail({
      answer: 'declined',
      deciderName: actorName(actor),
      targetAccountName: targetName,
      workspaceName: t.workspaceName,
      link: `${ctx.config.publicUrl}/transfers`,
    });
    await mailAdmins(ctx, tx, t.sourceAccountId, 'workspace_transfer_answered', answer);
  });
  return view(ctx, actor, transferId);
}

/** Either side withdraws an offer not yet accepted; the other side is told. */
export async function cancelTransfer(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  await ctx.db.transaction(async (tx) => {
    const { t, now } = await lockPending(ctx, tx, actor, transferId, 'either');
    await store.updateTransfer(tx, t.id, {
      status: 'cancelled',
      decidedByName: actorName(actor),
      finishedAt: now,
    });
    const bySource = actor.subject.accountId === t.sourceAccountId;
    const other = bySource ? t.targetAccountId : t.sourceAccountId;
    // How each side reads the canceller's account: the source never learns the target's name here.
    const byAccountName = bySource ? actor.account.name : targetAsSourceSees(t, actor.account.name);
    const target = { type: 'workspace', id: t.workspaceId, name: t.workspaceName };
    const entry = (accountId: string) => ({
      accountId,
      workspaceId: null,
      author: actor,
      action: 'workspace.transfer_cancelled',
      target,
      after: { transferId: t.id, ...(accountId !== actor.subject.accountId && { byAccountName }) },
    });
    await recordActivity(tx, ctx.clock, entry(actor.subject.accountId), entry(other));
    const rendered = cancelledEmail({
      cancellerName: actorName(actor),
      cancellerAccountName: byAccountName,
      workspaceName: t.workspaceName,
      link: `${ctx.config.publicUrl}/transfers`,
    });
    await mailAdmins(ctx, tx, other, 'workspace_transfer_cancelled', rendered);
  });
  return view(ctx, actor, transferId);
}

/**
 * Either side queues again the move of a transfer whose job the queue gave up on: the job resumes
 * with the rows left (those moved already no longer match), its progress kept.
 */
export async function retryTransfer(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  await ctx.db.transaction(async (tx) => {
    const t = (await store.lockTransfer(tx, actor.subject.accountId, transferId)) ?? transferNotFound();
    if (t.status !== 'moving' || !t.jobId || !(await ctx.jobs.requeue(tx, t.jobId))) {
      throw new DomainError(
        'conflict',
        t.status === 'moving'
          ? 'This move is still running; there is nothing to retry.'
          : `This transfer is not moving: it is ${t.status}.`,
      );
    }
  });
  ctx.jobs.notify();
  return view(ctx, actor, transferId);
}
