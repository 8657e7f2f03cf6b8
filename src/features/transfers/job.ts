import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../../context.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';
import * as store from './store.js';

const BATCH = 5000;

/**
 * The workspace.transfer job. Its accept already handed the workspace over (ownership, roles,
 * keys: a few rows, in one transaction); what grows with the workspace's age is its history that
 * also names the account (outbox, jobs; its activity stays the source's audit trail), moved here
 * in batches of 5,000 rows, each
 * batch its own transaction with the job's progress. People, events, content and the rest are
 * keyed by the workspace alone and move with its row, ids unchanged. Rows already moved no longer
 * match, so a run killed anywhere resumes with what is left and ends in the same state.
 */
export function moveWorkspace(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const transferId = String(job.payload.transferId);
    const t = await store.findTransferById(ctx.db, transferId);
    if (t?.status !== 'moving') return; // done already (or never accepted)
    const { workspaceId, targetAccountId } = t;

    let done = job.progressDone; // after a resume, what was moved before still counts
    let left = 0;
    for (const table of store.historyTables) {
      left += await store.countHistory(ctx.db, table, workspaceId, targetAccountId);
    }
    const total = done + left;
    await control.progress(done, total);
    for (const table of store.historyTables) {
      // Paged by id: each batch starts past the last one's rows. After a resume it starts at the
      // beginning again, where the rows moved before no longer match.
      let after = '';
      for (;;) {
        if (control.signal.aborted) throw control.signal.reason; // resumes in the next worker
        const startedAt = performance.now();
        const batch = await ctx.db.transaction(async (tx) => {
          const b = await store.moveHistoryBatch(tx, table, {
            workspaceId,
            targetAccountId,
            after,
            limit: BATCH,
          });
          if (b.moved > 0) await ctx.jobs.saveResult(tx, job, { moved: done + b.moved }, done + b.moved);
          return b;
        });
        if (batch.moved === 0 || batch.last === null) break;
        after = batch.last;
        done += batch.moved;
        await restAfter(startedAt);
        if (ctx.config.transferBatchPauseMs) await sleep(ctx.config.transferBatchPauseMs);
      }
    }
    await ctx.db.transaction(async (tx) => {
      await store.updateTransfer(tx, transferId, { status: 'done', finishedAt: ctx.clock.now() });
      await ctx.jobs.saveResult(tx, job, { moved: done }, done);
    });
    await control.progress(done, Math.max(total, done));
  };
}
