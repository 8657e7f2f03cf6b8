import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, invalid, missing, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { assertKeepsOneWorkspace } from '../accounts/keep-one.js';
import { assertWithinLimit, limitsOf } from '../accounts/plans.js';
import { countLiveWorkspaces, lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { hitCounters } from '../auth/rate-limit.js';
import { sendEmail } from '../mail/service.js';
import { lockWorkspace } from '../workspaces/store.js';
import { answeredEmail, newKeysEmail, offeredEmail } from './emails.js';
import type { StartTransferBody, Transfer } from './schemas.js';
import type { TransferDetails, TransferRow } from './store.js';
import * as store from './store.js';

export const TRANSFER_JOB = 'workspace.transfer';
/** An offer stands for 7 days (issue #22). */
export const OFFER_MS = 7 * 24 * 60 * 60 * 1000;
/** Offers (refused ones too) per source account and hour: probing addresses, mailing anyone. */
export const OFFERS_PER_HOUR = 20;

export const transferNotFound = (): never => {
  throw notFound('Workspace transfer');
};

const isExpired = (t: TransferRow, now: Date) => t.status === 'pending' && t.expiresAt <= now;

// ---- views ------------------------------------------------------------------------------------

export const nextSteps = (revoked: number) =>
  revoked === 0
    ? 'It had no API keys: create new Track and App API keys in the workspace to send it data.'
    : `Its ${revoked === 1 ? 'API key was' : `${revoked} API keys were`} revoked when it moved: create new Track and App API keys in the workspace.`;

export function toTransfer(d: TransferDetails, readerAccountId: string, now: Date): Transfer {
  const t = d.transfer;
  const status = isExpired(t, now) ? 'expired' : t.status;
  const incoming = t.targetAccountId === readerAccountId;
  const moved = status === 'moving' || status === 'done';
  // Named by an address, the target stays unnamed to the source until it accepts.
  const targetName =
    !incoming && !moved && t.targetAdminEmail ? `the account of ${t.targetAdminEmail}` : d.targetAccountName;
  return {
    id: t.id,
    status,
    direction: incoming ? 'incoming' : 'outgoing',
    workspace: { id: t.workspaceId, name: t.workspaceName },
    sourceAccount: { id: t.sourceAccountId, name: d.sourceAccountName },
    targetAccount: { id: t.targetAccountId, name: targetName },
    createdByName: t.createdByName,
    decidedByName: t.decidedByName,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    decidedAt: t.decidedAt?.toISOString() ?? null,
    finishedAt: t.finishedAt?.toISOString() ?? null,
    progress:
      moved && d.progressDone !== null
        ? { done: d.progressDone, total: Math.max(d.progressTotal ?? 0, d.progressDone) }
        : null,
    stalled: status === 'moving' && d.jobState === 'failed',
    revokedApiKeys: t.revokedApiKeys,
    nextSteps: incoming && moved ? nextSteps(t.revokedApiKeys) : null,
  };
}

export async function listTransfers(ctx: AppContext, actor: Actor): Promise<Transfer[]> {
  const { accountId } = actor.subject;
  const now = ctx.clock.now();
  return (await store.listTransfers(ctx.db, accountId)).map((d) => toTransfer(d, accountId, now));
}

export async function getTransfer(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  const { accountId } = actor.subject;
  const found = (await store.findTransfer(ctx.db, accountId, transferId)) ?? transferNotFound();
  return toTransfer(found, accountId, ctx.clock.now());
}

export async function view(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  return getTransfer(ctx, actor, transferId);
}

// ---- offering ---------------------------------------------------------------------------------

/** The account the body names: another account, by id or by one of its active Account Admins. */
async function targetOf(tx: Db, sourceAccountId: string, body: StartTransferBody) {
  const { targetAccountId, targetAdminEmail } = body;
  if (targetAccountId !== undefined && targetAdminEmail !== undefined) {
    throw invalid('', 'Name the receiving account by its id or by an Account Admin’s address, not both.');
  }
  if (targetAccountId === undefined && targetAdminEmail === undefined) {
    throw invalid('', 'Name the receiving account: its id, or the address of one of its Account Admins.');
  }
  if (targetAccountId !== undefined) {
    const account = await store.findAccount(tx, targetAccountId);
    if (!account) throw invalid('/targetAccountId', `No account has the id ${targetAccountId}.`);
    if (account.id === sourceAccountId)
      throw invalid('/targetAccountId', 'This is the account the workspace is already in.');
    return { ...account, byEmail: null };
  }
  const email = targetAdminEmail!;
  const admin = await store.findAdminByEmail(tx, email);
  // One answer for "no such member" and "not an Account Admin": the address's account stays unsaid.
  if (!admin) throw invalid('/targetAdminEmail', `${email} is not an Account Admin of any account.`);
  if (admin.accountId === sourceAccountId)
    throw invalid('/targetAdminEmail', `${email} is an Account Admin of this account.`);
  return { id: admin.accountId, name: `the account of ${email}`, byEmail: email };
}

function assertReady(ws: { processingState: string; name: string }): void {
  if (ws.processingState !== 'ready') {
    throw new DomainError(
      'conflict',
      `“${ws.name}” is being revalidated after a change of identifiers; move it once that has finished.`,
    );
  }
}

/** What each job kind that may hold a workspace busy is, in the console's words. */
const workWords: Record<string, string> = {
  'people.import': 'an import of people',
  'people.export': 'an export of people',
  'broadcast.send': 'a broadcast being sent',
  'webhook.deliver': 'webhook deliveries',
  'mail.deliver': 'emails being sent',
  'workspace.revalidate': 'a revalidation of identifiers',
};

/** Refuses while jobs of the workspace would go on writing under the old account. */
async function assertIdle(tx: Db, ws: { id: string; name: string }, verb: 'offer' | 'accept') {
  const busy = await store.busyJobKinds(tx, ws.id);
  if (busy.length === 0) return;
  const work = [...new Set(busy.map((kind) => workWords[kind] ?? 'background work'))].join(' and ');
  throw new DomainError(
    'conflict',
    `“${ws.name}” has work under way (${work}); ${verb === 'offer' ? 'offer' : 'accept'} it once that has finished.`,
  );
}

const nameTaken = (name: string) =>
  new DomainError(
    'name_taken',
    `Your account already has a workspace named “${name}”; rename yours before accepting.`,
  );

const alreadyOpen = (t: Pick<TransferRow, 'status' | 'id'>) =>
  new DomainError(
    'conflict',
    t.status === 'moving'
      ? 'This workspace is being moved already.'
      : `This workspace is already offered to another account (${t.id}); cancel that offer first.`,
  );

export async function startTransfer(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  body: StartTransferBody,
): Promise<Transfer> {
  const { accountId } = actor.subject;
  const now = ctx.clock.now();
  // Counted before anything is checked: a refused address is a probe too.
  await hitCounters(
    ctx,
    [{ key: `workspace-transfer-offers:${accountId}`, max: OFFERS_PER_HOUR }],
    60 * 60 * 1000,
    'Your account has offered too many workspaces in the last hour',
  );
  const transferId = await ctx.db.transaction(async (tx) => {
    // The workspace's lock orders this against a deletion, a settings change and a second offer.
    const ws = (await lockWorkspace(tx, accountId, workspaceId)) ?? missing('Workspace');
    assertReady(ws);
    const target = await targetOf(tx, accountId, body);
    await assertIdle(tx, ws, 'offer');
    await store.expireStale(tx, workspaceId, now);
    const open = await store.openTransferOf(tx, workspaceId, now);
    if (open) throw alreadyOpen(open);
    await assertKeepsOneWorkspace(tx, accountId, 'moving this one away');
    let transfer: TransferRow;
    try {
      transfer = await store.insertTransfer(tx, {
        id: newId('wtr'),
        workspaceId,
        workspaceName: ws.name,
        sourceAccountId: accountId,
        targetAccountId: target.id,
        targetAdminEmail: target.byEmail,
        status: 'pending',
        createdByName: actorName(actor),
        revokedApiKeys: 0,
        createdAt: now,
        expiresAt: new Date(now.getTime() + OFFER_MS),
      });
    } catch (error) {
      // Only a concurrent offer gets here: the lock above serializes those on this workspace.
      if (isUniqueViolation(error)) throw alreadyOpen({ status: 'pending', id: 'another offer' });
      throw error;
    }
    await recordActivity(tx, ctx.clock, {
      accountId,
      workspaceId: null,
      author: actor,
      action: 'workspace.transfer_offered',
      target: { type: 'workspace', id: workspaceId, name: ws.name },
      after: { targetAccountName: target.name, transferId: transfer.id },
    });
    const rendered = offeredEmail({
      senderName: actorName(actor),
      sourceAccountName: actor.account.name,
      workspaceName: ws.name,
      expiresAt: transfer.expiresAt,
      link: `${ctx.config.publicUrl}/transfers`,
    });
    for (const to of await store.adminAddresses(tx, target.id)) {
      await sendEmail(ctx, tx, { accountId: target.id, kind: 'workspace_transfer_offered', to, ...rendered });
    }
    return transfer.id;
  });
  return view(ctx, actor, transferId);
}

// ---- answering --------------------------------------------------------------------------------

/** The transfer, locked, if it is still an open offer; else a 409 (or 410 once expired) saying why. */
export async function lockPending(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  transferId: string,
  side: 'target' | 'either',
) {
  const { accountId } = actor.subject;
  const t = (await store.lockTransfer(tx, accountId, transferId)) ?? transferNotFound();
  if (side === 'target' && t.targetAccountId !== accountId) {
    throw new DomainError(
      'forbidden',
      'Only an Account Admin of the receiving account can answer this offer.',
    );
  }
  const now = ctx.clock.now();
  if (isExpired(t, now)) {
    throw new DomainError(
      'gone',
      `This offer expired on ${t.expiresAt.toUTCString()}; the sending account can offer the workspace again.`,
    );
  }
  if (t.status !== 'pending') {
    throw new DomainError('conflict', `This transfer is no longer open: it is ${t.status}.`);
  }
  return { t, now };
}

export async function acceptTransfer(ctx: AppContext, actor: Actor, transferId: string): Promise<Transfer> {
  const sourceAccountId = await ctx.db.transaction(async (tx) => {
    const { t, now } = await lockPending(ctx, tx, actor, transferId, 'target');
    // Both accounts, in id order (no deadlock with an accept the other way): the target's for its
    // plan limit, the source's so that it cannot delete its other workspace meanwhile.
    const [first, second] = [t.sourceAccountId, t.targetAccountId].sort();
    const locked = [await lockAccount(tx, first!), await lockAccount(tx, second!)];
    const target = locked.find((a) => a.id === t.targetAccountId)!;
    assertWithinLimit(target.plan, limitsOf(target), 'workspaces', await countLiveWorkspaces(tx, target.id));
    const ws = (await lockWorkspace(tx, t.sourceAccountId, t.workspaceId)) ?? transferNotFound();
    assertReady(ws);
    await assertKeepsOneWorkspace(tx, t.sourceAccountId, 'moving this one away');
    await assertIdle(tx, ws, 'accept');
    if (await store.nameTakenIn(tx, target.id, ws.name)) throw nameTaken(ws.name);
    const revokedApiKeys = await store
      .handOver(tx, {
        workspaceId: ws.id,
        sourceAccountId: t.sourceAccountId,
        targetAccountId: target.id,
        now,
      })
      .catch((error: unknown) => {
        // The target renamed another workspace to this name after the check above.
        if (isUniqueViolation(error)) throw nameTaken(ws.name);
        throw error;
      });
    const job = await ctx.jobs.enqueue(tx, {
      accountId: target.id,
      workspaceId: ws.id,
      kind: TRANSFER_JOB,
      payload: { transferId: t.id },
    });
    await store.updateTransfer(tx, t.id, {
      status: 'moving',
      decidedAt: now,
      decidedByName: actorName(actor),
      jobId: job.id,
      revokedApiKeys,
      workspaceName: ws.name,
    });
    const entry = { type: 'workspace', id: ws.id, name: ws.name };
    await recordActivity(
      tx,
      ctx.clock,
      {
        accountId: t.sourceAccountId,
        workspaceId: null,
        author: actor,
        action: 'workspace.transferred_out',
        target: entry,
        after: { targetAccountName: target.name, transferId: t.id, revokedApiKeys },
      },
      {
        accountId: target.id,
        workspaceId: null,
        author: actor,
        action: 'workspace.transferred_in',
        target: entry,
        after: {
          sourceAccountName: await accountName(tx, t.sourceAccountId),
          transferId: t.id,
          revokedApiKeys,
        },
      },
    );
    const link = `${ctx.config.publicUrl}/transfers`;
    const answer = answeredEmail({
      answer: 'accepted',
      deciderName: actorName(actor),
      targetAccountName: target.name,
      workspaceName: ws.name,
      link,
    });
    for (const to of await store.adminAddresses(tx, t.sourceAccountId)) {
      await sendEmail(ctx, tx, {
        accountId: t.sourceAccountId,
        kind: 'workspace_transfer_answered',
        to,
        ...answer,
      });
    }
    const keys = newKeysEmail({
      workspaceName: ws.name,
      nextSteps: nextSteps(revokedApiKeys),
      // The transfer's card switches to the workspace and opens its API keys: the console has no
      // link that selects a workspace by itself.
      link: `${ctx.config.publicUrl}/transfers`,
    });
    for (const to of await store.adminAddresses(tx, target.id)) {
      await sendEmail(ctx, tx, { accountId: target.id, kind: 'workspace_transfer_keys', to, ...keys });
    }
    return t.sourceAccountId;
  });
  // The gate drops the caller's (the target's) cached reads; the source lost the workspace too, and
  // this process serves its next request before the NOTIFY arrives.
  ctx.cache.drop(sourceAccountId);
  ctx.jobs.notify();
  return view(ctx, actor, transferId);
}

export async function accountName(tx: Db, accountId: string): Promise<string> {
  return (await store.findAccount(tx, accountId))?.name ?? 'another account';
}

// ---- the workspace's side -----------------------------------------------------------------------

/**
 * Refuses to delete a workspace with an open transfer (called under the workspace's lock). Refused
 * rather than cancelled: deleting is for good, and whoever deletes should learn that a colleague
 * offered it to another account (and the target should not see the offer vanish unexplained).
 */
export async function assertNoOpenTransfer(tx: Db, workspaceId: string, now: Date): Promise<void> {
  const open = await store.openTransferOf(tx, workspaceId, now);
  if (!open) return;
  throw new DomainError(
    'conflict',
    open.status === 'moving'
      ? 'This workspace is still being moved to this account; delete it once the move is done.'
      : 'This workspace is offered to another account; cancel the transfer before deleting it.',
  );
}
