import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { mergeSharedEmails } from '../people/merge.js';
import { applyQueuedOperations } from '../track/queue.js';
import { findLiveWorkspaceById, lockWorkspace, updateWorkspace, type WorkspaceRow } from './store.js';

/**
 * Queued Track API calls applied per transaction: the transaction holds the workspace's gate
 * exclusively, so Track API calls (which only queue meanwhile) wait for it; a short wait.
 */
const CALLS_PER_TRANSACTION = 20;

/**
 * Revalidates a workspace after its identifiers changed: merges people who share an email when
 * email became an identifier, applies the Track API calls queued meanwhile in arrival order, and
 * resumes processing, in the transaction that finds the queue empty under the workspace's gate.
 * Every step is safe to run again, so after a crash the job simply reruns, and a worker that
 * took over a job whose lease ran out may overlap with the one that held it. Only the job of the
 * workspace's last change of identifiers works (`revalidationJobId`): an earlier one stops at
 * its next transaction, as it finds itself superseded. Short transactions with the event loop
 * let run between them, so requests go on meanwhile, on PGlite too.
 */
export function revalidateWorkspace(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const workspaceId = job.workspaceId;
    if (!workspaceId) return;
    // NULL: the workspace's last change predates migration 0018; its jobs run as they did then.
    const current = (ws: WorkspaceRow) => ws.revalidationJobId === null || ws.revalidationJobId === job.id;
    const ws = await findLiveWorkspaceById(ctx.db, workspaceId);
    if (!ws || !current(ws)) return; // deleted, or superseded
    let done = 0;
    if (ws.identifyByEmail) {
      const merged = await mergeSharedEmails(ctx, workspaceId, {
        current: (now) => current(now) && now.identifyByEmail,
        signal: control.signal,
        saved: (tx, n) => ctx.jobs.saveResult(tx, job, { merged: n }, done + n),
      });
      if (merged === undefined) return;
      done += merged;
    }
    for (;;) {
      control.signal.throwIfAborted();
      const startedAt = performance.now();
      const step = await ctx.db.transaction(async (tx) => {
        const locked = await lockWorkspace(tx, job.accountId, workspaceId);
        if (!locked || !current(locked)) return undefined;
        const { applied, more } = await applyQueuedOperations(
          tx,
          locked,
          CALLS_PER_TRANSACTION,
          rejected(ctx, locked),
        );
        // Empty, and none can be queued before this commits: processing resumes.
        if (!more && locked.processingState !== 'ready') {
          await updateWorkspace(tx, workspaceId, { processingState: 'ready', updatedAt: ctx.clock.now() });
        }
        // Progress made (a job that moves is not given up on for crashes), and only by this worker.
        await ctx.jobs.saveResult(tx, job, { applied: done + applied }, done + applied);
        return { applied, more };
      });
      if (!step) return;
      done += step.applied; // recorded with the job in the transaction (saveResult)
      if (!step.more) return;
      await restAfter(startedAt);
    }
  };
}

/** A queued call the data refuses is recorded in the activity log. */
const rejected =
  (ctx: AppContext, ws: WorkspaceRow) =>
  (tx: Db, call: { identifier: string; operation: string }, error: DomainError) =>
    recordActivity(tx, ctx.clock, {
      accountId: ws.accountId,
      workspaceId: ws.id,
      author: { memberId: null, name: 'Track API (queued during revalidation)' },
      action: 'person.track_rejected',
      target: { type: 'person', id: 'track_queue' },
      after: { operation: call.operation, identifier: call.identifier, error: error.detail },
    });
