import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
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
      .select({ id: workspaces.id, accountId: workspaces.accountId })
      .from(workspaces)
      .where(and(eq(workspaces.id, workspaceId), isNotNull(workspaces.deletedAt)));
    if (!ws) return; // already purged (or never deleted: nothing to do)

    // After a resume, what was deleted before still counts.
    let done = job.progressDone;
    let left = 0;
    // Only the deleting account's rows: a workspace moved from another account leaves that
    // account's activity about it (its audit trail) in place (src/features/transfers).
    const of = (table: string) =>
      table === 'activity'
        ? sql`workspace_id = ${workspaceId} AND account_id = ${ws.accountId}`
        : sql`workspace_id = ${workspaceId}`;
    for (const table of workspaceTables) left += await countRows(ctx, table, of(table));
    const total = done + left;
    await control.progress(done, total);
    for (const table of workspaceTables) {
      for (;;) {
        if (control.signal.aborted) throw control.signal.reason; // resumes in the next worker
        const startedAt = performance.now();
        const deleted = await deleteBatch(ctx, table, of(table));
        if (deleted === 0) break;
        done += deleted;
        await control.progress(done, Math.max(total, done)); // rows written meanwhile count too
        await restAfter(startedAt);
      }
    }
    // Last, in one transaction: whatever was written while the batches ran, then the workspace.
    await ctx.db.transaction(async (tx) => {
      for (const table of workspaceTables) {
        await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE ${of(table)}`);
      }
      await tx
        .update(members)
        .set({ currentWorkspaceId: null })
        .where(eq(members.currentWorkspaceId, workspaceId));
      await tx.delete(workspaces).where(eq(workspaces.id, workspaceId));
    });
  };
}

async function countRows(ctx: AppContext, table: string, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`,
  );
  return row?.n ?? 0;
}

/** Deletes up to BATCH rows; `ctid = ANY(ARRAY(…))` lets PostgreSQL delete them by address. */
async function deleteBatch(ctx: AppContext, table: string, where: SQL): Promise<number> {
  const t = sql.identifier(table);
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`WITH deleted AS (
          DELETE FROM ${t} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${t} WHERE ${where} LIMIT ${BATCH}))
          RETURNING 1)
        SELECT count(*)::int AS n FROM deleted`,
  );
  return row?.n ?? 0;
}
