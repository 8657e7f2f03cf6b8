import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { jobs, workspaces } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/worker.js';
import { REVALIDATE_JOB } from './service.js';

/**
 * Revalidates a workspace after its identifiers changed, then resumes processing — unless a later
 * identifier change queued another revalidation, which will resume it instead.
 * The people data plane adds the work itself here (merging people who share an email).
 */
export function revalidateWorkspace(ctx: AppContext): JobHandler {
  return async (job) => {
    const workspaceId = job.workspaceId;
    if (!workspaceId) return;
    await ctx.db.transaction(async (tx) => {
      const later = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            eq(jobs.workspaceId, workspaceId),
            eq(jobs.kind, REVALIDATE_JOB),
            eq(jobs.state, 'queued'),
            ne(jobs.id, job.id),
          ),
        );
      if (later.length > 0) return;
      await tx
        .update(workspaces)
        .set({ processingState: 'ready', updatedAt: ctx.clock.now() })
        .where(and(eq(workspaces.id, workspaceId), sql`${workspaces.deletedAt} IS NULL`));
    });
  };
}
