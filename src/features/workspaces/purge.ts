import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { queryRows } from '../../db/connection.js';
import { members, workspaces } from '../../db/schema.js';
import { workspaceTables } from '../../db/workspace-tables.js';
import { restAfter } from '../../jobs/pace.js';
import type { JobHandler } from '../../jobs/worker.js';

const BATCH = 5000;

/**
 * Purges a deleted workspace's rows table by table in batches, each its own transaction, reporting
 * progress. Idempotent: after a crash the job is claimed again and goes on with what is left. The
 * workspace row goes last, so until the end the hidden workspace still owns its remaining rows.
 */
export function purgeWorkspace(ctx: AppContext): JobHandler {
  return async (job, control) => {
    const workspaceId = String(job.payload.workspaceId);
    const [ws] = await ctx.db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(and(eq(workspaces.id, workspaceId), isNotNull(workspaces.deletedAt)));
    if (!ws) return; // already purged (or never deleted: nothing to do)

    // After a resume, what was deleted before still counts.
    let done = job.progressDone;
    let left = 0;
    for (const table of workspaceTables) left += await countRows(ctx, table, workspaceId);
    const total = done + left;
    await control.progress(done, total);
    for (const table of workspaceTables) {
      for (;;) {
        if (control.signal.aborted) throw control.signal.reason; // resumes in the next worker
        const startedAt = performance.now();
        const deleted = await deleteBatch(ctx, table, workspaceId);
        if (deleted === 0) break;
        done += deleted;
        await control.progress(done, Math.max(total, done)); // rows written meanwhile count too
        await restAfter(startedAt);
      }
    }
    // Last, in one transaction: whatever was written while the batches ran, then the workspace.
    await ctx.db.transaction(async (tx) => {
      for (const table of workspaceTables) {
        await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId}`);
      }
      await tx
        .update(members)
        .set({ currentWorkspaceId: null })
        .where(eq(members.currentWorkspaceId, workspaceId));
      await tx.delete(workspaces).where(eq(workspaces.id, workspaceId));
    });
  };
}

async function countRows(ctx: AppContext, table: string, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId}`,
  );
  return row?.n ?? 0;
}

/** Deletes up to BATCH rows; `ctid = ANY(ARRAY(…))` lets PostgreSQL delete them by address. */
async function deleteBatch(ctx: AppContext, table: string, workspaceId: string): Promise<number> {
  const t = sql.identifier(table);
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`WITH deleted AS (
          DELETE FROM ${t} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${t} WHERE workspace_id = ${workspaceId} LIMIT ${BATCH}))
          RETURNING 1)
        SELECT count(*)::int AS n FROM deleted`,
  );
  return row?.n ?? 0;
}
