import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { jobs } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/worker.js';
import { recordActivity } from '../activity/record.js';
import { mergeSharedEmails } from '../people/merge.js';
import { countTrackCalls } from '../people/store.js';
import { drainTrackQueue } from '../people/track.js';
import { REVALIDATE_JOB } from './service.js';
import { findLiveWorkspaceById, lockWorkspace, updateWorkspace } from './store.js';

/**
 * Revalidates a workspace after its identifiers changed: merges people who share an email when
 * email became an identifier, applies the Track API calls queued meanwhile in arrival order, and
 * resumes processing. Every step is safe to run again, so after a crash the job simply reruns. A
 * later identifier change queues another revalidation, which resumes processing instead.
 */
export function revalidateWorkspace(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const workspaceId = job.workspaceId;
    if (!workspaceId) return;
    for (;;) {
      const ws = await findLiveWorkspaceById(ctx.db, workspaceId);
      if (!ws) return; // deleted meanwhile
      const merged = ws.identifyByEmail ? await mergeSharedEmails(ctx, ws) : 0;
      const applied = await drainTrackQueue(ctx, ws, (tx, call, error) =>
        recordActivity(tx, ctx.clock, {
          accountId: ws.accountId,
          workspaceId: ws.id,
          author: { memberId: null, name: 'Track API (queued during revalidation)' },
          action: 'person.track_rejected',
          target: { type: 'person', id: 'track_queue' },
          after: { operation: call.operation, identifier: call.identifier, error: error.detail },
        }),
      );
      await control.progress(merged + applied);
      const finished = await ctx.db.transaction(async (tx) => {
        const locked = await lockWorkspace(tx, ws.accountId, ws.id);
        if (!locked) return true;
        const later = await tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(
            and(
              eq(jobs.workspaceId, ws.id),
              eq(jobs.kind, REVALIDATE_JOB),
              eq(jobs.state, 'queued'),
              ne(jobs.id, job.id),
            ),
          );
        if (later.length > 0) return true;
        // Calls that arrived while draining: once more round, under this lock none can slip past.
        if ((await countTrackCalls(tx, ws.id)) > 0) return false;
        await updateWorkspace(tx, ws.id, { processingState: 'ready', updatedAt: ctx.clock.now() });
        return true;
      });
      if (finished) return;
    }
  };
}
