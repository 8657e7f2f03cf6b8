import { and, eq, lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { importUploads } from '../../db/schema.js';

// ---- CSV uploads in flight, and the sweep of the chunks nobody will apply (migration 0020) -------

/** Registers an upload before its first chunk is stored. */
export async function registerUpload(tx: Db, workspaceId: string, jobId: string, at: Date): Promise<void> {
  await tx.insert(importUploads).values({ workspaceId, jobId, touchedAt: at });
}

/** The upload is still streaming. False when the sweep has discarded it meanwhile. */
export async function touchUpload(tx: Db, workspaceId: string, jobId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(importUploads)
    .set({ touchedAt: at })
    .where(and(eq(importUploads.workspaceId, workspaceId), eq(importUploads.jobId, jobId)))
    .returning({ jobId: importUploads.jobId });
  return rows.length > 0;
}

/**
 * The upload is over (in the transaction that enqueues its job, or after it failed). False when
 * the sweep had discarded it, chunks included.
 */
export async function endUpload(tx: Db, workspaceId: string, jobId: string): Promise<boolean> {
  const rows = await tx
    .delete(importUploads)
    .where(and(eq(importUploads.workspaceId, workspaceId), eq(importUploads.jobId, jobId)))
    .returning({ jobId: importUploads.jobId });
  return rows.length > 0;
}

/**
 * Deletes the uploads not touched since `before` (their request or process died), then every
 * chunk that belongs to no upload and to no job that may still run: those of the dead uploads,
 * of an upload whose enqueuing never committed, of imports that failed for good. Deleting an
 * upload's row locks it, so a request touching it meanwhile waits and then learns it is gone;
 * one whose job committed first has its chunks kept, as the second statement sees that job.
 */
export async function sweepImportChunks(tx: Db, before: Date): Promise<{ uploads: number; chunks: number }> {
  const uploads = await tx
    .delete(importUploads)
    .where(lt(importUploads.touchedAt, before))
    .returning({ jobId: importUploads.jobId });
  const [chunks] = await queryRows<{ n: number }>(
    tx,
    sql`WITH swept AS (
          DELETE FROM import_chunks c
          WHERE NOT EXISTS (SELECT 1 FROM import_uploads u WHERE u.workspace_id = c.workspace_id AND u.job_id = c.job_id)
            AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = c.job_id AND j.state IN ('queued', 'running'))
          RETURNING 1)
        SELECT count(*)::int AS n FROM swept`,
  );
  return { uploads: uploads.length, chunks: chunks?.n ?? 0 };
}
